/**
 * Writes the example workbooks: the two source documents' project tables laid out as the published
 * Hebei forms (spec §2), and a clean, well-filled table for tests.
 *   examples/julu-2023.xlsx     seed 000: one project table, level-1 cells merged over their groups
 *   examples/huailai-2022.xlsx  seed 001: two project tables one under the other, level-1 cells blank
 *                               below the first row of a group, as extracted
 *   test/fixtures/clean.xlsx    a sound legacy-framework project table that must give no finding
 * Run with `npm run examples`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";

export interface IndicatorRow {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string | number;
  basis: string;
}

export interface ProjectTable {
  title: string;
  unitLine: string;
  projectCode: string;
  projectName: string;
  budget: number;
  fiscalFunds: number;
  /** The other-funds value cell as the form holds it (often empty). */
  otherFunds: number | string | null;
  /** The fiscal-funds label exactly as printed (seed 001 keeps its inner spaces). */
  fiscalLabel: string;
  purpose: string;
  /** Cumulative spending plan at 3月底, 6月底, 10月底, 12月底, with the cells' number format. */
  plan: { values: number[]; numberFormat: string };
  goals: string;
  /** "merged": level-1 and repeated level-2 cells merged over their groups; "blank": left blank below a group's first row. */
  grouping: "merged" | "blank";
  /** An empty row between the goals and the indicator grid (seed 001's two Word tables). */
  gapBeforeGrid: boolean;
  rows: IndicatorRow[];
}

/** Seven columns: the grid uses A–F with its basis column merged over F:G; the budget row needs all seven. */
const COLUMN_WIDTHS = [14, 15, 18, 28, 17, 10, 12];
const LAST_COL = 7;
const AMOUNT_FORMAT = "0.00";
const FONT_NAME = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// ---------------------------------------------------------------------------------------------
// The two seeds, as the text gives them (PDF line-wrap artefacts undone).

export const JULU_2023: ProjectTable = {
  title: "1.专项运转保障经费绩效目标表",
  unitLine: "131001 中国人民政治协商会议巨鹿县委员会办公室本级",
  projectCode: "13052923P00584011444Y",
  projectName: "专项运转保障经费",
  budget: 183.6,
  fiscalFunds: 183.6,
  otherFunds: null,
  fiscalLabel: "其中：财政资金",
  purpose:
    "按照年初工作计划，开展委员活动、做好印制巨鹿县文史资料、召开全会、维护机关办公正常运行工作。" +
    "现申请2023年专项运转保障经费183.6万元，计划2023年底支出完毕。",
  // The form's label says %, but it prints the cumulative amounts.
  plan: { values: [45.9, 91.8, 137.7, 183.6], numberFormat: AMOUNT_FORMAT },
  goals: "1.做好经费保障工作，保障办公正常运转。\n2.组织开展委员活动，提高委员参政议政能力。\n3.保障重要会议顺利举行",
  grouping: "merged",
  gapBeforeGrid: false,
  rows: [
    row("产出指标", "数量指标", "召开会议次数", "重要会议召开次数", "≥2次", "年初工作计划"),
    row("产出指标", "质量指标", "经费支付及时率", "各项工作经费支付及时率", "≥95%", "年初工作计划"),
    row("产出指标", "时效指标", "完成时限", "办公运转经费全部支出时间", "12月底", "年初工作计划"),
    row("产出指标", "成本指标", "经费成本", "专项运转保障经费所需成本", "183.6万元", "年初工作计划"),
    row(
      "效益指标",
      "社会效益指标",
      "委员履职能力提升",
      "委员参政议政能力有效提升",
      "有效提高委员参政议政",
      "年初工作计划",
    ),
    row(
      "效益指标",
      "可持续影响指标",
      "会议成果可持续影响",
      "会议成果产生的影响",
      "通过会议成果，提高委员能力",
      "年初工作计划",
    ),
    row(
      "满意度指标",
      "服务对象满意度指标",
      "满意度",
      "通过问卷调查，满意和较满意的服务对象人数占调查总人数的比率",
      "≥95%",
      "年初工作计划",
    ),
  ],
};

function huailaiRows(): IndicatorRow[] {
  const options = "优秀 良好 一般";
  const basis = "根据会议实际";
  return [
    row("产出指标", "数量指标", "会议数量", "会议数量", "≥1次", basis),
    row("产出指标", "质量指标", "会议效果良好率", "会议效果良好率", options, basis),
    row("产出指标", "时效指标", "会议完成时限", "会议完成时限", options, basis),
    row("产出指标", "成本指标", "会议费成本", "人均会议费成本", options, basis),
    row("效益指标", "社会效益指标", "社会影响度", "社会影响度", options, basis),
    row("满意度指标", "服务对象满意度指标", "会议满意度", "会议满意度", options, basis),
  ];
}

