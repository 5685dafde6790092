/**
 * Every string the task pane shows, in Chinese and English. One typed dictionary: a key missing
 * from either language is a compile error.
 */
import type { Severity } from "../core/report";

export type Language = "zh" | "en";

export interface PaneStrings {
  appTitle: string;
  appSubtitle: string;
  validate: string;
  validating: string;
  insertTemplate: string;
  inserting: string;
  clearMarks: string;
  clearing: string;
  actionsLabel: string;
  summaryHeading: string;
  summaryNotChecked: string;
  tablesFound: (count: number) => string;
  severityName: Record<Severity, string>;
  severityCount: (severity: Severity, count: number) => string;
  checkedScope: (scope: "active" | "all", sheetCount: number) => string;
  allClear: string;
  noTableFound: string;
  noTableFoundAction: string;
  findingsHeading: string;
  tableGroupTitle: (index: number, projectName: string | null) => string;
  tableGroupDetail: (sheet: string, range: string, projectCode: string | null) => string;
  tableKind: Record<"project" | "department" | "self-evaluation" | "unknown", string>;
  frameworkName: Record<"legacy" | "2021", string>;
  sheetGroupTitle: (sheet: string) => string;
  groupNoFindings: string;
  groupCounts: (errors: number, warnings: number, infos: number) => string;
  findingAccessibleName: (severity: Severity, address: string, message: string) => string;
  findingGoToCell: (address: string) => string;
  suggestedValue: (value: string) => string;
  selectionHeading: (address: string) => string;
  /** A tile's label under its count: "errors", "1 error". */
  severityLabel: (severity: Severity, count: number) => string;
  filterLabel: string;
  filterHint: string;
  filterShowing: (shown: number, total: number) => string;
  showMore: (remaining: number) => string;
  previousFinding: string;
  nextFinding: string;
  navigationLabel: string;
  navigationPosition: (index: number, total: number) => string;
  navigationHint: string;
  sameMessageCells: (count: number) => string;
  applyFix: string;
  undoFix: string;
  fixApplied: (value: string) => string;
  fixUndone: string;
  exportFindings: string;
  exporting: string;
  exported: (sheet: string) => string;
  exportSheetName: string;
  exportHeader: string[];
  applying: string;
  settingsHeading: string;
  frameworkLabel: string;
  frameworkAuto: string;
  frameworkLegacy: string;
  framework2021: string;
  frameworkLegacyShort: string;
  framework2021Short: string;
  yearLabel: string;
  yearPlaceholder: string;
  yearHint: string;
  yearInvalid: string;
  scopeLabel: string;
  scopeAll: string;
  scopeActive: string;
  languageLabel: string;
  templateHeading: string;
  templateHint: string;
  templateKindLabel: string;
  templateFrameworkLabel: string;
  templateWhereLabel: string;
  templateWhereNewSheet: string;
  templateWhereSelection: string;
  templateInserted: (sheet: string, range: string) => string;
  templateSheetName: string;
  cleared: (count: number) => string;
  clearedNone: string;
  ribbonResults: (when: string) => string;
  failureTitle: string;
  failureGeneric: string;
  dismiss: string;
  notInExcel: string;
  loading: string;
}

/** Findings rendered per page of the list: enough to scroll, few enough that 10,000 findings stay fluid. */
export const PAGE_SIZE = 150;

/** "1 error", "12 errors". */
function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const severityZh: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const severityEn: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Suggestion" };

