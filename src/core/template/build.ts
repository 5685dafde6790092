/**
 * The project template (插入项目模板, spec §7): one empty project table in the Hebei layout of spec §2,
 * as a sheet patch every host applies the same way.
 *
 *   row 0  title                                           (A:G)
 *   row 1  预算单位 | unit code and name (B:F)             | 单位：万元
 *   row 2  项目编码 | code (B:C) | 项目名称 | name (E:G)
 *   row 3  预算规模及资金用途 (A, 2 rows) | 预算数 | amount | 其中：财政资金 | amount | 其他资金 | amount
 *   row 4                                 | purpose (B:G)
 *   row 5  资金支出计划（%） (A, 2 rows) | 3月底 | 6月底 | 10月底 (D:E) | 12月底 (F:G)
 *   row 6                               | the four cumulative percentages beneath
 *   row 7  绩效目标 | goals (B:G)
 *   row 8  一级指标 | 二级指标 | 三级指标 | 绩效指标描述 (D:E) | 指标值 | 指标值确定依据
 *   row 9… the framework's standard level-2 rows, level 1 and level 2 merged over their groups
 */
import type { CellRange, CellRef } from "../address";
import { FRAMEWORKS, type Level1 } from "../framework";
import type { PatchCell, PatchStyle, PatchValidation, PatchValue, SheetPatch } from "../patch";
import type { Framework } from "../report";
import { findTemplateKind, GENERAL, suggestedNames, TEMPLATE_KINDS, type TemplateKind } from "./kinds";
import { templatePrompt, type PromptKey, type PromptLanguage } from "./prompts";

interface TemplateOptions {
  framework: Framework;
  /** A kind by Chinese name or ASCII alias (会议 or meeting), or the kind itself; default 通用. */
  kind?: string | TemplateKind;
  /** Language of the input prompts. The form's own labels stay Chinese: the finance bureau and the checker read them. */
  language?: PromptLanguage;
}

/** One pre-listed row of the indicator grid. */
interface TemplateGridRow {
  row: number;
  level1: Level1;
  level2: string;
  /** The kind's suggested level-3 name, or null for an empty row. */
  level3: string | null;
}

/** Where the template's input cells are, in patch coordinates: for hosts that select a cell and for tests. */
interface TemplateLayout {
  columns: { level1: number; level2: number; level3: number; description: number; value: number; basis: number };
  title: CellRef;
  unit: CellRef;
  projectCode: CellRef;
  projectName: CellRef;
  budget: CellRef;
  fiscalFunds: CellRef;
  otherFunds: CellRef;
  purpose: CellRef;
  /** 3月底, 6月底, 10月底, 12月底: the input cells beneath the checkpoint labels. */
  checkpoints: CellRef[];
  goals: CellRef;
  gridHeaderRow: number;
  rows: TemplateGridRow[];
}

interface ProjectTemplate {
  patch: SheetPatch;
  layout: TemplateLayout;
  kind: TemplateKind;
}

/** A sheet name for a template placed on its own sheet (a host makes it unique). */
export const TEMPLATE_SHEET_NAME = "项目绩效目标表";

const TEMPLATE_TITLE = "项目支出绩效目标表";

export class UnknownTemplateKindError extends Error {
  constructor(readonly kindName: string) {
    super(
      `未知的模板类型“${kindName}”。可选：${TEMPLATE_KINDS.map((k) => `${k.name}（${k.id}）`).join("、")}。` +
        ` (Unknown template kind "${kindName}"; valid: ${TEMPLATE_KINDS.map((k) => k.id).join(", ")}.)`,
    );
    this.name = "UnknownTemplateKindError";
  }
}

const COLUMN_COUNT = 7;
const COL = { level1: 0, level2: 1, level3: 2, description: 3, value: 5, basis: 6 } as const;
/** The grid's description column spans two sheet columns so the header block above fits its seven cells. */
const DESCRIPTION_SPAN = { left: 3, right: 4 } as const;

/** Width in characters (a Chinese character counts about two). */
const COLUMN_WIDTHS = [12, 18, 20, 16, 16, 16, 18];

const GRID_ROW_HEIGHT = 30;

const BORDERED: PatchStyle = { border: true, wrap: true, vertical: "middle" };

const STYLES: Record<string, PatchStyle> = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle", wrap: true },
  label: { ...BORDERED, bold: true, fill: "#E8E8E8", horizontal: "center" },
  text: { ...BORDERED, horizontal: "left" },
  longText: { ...BORDERED, horizontal: "left", vertical: "top" },
  amount: { ...BORDERED, horizontal: "right", numberFormat: "0.00" },
  level: { ...BORDERED, horizontal: "center" },
  centered: { ...BORDERED, horizontal: "center" },
};