const HUAILAI_UNIT = "131中国人民政治协商会议河北省怀来县委员会部门";
const HUAILAI_PLAN = { values: [0.5, 1, 1, 1], numberFormat: "0%" };

export const HUAILAI_2022: ProjectTable[] = [
  {
    title: "1.[13073022X000010998509]怀财字【2022】7号 专项经费绩效目标表",
    unitLine: HUAILAI_UNIT,
    projectCode: "13073022P00850910013X",
    projectName: "[13073022X000010998509]怀财字【2022】7号 专项经费",
    budget: 88.9,
    fiscalFunds: 88.9,
    otherFunds: " ",
    fiscalLabel: "其中：财政    资金",
    purpose: "[13073022P00850910013X][13073022X000010998509]怀财字【2022】7号 专项经费",
    plan: HUAILAI_PLAN,
    goals: "1.目标内容1",
    grouping: "blank",
    gapBeforeGrid: true,
    rows: huailaiRows(),
  },
  {
    title: "2.怀财字【2022】7号 政协会议绩效目标表",
    unitLine: HUAILAI_UNIT,
    projectCode: "13073022P007993100016",
    projectName: "怀财字【2022】7号 政协会议",
    budget: 5,
    fiscalFunds: 5,
    otherFunds: " ",
    fiscalLabel: "其中：财政    资金",
    purpose: "怀财字【2022】7号 政协会议",
    plan: HUAILAI_PLAN,
    goals: "1.目标内容1",
    grouping: "blank",
    gapBeforeGrid: true,
    rows: huailaiRows(),
  },
];

/** A sound, fully filled legacy-framework project table: the check must find nothing to say. */
export const CLEAN_TABLE: ProjectTable = {
  title: "2023年度机关办公设备购置经费绩效目标表",
  unitLine: "131001 中国人民政治协商会议巨鹿县委员会办公室本级",
  projectCode: "13052923P005840115020",
  projectName: "机关办公设备购置经费",
  budget: 48,
  fiscalFunds: 40,
  otherFunds: 8,
  fiscalLabel: "其中：财政资金",
  purpose:
    "更新机关使用年限已满的计算机和打印机，保障日常办公正常运转。所需资金48万元，其中财政资金40万元，单位自有资金8万元。",
  plan: { values: [0.25, 0.6, 0.9, 1], numberFormat: "0%" },
  goals: "1.年内完成30台计算机和10台打印机的采购与安装。\n2.新购设备全部验收合格，保障机关日常办公高效运转。",
  grouping: "merged",
  gapBeforeGrid: false,
  rows: [
    row("产出指标", "数量指标", "计算机购置数量", "更新老旧计算机的台数", "≥30台", "年度采购计划"),
    row("产出指标", "数量指标", "打印机购置数量", "更新老旧打印机的台数", "≥10台", "年度采购计划"),
    row("产出指标", "质量指标", "设备验收合格率", "验收合格设备数占购置设备总数的比率", "100%", "政府采购合同验收条款"),
    row("产出指标", "时效指标", "采购完成时间", "全部设备完成采购并安装到位的时间", "2023年6月30日前", "年度采购计划"),
    row("产出指标", "成本指标", "设备购置成本", "计算机和打印机购置总成本", "≤48万元", "预算批复"),
    row("效益指标", "社会效益指标", "公文处理时长", "公文从收文到办结的平均天数", "≤3天", "机关办文登记统计"),
    row("效益指标", "可持续影响指标", "设备使用年限", "新购设备预计正常使用的年限", "≥6年", "资产配置标准"),
    row("满意度指标", "服务对象满意度指标", "干部职工满意度", "使用新设备的干部职工中满意的比率", "≥90%", "问卷调查"),
  ],
};

function row(
  level1: string,
  level2: string,
  level3: string,
  description: string,
  value: string | number,
  basis: string,
): IndicatorRow {
  return { level1, level2, level3, description, value, basis };
}

// ---------------------------------------------------------------------------------------------
// Layout

type Worksheet = ExcelJS.Worksheet;

