/**
 * Which Excel JavaScript API requirement sets the add-in needs, which it uses when present, and
 * what a user gains or loses with each. The manifest declares ExcelApi 1.9; newer sets are
 * detected at run time.
 */

/** The manifest's minimum: Range.getCellProperties / setCellProperties arrive in 1.9. */
export const MINIMUM_EXCEL_API = "1.9";

export interface ExcelFeatures {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Largest request or response one sync may carry, in characters of JSON; null where Excel sets none. */
  payloadLimit: number | null;
}

/** Excel on the web refuses requests and responses above 5 MB. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface RequirementNote {
  set: string;
  /** Required by the manifest, or used only when present. */
  role: "minimum" | "optional";
  givesZh: string;
  givesEn: string;
  /** What the add-in does when the set is missing (optional sets only). */
  withoutZh: string | null;
  withoutEn: string | null;
}

/** For the README: what each requirement set gives, and what a user without it loses. */
export const REQUIREMENT_NOTES: readonly RequirementNote[] = [
  {
    set: "ExcelApi 1.9",
    role: "minimum",
    givesZh:
      "读取工作表（值与数字格式）、按单元格保存并恢复原有填充和字体颜色、标记错误与警告、选中单元格、监听选区变化、插入带下拉列表和数据验证的项目模板。",
    givesEn:
      "Reading sheets (values and number formats), saving and restoring each cell's own fill and font colour, highlighting errors and warnings, selecting cells, following the selection, and inserting the project template with drop-downs and data validation.",
    withoutZh: null,
    withoutEn: null,
  },
  {
    set: "ExcelApi 1.13",
    role: "optional",
    givesZh: "读取合并单元格区域，校验时准确知道一级、二级指标合并到哪一行；插入模板前能发现目标区域里的合并单元格。",
    givesEn:
      "Reading merged areas, so the check knows exactly how far a merged level-1 or level-2 cell reaches, and template insertion sees merged cells in the target area.",
    withoutZh:
      "不读取合并区域：一级、二级指标下方的空白单元格按“同上”处理，校验结果不变；插入模板时无法预先发现目标区域里的合并单元格（写入失败时会整体撤销）。",
    withoutEn:
      'Merged areas are not read: blank cells below a level-1 or level-2 cell count as "same as above", so the findings are the same; template insertion cannot see merged cells in the target area beforehand (a failed write is undone as a whole).',
  },
  {
    set: "ExcelApi 1.18",
    role: "optional",
    givesZh:
      "在被标记的单元格上添加批注（备注），先中文后英文说明问题；清除标记时删除这些批注，用户自己的批注保持不变。",
    givesEn:
      "A note on each highlighted cell explaining the finding, Chinese then English; clearing the highlights removes those notes and leaves the user's own notes alone.",
    withoutZh: "单元格上不加批注，问题说明只显示在任务窗格中（选中被标记的单元格即可看到）。",
    withoutEn: "No notes are added; the explanation is shown in the task pane (select a highlighted cell to see it).",
  },
];

interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    platform?: unknown;
    diagnostics?: { platform?: unknown };
  };
}

function office(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

export function isExcelApiSupported(version: string): boolean {
  const requirements = office()?.context?.requirements;
  return !!requirements && requirements.isSetSupported("ExcelApi", version);
}

/** What this Excel supports, asked of Office.js at run time. */
export function detectFeatures(): ExcelFeatures {
  const context = office()?.context;
  const platform = context?.platform ?? context?.diagnostics?.platform;
  return {
    mergedAreas: isExcelApiSupported("1.13"),
    notes: isExcelApiSupported("1.18"),
    payloadLimit: platform === "OfficeOnline" ? WEB_PAYLOAD_LIMIT : null,
  };
}