/** The standard level-2 rows of a framework: 数量 twice (units usually have two), every other level 2 once. */
function standardRows(framework: Framework): { level1: Level1; level2: string; count: number }[] {
  const def = FRAMEWORKS[framework];
  return def.level1.flatMap((level1) =>
    def.level2[level1].map((level2) => ({ level1, level2, count: level2 === "数量指标" ? 2 : 1 })),
  );
}

function resolveKind(kind: TemplateOptions["kind"]): TemplateKind {
  if (kind === undefined) return GENERAL;
  if (typeof kind !== "string") return kind;
  const found = findTemplateKind(kind);
  if (!found) throw new UnknownTemplateKindError(kind);
  return found;
}

function range(top: number, left: number, bottom = top, right = left): CellRange {
  return { top, left, bottom, right };
}

/** Collects cells, merges and validations; every cell of a merged area gets the style so borders close. */
class PatchWriter {
  readonly cells: PatchCell[] = [];
  readonly merges: CellRange[] = [];
  readonly validations: PatchValidation[] = [];
  readonly rowHeights: (number | null)[] = [];

  constructor(private readonly language: PromptLanguage) {}

  put(area: CellRange, value: PatchValue, style: string): void {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        this.cells.push({ row: r, col: c, value: r === area.top && c === area.left ? value : null, style });
      }
    }
    if (area.bottom > area.top || area.right > area.left) this.merges.push(area);
  }

  height(row: number, points: number): void {
    while (this.rowHeights.length <= row) this.rowHeights.push(null);
    this.rowHeights[row] = points;
  }

  prompt(key: PromptKey) {
    return templatePrompt(key, this.language);
  }

  textPrompt(area: CellRange, key: PromptKey): void {
    this.validations.push({ kind: "text", range: area, prompt: this.prompt(key) });
  }

  amount(area: CellRange, key: PromptKey): void {
    this.validations.push({
      kind: "decimal",
      range: area,
      min: 0,
      prompt: this.prompt(key),
      error: this.prompt("amountError"),
    });
  }
}

