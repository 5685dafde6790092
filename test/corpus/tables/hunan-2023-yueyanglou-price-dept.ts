import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "hunan-2023-yueyanglou-price-dept",
  province: "湖南",
  publisher: "岳阳市岳阳楼区发展和改革局（岳阳楼区价格认证鉴定中心）",
  source: "http://monopolymediamarketing.com/21487/21535/21748/21750/21907/content_2062100.html",
  year: 2023,
  description:
    "岳阳楼区价格认证鉴定中心2023年度整体绩效目标表 (来源: 区发改局, 2023-04-26), a department-wide target table. " +
    "The stored page is a mirror of the 岳阳楼区 government page that renders the text in traditional characters; it is " +
    "reproduced here in simplified characters, as the bureau published it. Only the beginning of the table was visible: " +
    "the rows from the header block down to the 社会效益指标 row; the rows after it (生态效益 … 满意度) were cut off and are " +
    "left out. Header labels carry the form's required-field asterisks (*部门(单位)职责, *年度总体绩效目标, *指标值, *指标解释, " +
    "*评(扣)分标准). The grid has split columns 指标值类型 (定量/定性) | *指标值 | 计量单位; the 时效 row's value spans the " +
    "value and unit cells. The 经济效益指标 row holds only the scoring text 未达指标值酌情扣分, placed here in the " +
    "评(扣)分标准 column.",
  patterns: ["department", "split-unit"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["岳阳楼区价格认证鉴定中心2023年度整体绩效目标表", null, null, null, null, null, null, null, null],
        ["部门(单位)名称", "岳阳楼区价格认证鉴定中心", null, null, null, null, null, null, null],
        ["*部门(单位)职责", "负责价格认定工作", null, null, null, null, null, null, null],
        ["*年度总体绩效目标", "做好涉案、价格认定工作。", null, null, null, null, null, null, null],
        ["绩效指标", null, null, null, null, null, null, null, null],
        ["一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位", "*指标解释", "*评(扣)分标准", "备注"],
        [
          "产出指标",
          "数量指标",
          "业务工作支出安排金额",
          "定量",
          "28.8万元",
          "%",
          "该指标主要考察业务工作支出安排情况",
          "未达指标值酌情扣分",
          null,
        ],
        [
          null,
          "质量指标",
          "业务工作支出到位率",
          "定量",
          100,
          "%",
          "该指标主要考察业务工作支出安排到位情况",
          "未达指标值酌情扣分",
          null,
        ],
        [
          null,
          "时效指标",
          "工作安排时间",
          "定量",
          "按月安排",
          null,
          "该指标主要考察业务工作支出安排时间",
          "未达指标值酌情扣分",
          null,
        ],
        [
          null,
          "成本指标",
          "社会成本指标",
          "定量",
          100,
          "%",
          "该指标主要考察总成本控制情况",
          "未达指标值酌情扣分",
          null,
        ],
        ["效益指标", "经济效益指标", null, null, null, null, null, "未达指标值酌情扣分", null],
        [
          null,
          "社会效益指标",
          "保证单位正常运转",
          "定性",
          "应保尽保",
          "%",
          "该指标主要考察单位运转需要保障范围应保尽保",
          "未达指标值酌情扣分",
          null,
        ],
      ],
      merges: ["A1:I1", "B2:I2", "B3:I3", "B4:I4", "A5:I5", "A7:A10", "E9:F9", "A11:A12"],
    },
  ],
  expected: [
    {
      rule: "timeliness-format",
      severity: "warning",
      cell: "E9",
      why: "§5: 时效指标 value 按月安排 is neither a time (§4 list) nor a rate percentage",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "A6",
      why: "§5: no 满意度指标 in the reproduced rows (the page was cut off before them), 满意度 → warning",
    },
  ],
  disagreements: [
    "The value header is *指标值 (and *指标解释, *评(扣)分标准): the form marks required fields with an asterisk. §2's normalisation only removes white space and converts full-width ASCII, so a literal reader would find no value column and give grid-column-missing. The published table plainly has a value column, so the expectation follows the table: the asterisk should be dropped and no grid-column-missing is expected.",
    "社会成本指标 appears here as a level-3 indicator name under the level-2 成本指标 (产出). §3 detects the 2021 framework when 社会成本指标 'appears'; it is read here as appearing among the level names only, so the table is legacy and nothing is expected about 成本指标 as a level 1 or framework-mixed.",
    "The 数量 row gives 28.8万元 in the value cell and % in the 计量单位 cell. The spec says nothing about a value whose own unit contradicts the unit column; nothing is expected.",
    "level1-missing for 满意度 is caused by the truncation of the stored page, not by the published table (which may well have a 满意度 row).",
  ],
};

export default table;