const zh: PaneStrings = {
  appTitle: "绩效目标表校验",
  appSubtitle: "检查指标是否完整、可衡量，并标出有问题的单元格。",
  validate: "校验",
  validating: "正在校验…",
  insertTemplate: "插入项目模板",
  inserting: "正在插入模板…",
  clearMarks: "清除标记",
  clearing: "正在清除标记…",
  actionsLabel: "操作",
  summaryHeading: "校验结果",
  summaryNotChecked: "尚未校验。点击“校验”检查绩效目标表。",
  tablesFound: (count) => `找到 ${count} 张绩效目标表`,
  severityName: severityZh,
  severityCount: (severity, count) => `${severityZh[severity]} ${count}`,
  checkedScope: (scope, sheetCount) =>
    scope === "all" ? `已检查整个工作簿（${sheetCount} 个工作表）` : "已检查当前工作表",
  allClear: "未发现错误或警告。",
  noTableFound: "没有找到绩效目标表（需要有“一级指标、二级指标、三级指标、指标值”等列标题）。",
  noTableFoundAction: "插入一张空白项目模板",
  findingsHeading: "问题清单",
  tableGroupTitle: (index, projectName) => `表 ${index + 1}：${projectName ?? "（未填写项目名称）"}`,
  tableGroupDetail: (sheet, range, projectCode) =>
    `${sheet}!${range}${projectCode ? ` · 项目编码 ${projectCode}` : ""}`,
  tableKind: {
    project: "项目绩效目标表",
    department: "部门整体绩效目标表",
    "self-evaluation": "绩效自评表",
    unknown: "绩效目标表",
  },
  frameworkName: { legacy: "旧版指标体系", "2021": "2021 版指标体系" },
  sheetGroupTitle: (sheet) => `工作表“${sheet}”`,
  groupNoFindings: "这张表没有发现问题。",
  groupCounts: (errors, warnings, infos) => `错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`,
  findingAccessibleName: (severity, address, message) => `${severityZh[severity]}，${address}：${message}`,
  findingGoToCell: (address) => `转到单元格 ${address}`,
  suggestedValue: (value) => `建议改为：${value}`,
  selectionHeading: (address) => `选中的单元格 ${address}`,
  severityLabel: (severity) => severityZh[severity],
  filterLabel: "按级别筛选",
  filterHint: "点击数字只看这一级别的问题，再点一次恢复。",
  filterShowing: (shown, total) => `显示 ${shown} / ${total} 个问题`,
  showMore: (remaining) => `再显示 ${Math.min(remaining, PAGE_SIZE)} 个（还有 ${remaining} 个）`,
  previousFinding: "上一个",
  nextFinding: "下一个",
  navigationLabel: "逐个查看问题",
  navigationPosition: (index, total) => (index < 0 ? `共 ${total} 个问题` : `第 ${index + 1} / ${total} 个`),
  navigationHint: "快捷键：Alt+↓ 下一个，Alt+↑ 上一个",
  sameMessageCells: (count) => `同样的问题还出现在以下 ${count} 个单元格：`,
  applyFix: "应用修改",
  undoFix: "撤销修改",
  fixApplied: (value) => `已改为：${value}`,
  fixUndone: "已撤销，单元格恢复原值。",
  exportFindings: "导出结果",
  exporting: "正在导出结果…",
  exported: (sheet) => `已把问题清单导出到新工作表“${sheet}”。`,
  exportSheetName: "校验结果",
  exportHeader: ["单元格", "级别", "规则", "表", "问题", "建议修改"],
  applying: "正在修改…",
  settingsHeading: "设置",
  frameworkLabel: "指标体系",
  frameworkAuto: "自动识别",
  frameworkLegacy: "旧版（产出、效益、满意度）",
  framework2021: "2021 版（含成本指标）",
  frameworkLegacyShort: "旧版",
  framework2021Short: "2021 版",
  yearLabel: "预算年度",
  yearPlaceholder: "自动",
  yearHint: "留空时从标题或工作表名称中识别。",
  yearInvalid: "请输入 4 位年份，例如 2024。",
  scopeLabel: "校验范围",
  scopeAll: "整个工作簿",
  scopeActive: "当前工作表",
  languageLabel: "语言 / Language",
  templateHeading: "项目模板",
  templateHint: "“插入项目模板”会写入一张空白的项目绩效目标表，不会覆盖任何已有内容。",
  templateKindLabel: "模板类型",
  templateFrameworkLabel: "指标体系",
  templateWhereLabel: "插入位置",
  templateWhereNewSheet: "新工作表",
  templateWhereSelection: "选中的单元格处（须为空白区域）",
  templateInserted: (sheet, range) => `已在工作表“${sheet}”的 ${range} 插入项目模板。`,
  templateSheetName: "项目绩效目标表",
  cleared: (count) => `已清除 ${count} 个单元格的标记，原有格式已恢复。`,
  clearedNone: "没有需要清除的标记。",
  ribbonResults: (when) => `以下是功能区“校验”在 ${when} 的结果。`,
  failureTitle: "操作没有完成",
  failureGeneric: "出现了意外问题，请重试。如果一直出现，请关闭面板后重新打开。",
  dismiss: "关闭",
  notInExcel: "请在 Excel 中打开此加载项。",
  loading: "正在加载…",
};