export function buildProjectTemplate(options: TemplateOptions): ProjectTemplate {
  const framework = options.framework;
  if (!FRAMEWORKS[framework]) throw new Error(`未知的指标体系“${String(framework)}”。(Unknown framework.)`);
  const kind = resolveKind(options.kind);
  const w = new PatchWriter(options.language ?? "zh");
  const last = COLUMN_COUNT - 1;

  // Title and unit line.
  w.put(range(0, 0, 0, last), TEMPLATE_TITLE, "title");
  w.textPrompt(range(0, 0), "title");
  w.height(0, 36);
  w.put(range(1, 0), "预算单位", "label");
  w.put(range(1, 1, 1, last - 1), null, "text");
  w.textPrompt(range(1, 1), "unit");
  w.put(range(1, last), "单位：万元", "label");
  w.height(1, 24);

  // Project code and name.
  w.put(range(2, 0), "项目编码", "label");
  w.put(range(2, 1, 2, 2), null, "text");
  w.textPrompt(range(2, 1), "projectCode");
  w.put(range(2, 3), "项目名称", "label");
  w.put(range(2, 4, 2, last), null, "text");
  w.textPrompt(range(2, 4), "projectName");
  w.height(2, 30);

  // Budget, its sources and the purpose row beneath.
  // Explicit line breaks keep the two long labels readable in the narrow first column; the checker ignores them.
  w.put(range(3, 0, 4, 0), "预算规模及\n资金用途", "label");
  w.put(range(3, 1), "预算数", "label");
  w.put(range(3, 2), null, "amount");
  w.amount(range(3, 2), "budget");
  w.put(range(3, 3), "其中：财政资金", "label");
  w.put(range(3, 4), null, "amount");
  w.amount(range(3, 4), "fiscalFunds");
  w.put(range(3, 5), "其他资金", "label");
  w.put(range(3, 6), null, "amount");
  w.amount(range(3, 6), "otherFunds");
  w.height(3, 30);
  w.put(range(4, 1, 4, last), null, "longText");
  w.textPrompt(range(4, 1), "purpose");
  w.height(4, 54);

  // Cumulative spending plan: checkpoint labels, the percentages beneath them.
  w.put(range(5, 0, 6, 0), "资金支出计划\n（%）", "label");
  const checkpointSpans: [number, number][] = [
    [1, 1],
    [2, 2],
    [3, 4],
    [5, 6],
  ];
  const checkpointLabels = ["3月底", "6月底", "10月底", "12月底"];
  const checkpoints: CellRef[] = [];
  checkpointSpans.forEach(([left, right], i) => {
    w.put(range(5, left, 5, right), checkpointLabels[i], "label");
    w.put(range(6, left, 6, right), null, "centered");
    checkpoints.push({ row: 6, col: left });
  });
  w.validations.push({
    kind: "decimal",
    range: range(6, 1, 6, last),
    min: 0,
    max: 100,
    prompt: w.prompt("plan"),
    error: w.prompt("planError"),
  });
  w.height(5, 22);
  w.height(6, 24);

  // Goals.
  w.put(range(7, 0), "绩效目标", "label");
  w.put(range(7, 1, 7, last), null, "longText");
  w.textPrompt(range(7, 1), "goals");
  w.height(7, 72);

  // Indicator grid header.
  const headerRow = 8;
  w.put(range(headerRow, COL.level1), "一级指标", "label");
  w.put(range(headerRow, COL.level2), "二级指标", "label");
  w.put(range(headerRow, COL.level3), "三级指标", "label");
  w.put(range(headerRow, DESCRIPTION_SPAN.left, headerRow, DESCRIPTION_SPAN.right), "绩效指标描述", "label");
  w.put(range(headerRow, COL.value), "指标值", "label");
  w.put(range(headerRow, COL.basis), "指标值确定依据", "label");
  w.height(headerRow, 30);

  // Indicator rows: each level 2 gets its standard rows, or as many as the kind suggests names for.
  const rows: TemplateGridRow[] = [];
  let row = headerRow + 1;
  const def = FRAMEWORKS[framework];
  for (const level1 of def.level1) {
    const level1Top = row;
    for (const group of standardRows(framework).filter((g) => g.level1 === level1)) {
      const names = suggestedNames(kind, group.level2);
      const count = Math.max(group.count, names.length);
      w.put(range(row, COL.level2, row + count - 1, COL.level2), group.level2, "level");
      for (let i = 0; i < count; i++) {
        const level3 = names[i] ?? null;
        rows.push({ row, level1, level2: group.level2, level3 });
        w.put(range(row, COL.level3), level3, "centered");
        w.put(range(row, DESCRIPTION_SPAN.left, row, DESCRIPTION_SPAN.right), null, "text");
        w.put(range(row, COL.value), null, "centered");
        w.put(range(row, COL.basis), null, "centered");
        w.height(row, GRID_ROW_HEIGHT);
        row++;
      }
    }
    w.put(range(level1Top, COL.level1, row - 1, COL.level1), level1, "level");
  }
  const firstRow = headerRow + 1;
  const lastRow = row - 1;

  const level2Lists: Record<string, string[]> = {};
  for (const level1 of def.level1) level2Lists[level1] = [...def.level2[level1]];
  const allLevel2 = [...new Set(def.level1.flatMap((level1) => def.level2[level1]))];
  w.validations.push(
    {
      kind: "list",
      range: range(firstRow, COL.level1, lastRow, COL.level1),
      items: [...def.level1],
      prompt: w.prompt("level1"),
    },
    {
      kind: "dependentList",
      range: range(firstRow, COL.level2, lastRow, COL.level2),
      parentCol: COL.level1,
      lists: level2Lists,
      fallback: allLevel2,
      listsName: framework,
      prompt: w.prompt("level2"),
    },
    { kind: "text", range: range(firstRow, COL.level3, lastRow, COL.level3), prompt: w.prompt("level3") },
    {
      kind: "text",
      range: range(firstRow, DESCRIPTION_SPAN.left, lastRow, DESCRIPTION_SPAN.right),
      prompt: w.prompt("description"),
    },
    { kind: "text", range: range(firstRow, COL.value, lastRow, COL.value), prompt: w.prompt("value") },
    { kind: "text", range: range(firstRow, COL.basis, lastRow, COL.basis), prompt: w.prompt("basis") },
  );

  const patch: SheetPatch = {
    rowCount: lastRow + 1,
    colCount: COLUMN_COUNT,
    cells: w.cells,
    styles: STYLES,
    merges: w.merges,
    columnWidths: [...COLUMN_WIDTHS],
    rowHeights: w.rowHeights,
    validations: w.validations,
  };
  const layout: TemplateLayout = {
    columns: { ...COL },
    title: { row: 0, col: 0 },
    unit: { row: 1, col: 1 },
    projectCode: { row: 2, col: 1 },
    projectName: { row: 2, col: 4 },
    budget: { row: 3, col: 2 },
    fiscalFunds: { row: 3, col: 4 },
    otherFunds: { row: 3, col: 6 },
    purpose: { row: 4, col: 1 },
    checkpoints,
    goals: { row: 7, col: 1 },
    gridHeaderRow: headerRow,
    rows,
  };
  return { patch, layout, kind };
}

/** One empty project table for the framework (and kind) chosen. */
export function buildTemplate(options: TemplateOptions): SheetPatch {
  return buildProjectTemplate(options).patch;
}
