/**
 * Turns what Excel throws (OfficeExtension.Error: a code and a technical message) into a
 * HostError: one plain sentence in Chinese and in English. The technical error stays as cause.
 */
import { HOST_ACTIONS, type HostOperation } from "../host/actions";
import { HostError } from "../host/types";

/** The Office.js error code ("AccessDenied", "ItemNotFound", …), or null for anything else. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

export function toHostError(error: unknown, operation: HostOperation): HostError {
  if (error instanceof HostError) return error;
  const action = HOST_ACTIONS[operation];
  const code = officeErrorCode(error);
  switch (code) {
    case "AccessDenied":
      return new HostError(
        `无法${action.zh}：工作表或工作簿受保护。请先撤销保护（审阅 → 撤销工作表保护），再重试。`,
        `Could not ${action.en}: the worksheet or workbook is protected. Unprotect it (Review → Unprotect Sheet) and try again.`,
        { cause: error },
      );
    case "InvalidOperationInCellEditMode":
      return new HostError(
        `无法${action.zh}：Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。`,
        `Could not ${action.en}: Excel is editing a cell. Press Enter or Esc to finish, then try again.`,
        { cause: error },
      );
    case "ItemNotFound":
      return new HostError(
        `无法${action.zh}：找不到相应的工作表或单元格，可能已被重命名或删除。请重新校验后再试。`,
        `Could not ${action.en}: the worksheet or cell was not found; it may have been renamed or deleted. Check the workbook again, then retry.`,
        { cause: error },
      );
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new HostError(
        `无法${action.zh}：数据量超过了 Excel 单次传输的上限。请缩小工作表（或分成几个工作表）后重试。`,
        `Could not ${action.en}: the data exceed what Excel can transfer at once. Make the sheet smaller (or split it into several sheets) and try again.`,
        { cause: error },
      );
    case "ApiNotFound":
      return new HostError(
        `无法${action.zh}：当前 Excel 版本不支持所需功能。请更新 Office 后重试。`,
        `Could not ${action.en}: this version of Excel lacks a feature it needs. Update Office and try again.`,
        { cause: error },
      );
    default:
      return new HostError(
        `无法${action.zh}：Excel 报告了错误${code ? `（${code}）` : ""}。请稍后重试。`,
        `Could not ${action.en}: Excel reported an error${code ? ` (${code})` : ""}. Please try again.`,
        { cause: error },
      );
  }
}
