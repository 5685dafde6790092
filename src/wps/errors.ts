/** Turns what WPS throws (an Error whose text WPS wrote) into a HostError: plain sentences in Chinese and English. */
import { HOST_ACTIONS, type HostOperation } from "../host/actions";
import { HostError } from "../host/types";

export type WpsOperation = Extract<HostOperation, "read" | "highlight" | "clear" | "select" | "template" | "listen">;

function detail(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}

export function toWpsHostError(error: unknown, operation: WpsOperation): HostError {
  if (error instanceof HostError) return error;
  const action = HOST_ACTIONS[operation];
  const said = detail(error);
  return new HostError(
    `无法${action.zh}：WPS 报告了错误${said ? `（${said}）` : ""}。请确认没有正在编辑的单元格、工作表未受保护，然后重试。`,
    `Could not ${action.en}: WPS reported an error${said ? ` (${said})` : ""}. Make sure no cell is being edited and the sheet is not protected, then try again.`,
    { cause: error },
  );
}

export function protectedSheetError(name: string, action: "highlight" | "clear"): HostError {
  return action === "highlight"
    ? new HostError(
        `无法标记问题单元格：工作表“${name}”受保护。请先撤销保护（审阅 → 撤销工作表保护），再重新校验。工作簿未作任何改动。`,
        `Could not highlight the findings: worksheet "${name}" is protected. Unprotect it (Review → Unprotect Sheet) and check again. Nothing in the workbook was changed.`,
      )
    : new HostError(
        `无法清除标记：工作表“${name}”受保护。请先撤销保护（审阅 → 撤销工作表保护），再清除标记。工作簿未作任何改动。`,
        `Could not clear the highlights: worksheet "${name}" is protected. Unprotect it (Review → Unprotect Sheet) and clear again. Nothing in the workbook was changed.`,
      );
}