function setCell(
  sheet: Worksheet,
  rowNumber: number,
  col: number,
  value: ExcelJS.CellValue,
  options: { numberFormat?: string; bold?: boolean; horizontal?: "left" | "center" | "right"; border?: boolean } = {},
): void {
  const cell = sheet.getCell(rowNumber, col);
  cell.value = value;
  cell.font = { name: FONT_NAME, size: 10, bold: options.bold ?? false };
  cell.alignment = { horizontal: options.horizontal ?? "center", vertical: "middle", wrapText: true };
  if (options.numberFormat) cell.numFmt = options.numberFormat;
  if (options.border !== false) cell.border = BORDER;
}

/** Borders every cell of a merged area (Excel draws a merged area's edges from its cells). */
function merge(sheet: Worksheet, top: number, left: number, bottom: number, right: number, border = true): void {
  if (bottom === top && right === left) return;
  sheet.mergeCells(top, left, bottom, right);
  if (!border) return;
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) sheet.getCell(r, c).border = BORDER;
}

/** Display width of text in character units (CJK characters count double). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/** A row height (points) that shows wrapped text whole: Excel does not grow rows of a saved file by itself. */
function fitHeight(sheet: Worksheet, rowNumber: number, cells: { text: string; cols: number[] }[]): void {
  let lines = 1;
  for (const { text, cols } of cells) {
    const width = cols.reduce((sum, c) => sum + COLUMN_WIDTHS[c - 1], 0) - 1;
    const needed = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / width)), 0);
    lines = Math.max(lines, needed);
  }
  sheet.getRow(rowNumber).height = Math.max(20, lines * 14 + 6);
}

/** Writes one project table from `top` (1-based row); returns the first row below it. */
export function writeProjectTable(sheet: Worksheet, top: number, table: ProjectTable): number {
  let r = top;
  // Title and unit line, outside the bordered form.
  setCell(sheet, r, 1, table.title, { bold: true, border: false });
  sheet.getCell(r, 1).font = { name: FONT_NAME, size: 14, bold: true };
  merge(sheet, r, 1, r, LAST_COL, false);
  sheet.getRow(r).height = 28;
  r++;
  setCell(sheet, r, 1, table.unitLine, { horizontal: "left", border: false });
  merge(sheet, r, 1, r, 5, false);
  setCell(sheet, r, 6, "单位：万元", { horizontal: "right", border: false });
  merge(sheet, r, 6, r, LAST_COL, false);
  sheet.getRow(r).height = 20;
  r++;

  // 项目编码 | code | 项目名称 | name
  setCell(sheet, r, 1, "项目编码");
  setCell(sheet, r, 2, table.projectCode);
  merge(sheet, r, 2, r, 3);
  setCell(sheet, r, 4, "项目名称");
  setCell(sheet, r, 5, table.projectName);
  merge(sheet, r, 5, r, LAST_COL);
  fitHeight(sheet, r, [
    { text: table.projectCode, cols: [2, 3] },
    { text: table.projectName, cols: [5, 6, 7] },
  ]);
  r++;

  // 预算规模及资金用途 over two rows: the amounts, then the purpose text.
  setCell(sheet, r, 1, "预算规模及资金用途");
  merge(sheet, r, 1, r + 1, 1);
  setCell(sheet, r, 2, "预算数");
  setCell(sheet, r, 3, table.budget, { numberFormat: AMOUNT_FORMAT });
  setCell(sheet, r, 4, table.fiscalLabel);
  setCell(sheet, r, 5, table.fiscalFunds, { numberFormat: AMOUNT_FORMAT });
  setCell(sheet, r, 6, "其他资金");
  setCell(sheet, r, 7, table.otherFunds, typeof table.otherFunds === "number" ? { numberFormat: AMOUNT_FORMAT } : {});
  sheet.getRow(r).height = 24;
  r++;
  setCell(sheet, r, 2, table.purpose, { horizontal: "left" });
  merge(sheet, r, 2, r, LAST_COL);
  fitHeight(sheet, r, [{ text: table.purpose, cols: [2, 3, 4, 5, 6, 7] }]);
  r++;

  // 资金支出计划（%） over two rows: the checkpoints, then the cumulative values beneath them.
  const checkpoints: [string, number, number][] = [
    ["3月底", 2, 3],
    ["6月底", 4, 4],
    ["10月底", 5, 5],
    ["12月底", 6, 7],
  ];
  setCell(sheet, r, 1, "资金支出计划（%）");
  merge(sheet, r, 1, r + 1, 1);
  checkpoints.forEach(([label, left, right], i) => {
    setCell(sheet, r, left, label);
    merge(sheet, r, left, r, right);
    setCell(sheet, r + 1, left, table.plan.values[i], { numberFormat: table.plan.numberFormat });
    merge(sheet, r + 1, left, r + 1, right);
  });
  sheet.getRow(r).height = 20;
  sheet.getRow(r + 1).height = 20;
  r += 2;

  // 绩效目标
  setCell(sheet, r, 1, "绩效目标");
  setCell(sheet, r, 2, table.goals, { horizontal: "left" });
  merge(sheet, r, 2, r, LAST_COL);
  fitHeight(sheet, r, [{ text: table.goals, cols: [2, 3, 4, 5, 6, 7] }]);
  r++;
  if (table.gapBeforeGrid) r++;

  // The indicator grid.
  ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].forEach((header, i) =>
    setCell(sheet, r, i + 1, header, { bold: true }),
  );
  merge(sheet, r, 6, r, LAST_COL);
  sheet.getRow(r).height = 24;
  r++;
  const first = r;
  table.rows.forEach((indicator, i) => {
    const at = first + i;
    const previous = table.rows[i - 1];
    const sameLevel1 = previous?.level1 === indicator.level1;
    const sameLevel2 = sameLevel1 && previous?.level2 === indicator.level2;
    // In a "blank" table the group's first row names it and the rows below leave it empty.
    const showLevel1 = table.grouping === "merged" || !sameLevel1;
    const showLevel2 = table.grouping === "merged" || !sameLevel2;
    setCell(sheet, at, 1, showLevel1 ? indicator.level1 : null);
    setCell(sheet, at, 2, showLevel2 ? indicator.level2 : null);
    setCell(sheet, at, 3, indicator.level3);
    setCell(sheet, at, 4, indicator.description, { horizontal: "left" });
    setCell(sheet, at, 5, indicator.value);
    setCell(sheet, at, 6, indicator.basis);
    merge(sheet, at, 6, at, LAST_COL);
    fitHeight(sheet, at, [
      { text: indicator.level3, cols: [3] },
      { text: indicator.description, cols: [4] },
      { text: String(indicator.value), cols: [5] },
      { text: indicator.basis, cols: [6, 7] },
    ]);
  });
  if (table.grouping === "merged") {
    mergeRuns(sheet, first, table.rows, 1, (x) => x.level1);
    mergeRuns(sheet, first, table.rows, 2, (x) => `${x.level1}\u0000${x.level2}`);
  }
  return first + table.rows.length;
}

