/**
 * Deterministic benchmark workbooks: many project tables per sheet in the Hebei layout (spec §2),
 * with realistic content and a realistic share of the defects reviewers send tables back for.
 * The same seed always yields the same workbook, so runs on different days compare.
 */
import type { CellRange } from "../../src/core/address";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";
import { writeXlsx } from "./xlsx-writer";

/** One generated cell: a value and, for numbers, the number format a unit would have set. */
export interface BenchCell {
  value: CellValue;
  format?: string;
}

export interface BenchSheet {
  name: string;
  rows: (BenchCell | null)[][];
  merges: CellRange[];
}

export interface BenchWorkbook {
  sheets: BenchSheet[];
  /** Indicator rows (grid rows below the grid headers), the size the benchmark is named by. */
  indicatorRows: number;
  tables: number;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the seed fixes every choice. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  money(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
}

const MONEY = "0.00";
const PERCENT = "0%";

/** Where the share of each defect comes from: what reviewers of published tables see most often. */
const DEFECT_SHARE = {
  optionList: 0.04, // 优秀 良好 一般 in place of a target (seed 001)
  vagueBenefit: 0.35, // 有效提高…: a third of qualitative benefit values in published tables
  unitMissing: 0.05,
  descriptionRepeatsName: 0.12,
  descriptionMissing: 0.04,
  basisMissing: 0.03,
  placeholderGoals: 0.05, // 1.目标内容1 left from the template
  placeholderValue: 0.01, // ≥XX次
  normalizable: 0.03, // full-width digits, >=, 12 月底
  dateSerial: 0.01,
  satisfactionFull: 0.05, // =100%
  planAsAmounts: 0.15, // amounts under a % label (seed 000)
  planNotFull: 0.03,
  codeMissing: 0.02,
  codeMalformed: 0.03,
  codeOtherYear: 0.02,
  fundsMismatch: 0.02,
  costOverBudget: 0.02,
  duplicateIndicator: 0.02,
  unknownLevel2: 0.01,
  satisfactionAsBenefit: 0.02,
  blankRow: 0.06, // a level-2 row the form printed and the unit left empty
};

interface IndicatorChoice {
  name: string;
  description: string;
  value: (d: Dice, budget: number) => BenchCell;
}

const q =
  (unit: string, min: number, max: number, op = "≥") =>
  (d: Dice): BenchCell => ({ value: `${op}${d.int(min, max)}${unit}` });
const text =
  (...options: string[]) =>
  (d: Dice): BenchCell => ({ value: d.pick(options) });

const INDICATORS: Record<string, IndicatorChoice[]> = {
  数量指标: [
    { name: "召开会议次数", description: "年度内召开全体会议和常委会会议的次数", value: q("次", 2, 12) },
    { name: "培训人次", description: "年度内组织业务培训的参训人次", value: q("人次", 50, 800) },
    { name: "采购设备数量", description: "按计划采购并投入使用的设备台数", value: q("台", 2, 60, "") },
    { name: "维修道路长度", description: "年度内完成养护维修的农村道路里程", value: q("公里", 5, 120) },
    { name: "覆盖行政村数", description: "项目覆盖的行政村个数", value: q("个", 10, 300) },
    { name: "发放补贴人数", description: "按标准发放补贴的人数", value: q("人", 100, 5000) },
    { name: "印制文史资料", description: "年度内编印文史资料的册数", value: q("册", 500, 3000) },
    { name: "开展调研课题", description: "围绕中心工作开展专题调研的课题数", value: q("项", 3, 15) },
  ],
  质量指标: [
    { name: "经费支付及时率", description: "各项工作经费按时支付的比例", value: q("%", 90, 99) },
    { name: "验收合格率", description: "完工项目一次性验收合格的比例", value: () => ({ value: "100%" }) },
    { name: "会议材料准确率", description: "会议材料无差错的比例", value: q("%", 95, 99) },
    { name: "设备完好率", description: "在用设备正常运行的比例", value: q("%", 90, 98) },
    { name: "资料编印质量", description: "文史资料编校质量", value: text("符合出版标准", "达到出版要求", "合格") },
  ],
  时效指标: [
    {
      name: "完成时限",
      description: "项目全部完成的时间",
      value: text("12月底", "12月底前", "年底前", "2024年12月31日前"),
    },
    { name: "资金支付时间", description: "资金全部支付完毕的时间", value: text("12月底", "11月底前", "年内") },
    { name: "采购完成时间", description: "政府采购程序完成的时间", value: text("6月30日前", "第三季度", "9月底前") },
    { name: "培训完成及时率", description: "按计划时间完成培训的比例", value: q("%", 95, 100) },
  ],
  成本指标: [
    { name: "经费成本", description: "项目所需经费总额", value: (d, budget) => ({ value: `≤${budget}万元` }) },
    { name: "人均培训成本", description: "每名参训人员的培训费用", value: q("元/人", 300, 1200, "≤") },
    {
      name: "会议费成本",
      description: "年度会议费支出",
      value: (d, budget) => ({ value: `≤${Math.round(budget * 50) / 100}万元` }),
    },
  ],
  经济成本指标: [
    { name: "项目总成本", description: "项目实施的全部经济成本", value: (d, budget) => ({ value: `≤${budget}万元` }) },
    { name: "单位设备采购成本", description: "每台设备的采购价格", value: q("元/台", 2000, 9000, "≤") },
  ],
  社会成本指标: [
    { name: "对社会发展的负面影响", description: "项目实施对社会的不利影响", value: text("无负面影响", "无") },
  ],
  生态环境成本指标: [
    { name: "环境污染情况", description: "项目实施造成的环境污染", value: text("无环境污染事件", "无") },
  ],
  经济效益指标: [
    { name: "带动农户增收", description: "项目带动农户年度增收金额", value: q("万元", 20, 400) },
    { name: "节约办公经费", description: "通过集中采购节约的经费", value: q("万元", 1, 30) },
  ],
  社会效益指标: [
    { name: "群众知晓率", description: "群众对政策内容的知晓比例", value: q("%", 85, 95) },
    {
      name: "委员履职能力提升",
      description: "委员参政议政能力提升情况",
      value: text("履职考核合格率≥95%", "形成调研报告≥3篇"),
    },
    { name: "社会治安状况", description: "项目区域内社会治安状况", value: text("无重大安全事故", "保持稳定") },
    { name: "协商建议采纳数", description: "形成并被采纳的协商建议数量", value: q("条", 5, 30) },
  ],
  生态效益指标: [
    { name: "绿化覆盖率", description: "项目区域绿化覆盖的比例", value: q("%", 35, 45) },
    { name: "垃圾无害化处理率", description: "生活垃圾无害化处理的比例", value: q("%", 90, 99) },
  ],
  可持续影响指标: [
    { name: "设施持续使用年限", description: "建成设施可持续使用的年限", value: q("年", 5, 20) },
    { name: "长效管理机制", description: "建立长效管理机制情况", value: text("建立长效管理机制并正常运行") },
    { name: "会议成果可持续影响", description: "会议成果转化为政策措施的情况", value: q("项", 2, 8) },
  ],
  服务对象满意度指标: [
    { name: "服务对象满意度", description: "问卷调查中满意和较满意的服务对象比例", value: q("%", 85, 95) },
    { name: "群众满意度", description: "受益群众对项目实施的满意比例", value: q("%", 85, 98) },
    { name: "参会委员满意度", description: "参会委员对会议组织的满意比例", value: q("%", 88, 96) },
  ],
};

const VAGUE = [
  "有效提高委员参政议政",
  "通过会议成果，提高委员能力",
  "进一步提升服务水平",
  "明显改善办公条件",
  "促进经济发展",
];
const BASES = ["年初工作计划", "历史标准", "行业标准", "预算批复", "计划标准", "问卷调查"];
const LEGACY: [string, string[]][] = [
  ["产出指标", ["数量指标", "数量指标", "质量指标", "时效指标", "成本指标"]],
  ["效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]],
  ["满意度指标", ["服务对象满意度指标"]],
];
const FRAMEWORK_2021: [string, string[]][] = [
  ["成本指标", ["经济成本指标", "社会成本指标", "生态环境成本指标"]],
  ["产出指标", ["数量指标", "数量指标", "质量指标", "时效指标"]],
  ["效益指标", ["经济效益指标", "社会效益指标", "可持续影响指标"]],
  ["满意度指标", ["服务对象满意度指标"]],
];
const PROJECT_SUBJECTS = [
  "专项运转保障",
  "委员活动",
  "文史资料编印",
  "办公楼维修改造",
  "农村道路养护",
  "信息化运维",
  "业务培训",
  "政协会议",
  "调研视察",
  "乡村振兴帮扶",
  "公务用车运行",
  "档案数字化",
];
const PROJECT_KINDS = ["经费", "项目", "专项经费", "补助资金"];
const UNITS = [
  "131001 中国人民政治协商会议巨鹿县委员会办公室本级",
  "131002 中国人民政治协商会议怀来县委员会办公室",
  "201003 巨鹿县财政局本级",
  "305001 巨鹿县农业农村局",
  "412002 巨鹿县交通运输局",
  "502004 巨鹿县教育局本级",
];
const GOALS = [
  "做好经费保障工作，保障办公正常运转。",
  "组织开展委员活动，全年开展视察调研6次以上。",
  "保障重要会议顺利举行，会议材料准确率不低于98%。",
  "按期完成维修改造任务，工程验收合格。",
  "完成年度培训计划，参训人员考核合格率达到95%。",
  "资金于12月底前全部支付完毕。",
];

/** Full-width digits and operator: a valid value the normaliser offers to tidy. */
function fullWidth(text: string): string {
  return text.replace(/[0-9%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace("≥", "＞＝");
}

interface TableDraft {
  rows: (BenchCell | null)[][];
  merges: CellRange[];
  indicatorRows: number;
}

const cell = (value: CellValue, format?: string): BenchCell => (format ? { value, format } : { value });
const WIDTH = 7; // columns A–G, as in both seeds

function projectCode(d: Dice, year: number): string {
  let tail = "";
  for (let i = 0; i < 11; i++) tail += d.int(0, 9);
  return `130529${String(year % 100).padStart(2, "0")}P${tail}${d.pick(["Y", "X", "1", "8"])}`;
}

/** One project table in the Hebei layout: title, header block, indicator grid. */
function projectTable(d: Dice, index: number, unit: string, year: number): TableDraft {
  const rows: (BenchCell | null)[][] = [];
  const merges: CellRange[] = [];
  const at = () => rows.length;
  const merge = (top: number, left: number, bottom: number, right: number) => merges.push({ top, left, bottom, right });
  const name = `${d.pick(PROJECT_SUBJECTS)}${d.pick(PROJECT_KINDS)}`;
  const budget = d.money(5, 500);

  merge(at(), 0, at(), WIDTH - 1);
  rows.push([cell(`${index}.${name}绩效目标表`)]);
  merge(at(), 0, at(), WIDTH - 2);
  rows.push([cell(unit), null, null, null, null, null, cell("单位：万元")]);

  let code: string | null = projectCode(d, year);
  if (d.chance(DEFECT_SHARE.codeMissing)) code = null;
  else if (d.chance(DEFECT_SHARE.codeMalformed)) code = code.slice(0, 18);
  else if (d.chance(DEFECT_SHARE.codeOtherYear)) code = projectCode(d, year - 1);
  merge(at(), 1, at(), 2);
  merge(at(), 4, at(), 6);
  rows.push([cell("项目编码"), code === null ? null : cell(code), null, cell("项目名称"), cell(name)]);

  const split = d.chance(0.2);
  const other = split ? Math.round(budget * 20) / 100 : 0;
  let fiscal = Math.round((budget - other) * 100) / 100;
  if (d.chance(DEFECT_SHARE.fundsMismatch)) fiscal = Math.round((fiscal - d.money(1, 5)) * 100) / 100;
  merge(at(), 0, at() + 1, 0);
  rows.push([
    cell("预算规模及资金用途"),
    cell("预算数"),
    cell(budget, MONEY),
    cell("其中：财政资金"),
    cell(fiscal, MONEY),
    cell("其他资金"),
    split ? cell(other, MONEY) : null,
  ]);
  merge(at(), 1, at(), WIDTH - 1);
  rows.push([
    null,
    cell(
      `按照年初工作计划开展${name.slice(0, 4)}相关工作，现申请${year}年${name}${budget}万元，计划${year}年底支出完毕。`,
    ),
  ]);

  const shares = [0.25, 0.5, 0.75, 1].map((s, i) => (i < 3 ? Math.round((s + d.int(-5, 5) / 100) * 100) / 100 : s));
  if (d.chance(DEFECT_SHARE.planNotFull)) shares[3] = 0.9;
  const asAmounts = d.chance(DEFECT_SHARE.planAsAmounts);
  merge(at(), 0, at() + 1, 0);
  rows.push([cell("资金支出计划（%）"), cell("3月底"), cell("6月底"), cell("10月底"), cell("12月底")]);
  rows.push([
    null,
    ...shares.map((s) => (asAmounts ? cell(Math.round(budget * s * 100) / 100, MONEY) : cell(s, PERCENT))),
  ]);

  const goals = d.chance(DEFECT_SHARE.placeholderGoals)
    ? "1.目标内容1"
    : [0, 1, 2].map((i) => `${i + 1}.${d.pick(GOALS)}`).join("\n");
  merge(at(), 1, at(), WIDTH - 1);
  rows.push([cell("绩效目标"), cell(goals)]);

  rows.push(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].map((t) => cell(t)));

  const framework = d.chance(0.25) ? FRAMEWORK_2021 : LEGACY;
  const mergedLevels = d.chance(0.7); // the rest leaves level 1 blank below a group's first row (seed 001)
  let indicatorRows = 0;
  const usedNames = new Map<string, string>();
  for (const [level1, level2s] of framework) {
    const groupTop = at();
    for (const level2 of level2s) {
      const choices = INDICATORS[level2];
      const previous = usedNames.get(level2);
      // A unit names each indicator once, except for the occasional copy-paste a reviewer catches.
      let choice = d.pick(choices);
      if (previous !== undefined && choices.length > 1 && !d.chance(DEFECT_SHARE.duplicateIndicator)) {
        while (choice.name === previous) choice = d.pick(choices);
      } else if (previous !== undefined) {
        choice = choices.find((c) => c.name === previous) ?? choice;
      }
      usedNames.set(level2, choice.name);
      const first = at() === groupTop;
      const level1Cell = first ? cell(level1) : null;
      let level2Text = level2;
      if (d.chance(DEFECT_SHARE.unknownLevel2)) level2Text = level2.replace("指标", "类指标");
      if (d.chance(DEFECT_SHARE.blankRow) && level1 !== "满意度指标" && !first) {
        rows.push([level1Cell, cell(level2Text), null, null, null, null]);
        indicatorRows++;
        continue;
      }
      let value = choice.value(d, budget);
      let name3 = choice.name;
      if (level1 === "效益指标" && d.chance(DEFECT_SHARE.satisfactionAsBenefit)) {
        name3 = "受益群众满意度";
        value = cell("≥90%");
      } else if (level1 === "效益指标" && d.chance(DEFECT_SHARE.vagueBenefit)) value = cell(d.pick(VAGUE));
      const v = value.value;
      if (typeof v === "string") {
        if (d.chance(DEFECT_SHARE.optionList)) value = cell("优秀 良好 一般");
        else if (d.chance(DEFECT_SHARE.placeholderValue)) value = cell("≥XX次");
        else if (/^[≥≤]?\d+[\u4e00-\u9fff]+$/.test(v) && d.chance(DEFECT_SHARE.unitMissing)) {
          value = cell(v.replace(/[\u4e00-\u9fff/]+$/, ""));
        } else if (d.chance(DEFECT_SHARE.normalizable)) value = cell(fullWidth(v));
        if (level2 === "服务对象满意度指标" && d.chance(DEFECT_SHARE.satisfactionFull)) value = cell("=100%");
        if (
          (level2 === "成本指标" || level2 === "经济成本指标") &&
          /万元$/.test(v) &&
          d.chance(DEFECT_SHARE.costOverBudget)
        ) {
          value = cell(`${Math.round(budget * 130) / 100}万元`);
        }
      }
      if (level2 === "时效指标" && d.chance(DEFECT_SHARE.dateSerial)) value = cell(45657);
      const description = d.chance(DEFECT_SHARE.descriptionRepeatsName)
        ? cell(name3)
        : d.chance(DEFECT_SHARE.descriptionMissing)
          ? null
          : cell(choice.description);
      const basis = d.chance(DEFECT_SHARE.basisMissing) ? null : cell(d.pick(BASES));
      rows.push([level1Cell, cell(level2Text), cell(name3), description, value, basis]);
      indicatorRows++;
    }
    if (mergedLevels && at() - 1 > groupTop) merge(groupTop, 0, at() - 1, 0);
  }
  return { rows, merges, indicatorRows };
}

/**
 * A workbook of about `indicatorRows` indicator rows: project tables one under another, spread over
 * `sheetCount` sheets (one per group of units), so each sheet grows with the workbook.
 */
export function generateWorkbook(indicatorRows: number, seed = 20240601, sheetCount = 4): BenchWorkbook {
  const d = new Dice(seededRandom(seed));
  const year = 2024;
  const perSheet = Math.ceil(indicatorRows / sheetCount);
  const sheets: BenchSheet[] = [];
  let total = 0;
  let tables = 0;
  for (let s = 0; s < sheetCount && total < indicatorRows; s++) {
    const sheet: BenchSheet = { name: `${year}年项目绩效目标（${s + 1}）`, rows: [], merges: [] };
    const unit = UNITS[s % UNITS.length];
    let sheetRows = 0;
    let index = 1;
    while (sheetRows < perSheet && total < indicatorRows) {
      const table = projectTable(d, index++, unit, year);
      const offset = sheet.rows.length;
      sheet.rows.push(...table.rows);
      for (const m of table.merges) {
        sheet.merges.push({ top: m.top + offset, left: m.left, bottom: m.bottom + offset, right: m.right });
      }
      sheet.rows.push([]); // one blank row between tables
      sheetRows += table.indicatorRows;
      total += table.indicatorRows;
      tables++;
    }
    sheets.push(sheet);
  }
  return { sheets, indicatorRows: total, tables };
}

/** The text Excel shows for a generated cell. */
export function displayText(c: BenchCell | null): string {
  if (!c || c.value === null) return "";
  if (typeof c.value !== "number") return String(c.value);
  if (c.format === PERCENT) return `${Math.round(c.value * 100)}%`;
  if (c.format === MONEY) return c.value.toFixed(2);
  return String(c.value);
}

/** The sheets as snapshots, as a host would read them (for the generator's own tests). */
export function toSnapshots(book: BenchWorkbook): SheetSnapshot[] {
  return book.sheets.map((sheet) =>
    normalizeSnapshot({
      name: sheet.name,
      values: sheet.rows.map((row) => row.map((c) => c?.value ?? null)),
      texts: sheet.rows.map((row) => row.map(displayText)),
      numberFormats: sheet.rows.map((row) => row.map((c) => c?.format ?? "General")),
      merges: sheet.merges,
    }),
  );
}

/** Writes the workbook as .xlsx, laid out as Excel saves one. */
export function writeWorkbook(book: BenchWorkbook, file: string): void {
  writeXlsx(book, file);
}
