/** A clean, fully filled legacy project table (rows as typed; 1-based row numbers in comments). */
import type { SheetSnapshot } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";
import { money, pct, sheetOf, type TestCell } from "./sheet";

export function cleanRows(): TestCell[][] {
  // prettier-ignore
  return [
    /* 1 */ ["2024年会议保障经费绩效目标表", null, null, null, null, null, null],
    /* 2 */ ["131001 中国人民政治协商会议巨鹿县委员会办公室本级", null, null, null, null, null, "单位：万元"],
    /* 3 */ ["项目编码", "13052924P00584011444Y", null, "项目名称", "会议保障经费", null, null],
    /* 4 */ ["预算规模及资金用途", "预算数", money(50), "其中：财政资金", money(50), "其他资金", money(0)],
    /* 5 */ [null, "保障全体会议、常委会会议和专题协商会议召开。", null, null, null, null, null],
    /* 6 */ ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", null, null],
    /* 7 */ [null, pct(0.25), pct(0.5), pct(0.75), pct(1), null, null],
    /* 8 */ ["绩效目标", "全年召开全体会议2次、常委会会议4次，会议材料准确、经费支付及时。", null, null, null, null, null],
    /* 9 */ ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", null],
    /* 10 */ ["产出指标", "数量指标", "召开会议次数", "年度内召开全体会议和常委会会议的次数", "≥6次", "年初工作计划", null],
    /* 11 */ [null, "质量指标", "会议材料准确率", "会议材料无差错的比例", "≥98%", "历史标准", null],
    /* 12 */ [null, "时效指标", "会议完成时限", "年度会议全部召开完毕的时间", "12月底前", "年初工作计划", null],
    /* 13 */ [null, "成本指标", "会议费成本", "年度会议费支出总额", "≤50万元", "预算批复", null],
    /* 14 */ ["效益指标", "社会效益指标", "协商建议采纳数", "会议形成并被采纳的协商建议数量", "≥10条", "年初工作计划", null],
    /* 15 */ [null, "可持续影响指标", "协商成果转化数", "转化为政策措施的协商成果数量", "≥3项", "年初工作计划", null],
    /* 16 */ ["满意度指标", "服务对象满意度指标", "参会委员满意度", "问卷调查中满意和较满意的委员比例", "≥90%", "问卷调查", null],
  ];
}

// prettier-ignore
export const CLEAN_MERGES = ["A1:G1", "A2:F2", "B3:C3", "E3:G3", "A4:A5", "B5:G5", "A6:A7", "B8:G8", "A10:A13", "A14:A15"];

/** Sets one cell by A1 address, growing the rows as needed. */
export function setCell(rows: TestCell[][], address: string, value: TestCell): TestCell[][] {
  const ref = parseA1(address);
  if (!ref) throw new Error(`bad address ${address}`);
  while (rows.length <= ref.row) rows.push([]);
  const row = rows[ref.row];
  while (row.length <= ref.col) row.push(null);
  row[ref.col] = value;
  return rows;
}

export function cleanSheet(edit: (rows: TestCell[][]) => void = () => {}, merges = CLEAN_MERGES): SheetSnapshot {
  const rows = cleanRows();
  edit(rows);
  return sheetOf("项目绩效目标", rows, merges);
}