const en: PaneStrings = {
  appTitle: "Target table check",
  appSubtitle: "Checks that indicators are complete and measurable, and marks the cells to fix.",
  validate: "Validate",
  validating: "Checking…",
  insertTemplate: "Insert project template",
  inserting: "Inserting the template…",
  clearMarks: "Clear highlights",
  clearing: "Clearing highlights…",
  actionsLabel: "Actions",
  summaryHeading: "Results",
  summaryNotChecked: "Not checked yet. Click Validate to check the target tables.",
  tablesFound: (count) => (count === 1 ? "1 target table found" : `${count} target tables found`),
  severityName: severityEn,
  severityCount: (severity, count) => {
    const plural = { error: "errors", warning: "warnings", info: "suggestions" }[severity];
    return count === 1 ? `1 ${severityEn[severity].toLowerCase()}` : `${count} ${plural}`;
  },
  checkedScope: (scope, sheetCount) =>
    scope === "all"
      ? `Checked the whole workbook (${sheetCount} ${sheetCount === 1 ? "sheet" : "sheets"})`
      : "Checked the active sheet",
  allClear: "No errors or warnings found.",
  noTableFound:
    "No target table found (it needs column headers such as level-1, level-2, level-3 indicator and value).",
  noTableFoundAction: "Insert an empty project template",
  findingsHeading: "Findings",
  tableGroupTitle: (index, projectName) => `Table ${index + 1}: ${projectName ?? "(no project name)"}`,
  tableGroupDetail: (sheet, range, projectCode) => `${sheet}!${range}${projectCode ? ` · code ${projectCode}` : ""}`,
  tableKind: {
    project: "Project target table",
    department: "Department target table",
    "self-evaluation": "Self-evaluation table",
    unknown: "Target table",
  },
  frameworkName: { legacy: "legacy framework", "2021": "2021 framework" },
  sheetGroupTitle: (sheet) => `Sheet "${sheet}"`,
  groupNoFindings: "No findings in this table.",
  groupCounts: (errors, warnings, infos) =>
    `${plural(errors, "error", "errors")} · ${plural(warnings, "warning", "warnings")} · ${plural(infos, "suggestion", "suggestions")}`,
  findingAccessibleName: (severity, address, message) => `${severityEn[severity]}, ${address}: ${message}`,
  findingGoToCell: (address) => `Go to cell ${address}`,
  suggestedValue: (value) => `Suggested: ${value}`,
  selectionHeading: (address) => `Selected cell ${address}`,
  severityLabel: (severity, count) =>
    count === 1
      ? severityEn[severity].toLowerCase()
      : { error: "errors", warning: "warnings", info: "suggestions" }[severity],
  filterLabel: "Filter by severity",
  filterHint: "Click a count to show only that severity; click again to show all.",
  filterShowing: (shown, total) => `Showing ${shown} of ${total} findings`,
  showMore: (remaining) => `Show ${Math.min(remaining, PAGE_SIZE)} more (${remaining} left)`,
  previousFinding: "Previous",
  nextFinding: "Next",
  navigationLabel: "Step through the findings",
  navigationPosition: (index, total) => (index < 0 ? plural(total, "finding", "findings") : `${index + 1} of ${total}`),
  navigationHint: "Shortcuts: Alt+↓ next, Alt+↑ previous",
  sameMessageCells: (count) =>
    count === 1 ? "The same finding is also in 1 more cell:" : `The same finding is also in ${count} more cells:`,
  applyFix: "Apply fix",
  undoFix: "Undo fix",
  fixApplied: (value) => `Changed to ${value}`,
  fixUndone: "Undone; the cell has its old value again.",
  exportFindings: "Export findings",
  exporting: "Exporting the findings…",
  exported: (sheet) => `Exported the findings to the new sheet "${sheet}".`,
  exportSheetName: "Findings",
  exportHeader: ["Cell", "Severity", "Rule", "Table", "Finding", "Suggested value"],
  applying: "Applying the fix…",
  settingsHeading: "Settings",
  frameworkLabel: "Indicator framework",
  frameworkAuto: "Detect automatically",
  frameworkLegacy: "Legacy (output, benefit, satisfaction)",
  framework2021: "2021 (with cost indicators)",
  frameworkLegacyShort: "Legacy",
  framework2021Short: "2021",
  yearLabel: "Budget year",
  yearPlaceholder: "Automatic",
  yearHint: "Leave empty to take it from the title or the sheet name.",
  yearInvalid: "Enter a four-digit year, for example 2024.",
  scopeLabel: "Check",
  scopeAll: "The whole workbook",
  scopeActive: "The active sheet",
  languageLabel: "语言 / Language",
  templateHeading: "Project template",
  templateHint: "Insert project template writes an empty project target table; it never overwrites anything.",
  templateKindLabel: "Template kind",
  templateFrameworkLabel: "Framework",
  templateWhereLabel: "Insert at",
  templateWhereNewSheet: "A new worksheet",
  templateWhereSelection: "The selected cell (the area must be empty)",
  templateInserted: (sheet, range) => `Inserted the project template on sheet "${sheet}" at ${range}.`,
  templateSheetName: "Project target table",
  cleared: (count) =>
    count === 1
      ? "Cleared the highlight of 1 cell; its own formatting is back."
      : `Cleared the highlights of ${count} cells; their own formatting is back.`,
  clearedNone: "There were no highlights to clear.",
  ribbonResults: (when) => `These are the results of the ribbon's Validate at ${when}.`,
  failureTitle: "That did not work",
  failureGeneric:
    "Something unexpected went wrong. Please try again; if it keeps happening, close and reopen the pane.",
  dismiss: "Dismiss",
  notInExcel: "Please open this add-in in Excel.",
  loading: "Loading…",
};

export const dictionaries: Record<Language, PaneStrings> = { zh, en };

export function strings(language: Language): PaneStrings {
  return dictionaries[language];
}

/** Chinese for any zh-* display language (zh-CN, zh-TW, zh-Hans…), English otherwise. */
export function languageFromDisplayLanguage(displayLanguage: string | null | undefined): Language {
  return /^zh(\b|[-_])/i.test((displayLanguage ?? "").trim()) ? "zh" : "en";
}
