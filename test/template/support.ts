/** Helpers for the template tests: a patch as the snapshot a host would read back, and seed 000's content. */
import { formatCellText } from "../../src/core/format";
import type { SheetPatch } from "../../src/core/patch";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";

/** The snapshot a host reads after writing the patch at A1 of an empty sheet. */
export function patchSnapshot(patch: SheetPatch, name: string): SheetSnapshot {
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < patch.rowCount; r++) {
    values.push(new Array(patch.colCount).fill(null));
    texts.push(new Array(patch.colCount).fill(""));
    numberFormats.push(new Array(patch.colCount).fill("General"));
  }
  for (const cell of patch.cells) {
    const format = (cell.style && patch.styles[cell.style]?.numberFormat) || "General";
    values[cell.row][cell.col] = cell.value;
    texts[cell.row][cell.col] = formatCellText(cell.value, format);
    numberFormats[cell.row][cell.col] = format;
  }
  return normalizeSnapshot({ name, values, texts, numberFormats, merges: patch.merges });
}

/** Seed 000 (spec §2): the content a user types into the template, numbers as numbers. */
export const SEED_000 = {
  title: "1.专项运转保障经费绩效目标表",
  unit: "131001 中国人民政治协商会议巨鹿县委员会办公室本级",
  projectCode: "13052923P00584011444Y",
  projectName: "专项运转保障经费",
  budget: 183.6,
  fiscalFunds: 183.6,
  purpose:
    "按照年初工作计划，开展委员活动、做好印制巨鹿县文史资料、召开全会、维护机关办公正常运行工作。现申请2023年专项运转保障经费183.6万元，计划2023年底支出完毕。",
  /** The amounts the seed shows under its % label. */
  plan: [45.9, 91.8, 137.7, 183.6],
  goals: "1.做好经费保障工作，保障办公正常运转。\n2.组织开展委员活动，提高委员参政议政能力。\n3.保障重要会议顺利举行",
  /** Level 2, then level 3, description, value, basis. */
  indicators: [
    ["数量指标", "召开会议次数", "重要会议召开次数", "≥2次", "年初工作计划"],
    ["质量指标", "经费支付及时率", "各项工作经费支付及时率", "≥95%", "年初工作计划"],
    ["时效指标", "完成时限", "办公运转经费全部支出时间", "12月底", "年初工作计划"],
    ["成本指标", "经费成本", "专项运转保障经费所需成本", "183.6万元", "年初工作计划"],
    ["社会效益指标", "委员履职能力提升", "委员参政议政能力有效提升", "有效提高委员参政议政", "年初工作计划"],
    ["可持续影响指标", "会议成果可持续影响", "会议成果产生的影响", "通过会议成果，提高委员能力", "年初工作计划"],
    [
      "服务对象满意度指标",
      "满意度",
      "通过问卷调查，满意和较满意的服务对象人数占调查总人数的比率",
      "≥95%",
      "年初工作计划",
    ],
  ] as const,
};

/**
 * What a freshly written, untouched template reports (spec §7, issue 14): a form waiting for its content
 * gets one hint that it is not filled in yet, not a finding per empty input.
 */
export const UNFILLED_TEMPLATE_RULES = ["table-unfilled"];

/** Header findings a template with only its project name typed in gives, each on its empty input cell. */
export const HEADER_INPUT_RULES = ["project-code-missing", "budget-missing", "goals-missing"];