/** Merges each run of equal keys in one column vertically. */
function mergeRuns(
  sheet: Worksheet,
  first: number,
  rows: IndicatorRow[],
  col: number,
  key: (x: IndicatorRow) => string,
): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && key(rows[i]) === key(rows[start])) continue;
    merge(sheet, first + start, col, first + i - 1, col);
    start = i;
  }
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "target-table";
  // Fixed dates keep regenerated files identical in content.
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = new Date(Date.UTC(2024, 0, 1));
  return workbook;
}

function newSheet(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  return sheet;
}

/** A workbook holding the given project tables one under another on one sheet, a blank row between. */
export function projectWorkbook(sheetName: string, tables: readonly ProjectTable[]): ExcelJS.Workbook {
  const workbook = newWorkbook();
  const sheet = newSheet(workbook, sheetName);
  let next = 1;
  for (const table of tables) next = writeProjectTable(sheet, next, table) + 1;
  return workbook;
}

export const EXAMPLES: { file: string; sheet: string; tables: readonly ProjectTable[] }[] = [
  { file: "examples/julu-2023.xlsx", sheet: "Sheet1", tables: [JULU_2023] },
  { file: "examples/huailai-2022.xlsx", sheet: "Sheet1", tables: HUAILAI_2022 },
  { file: "test/fixtures/clean.xlsx", sheet: "Sheet1", tables: [CLEAN_TABLE] },
];

export async function writeExamples(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const example of EXAMPLES) {
    const target = path.join(root, example.file);
    await mkdir(path.dirname(target), { recursive: true });
    const data = await projectWorkbook(example.sheet, example.tables).xlsx.writeBuffer();
    await writeFile(target, new Uint8Array(data as ArrayBuffer));
    written.push(example.file);
  }
  return written;
}

if (require.main === module) {
  writeExamples(process.cwd()).then(
    (files) => {
      for (const file of files) process.stdout.write(`wrote ${file}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`make-examples: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
