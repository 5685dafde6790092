/** The seed tables as in-memory sheets (the example workbooks hold the same content). */
import type { SheetSnapshot } from "../../src/core/snapshot";
import { money, pct, sheetOf, type TestCell } from "./sheet";

/** Seed 000: one project, level-1 cells merged over their groups. Rows 1-based as in Excel. */
export function julu(): SheetSnapshot {
  // prettier-ignore
  const rows: TestCell[][] = [
    ["1.专项运转保障经费绩效目标表", null, null, null, null, null, null],
    ["131001 中国人民政治协商会议巨鹿县委员会办公室本级", null, null, null, null, null, "单位：万元"],
    ["项目编码", "13052923P00584011444Y", null, "项目名称", "专项运转保障经费", null, null],
    ["预算规模及资金用途", "预算数", money(183.6), "其中：财政资金", money(183.6), "其他资金", null],
    [null, "按照年初工作计划，开展委员活动、做好印制巨鹿县文史资料、召开全会、维护机关办公正常运行工作。现申请2023年专项运转保障经费183.6万元，计划2023年底支出完毕。", null, null, null, null, null],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", null, null],
    [null, money(45.9), money(91.8), money(137.7), money(183.6), null, null],
    ["绩效目标", "1.做好经费保障工作，保障办公正常运转。\n2.组织开展委员活动，提高委员参政议政能力。\n3.保障重要会议顺利举行", null, null, null, null, null],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", null],
    ["产出指标", "数量指标", "召开会议次数", "重要会议召开次数", "≥2次", "年初工作计划", null],
    [null, "质量指标", "经费支付及时率", "各项工作经费支付及时率", "≥95%", "年初工作计划", null],
    [null, "时效指标", "完成时限", "办公运转经费全部支出时间", "12月底", "年初工作计划", null],
    [null, "成本指标", "经费成本", "专项运转保障经费所需成本", "183.6万元", "年初工作计划", null],
    ["效益指标", "社会效益指标", "委员履职能力提升", "委员参政议政能力有效提升", "有效提高委员参政议政", "年初工作计划", null],
    [null, "可持续影响指标", "会议成果可持续影响", "会议成果产生的影响", "通过会议成果，提高委员能力", "年初工作计划", null],
    ["满意度指标", "服务对象满意度指标", "满意度", "通过问卷调查，满意和较满意的服务对象人数占调查总人数的比率", "≥95%", "年初工作计划", null],
  ];
  // prettier-ignore
  return sheetOf("2023年项目", rows, ["A1:G1", "A2:F2", "B3:C3", "E3:G3", "A4:A5", "B5:G5", "A6:A7", "B8:G8", "A10:A13", "A14:A15"]);
}

function huailaiTable(title: string, code: string, name: string, budget: number, purpose: string): TestCell[][] {
  // prettier-ignore
  return [
    [title, null, null, null, null, null, null],
    ["131中国人民政治协商会议河北省怀来县委员会部门", null, null, null, null, null, "单位：万元"],
    ["项目编码", code, null, "项目名称", name, null, null],
    ["预算规模及资金用途", "预算数", money(budget), "其中：财政    资金", money(budget), "其他资金", " "],
    [null, purpose, null, null, null, null, null],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", null, null],
    [null, pct(0.5), pct(1), pct(1), pct(1), null, null],
    ["绩效目标", "1.目标内容1", null, null, null, null, null],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", null],
    ["产出指标", "数量指标", "会议数量", "会议数量", "≥1次", "根据会议实际", null],
    [null, "质量指标", "会议效果良好率", "会议效果良好率", "优秀 良好 一般", "根据会议实际", null],
    [null, "时效指标", "会议完成时限", "会议完成时限", "优秀 良好 一般", "根据会议实际", null],
    [null, "成本指标", "会议费成本", "人均会议费成本", "优秀 良好 一般", "根据会议实际", null],
    ["效益指标", "社会效益指标", "社会影响度", "社会影响度", "优秀 良好 一般", "根据会议实际", null],
    ["满意度指标", "服务对象满意度指标", "会议满意度\n\n", "会议满意度\n\n", "优秀 良好 一般", "根据会议实际", null],
  ];
}

/** Seed 001: two projects on one sheet, level-1 cells blank below a group's first row (as extracted). */
export function huailai(): SheetSnapshot {
  const first = huailaiTable(
    "1.[13073022X000010998509]怀财字【2022】7号 专项经费绩效目标表",
    "13073022P00850910013X",
    "[13073022X000010998509]怀财字【2022】7号 专项经费",
    88.9,
    "[13073022P00850910013X][13073022X000010998509]怀财字【2022】7号 专项经费",
  );
  const second = huailaiTable(
    "2.怀财字【2022】7号 政协会议绩效目标表",
    "13073022P007993100016",
    "怀财字【2022】7号 政协会议",
    5,
    "怀财字【2022】7号 政协会议",
  );
  return sheetOf("预算项目绩效目标", [...first, [null], ...second]);
}
