import type { CorpusTable } from "../format";

/**
 * 慈溪市财政局: 2023年慈溪市重大政策和项目绩效目标情况, first project (3岁以下婴幼儿照护服务项目): a bare
 * 项目具体目标表 (一级指标 | 二级指标 | 指标名称 | 指标值) under narrative headings, no project header block.
 */
const table: CorpusTable = {
  id: "zhejiang-2023-cixi-childcare",
  province: "浙江",
  publisher: "慈溪市财政局",
  source: "http://www.cixi.gov.cn/art/2023/3/7/art_1229041725_4196529.html",
  year: 2023,
  description:
    "2023年慈溪市重大政策和项目绩效目标情况 (published 2023-03-07 by the Cixi finance bureau, Ningbo), first project " +
    "3岁以下婴幼儿照护服务项目: headings (一)中长期绩效目标 with its text and (二)中长期绩效指标 with a sentence, then the " +
    "grid 项目具体目标表 with four columns 一级指标 | 二级指标 | 指标名称 | 指标值 and 11 indicators, complete. No project " +
    "header block (no 项目名称 / 预算 labels). The benefit rows carry a single cell 社会效益 where the other groups have " +
    "both a level-1 and a level-2 cell; it is reproduced as one cell merged over the level-1 and level-2 columns of " +
    "its four rows (the most likely HTML reading). The page continues with other projects (参保城乡居民健康体检经费 …), " +
    "which are not reproduced.",
  patterns: ["level-unknown"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2023年慈溪市重大政策和项目绩效目标情况", null, null, null],
        ["3岁以下婴幼儿照护服务项目项目绩效目标", null, null, null],
        ["(一)中长期绩效目标", null, null, null],
        [
          "坚持政府引导、家庭为主、多方参与、规范管理的原则,全面建立以家庭为基础、社区为依托、机构为补充的婴幼儿照护服务体系,建立健全婴幼儿照护服务工作管理体制和运行机制,全力推进婴幼儿照护服务健康有序发展,逐步满足群众对婴幼儿照护服务的需求,有效促进婴幼儿全面健康成长。到2025年,婴幼儿照护服务的政策体系、标准规范体系和覆盖城乡的服务体系基本健全,服务能力明显提升,广大家庭的婴幼儿照护服务需求得到进一步满足,每千人口拥有3岁以下婴幼儿托位数4.5个。",
          null,
          null,
          null,
        ],
        ["(二)中长期绩效指标", null, null, null],
        ["项目单位按项目实施内容设置了11个指标,包含数量类、时效类、质量类、效果类指标。指标如下:", null, null, null],
        ["项目具体目标表", null, null, null],
        ["一级指标", "二级指标", "指标名称", "指标值"],
        ["产出指标", "数量指标", "每千人托位", 4.5],
        [null, "质量指标", "应补尽补率", "100%"],
        [null, null, "审核准确性", "100%"],
        [null, null, "补助发放准确率", "100%"],
        [null, "时效指标", "补助发放及时性", "及时发放"],
        ["社会效益", null, "社区婴幼儿照护服务机构覆盖率", "提高"],
        [null, null, "婴幼儿健康管理率", "95%"],
        [null, null, "婴幼儿家长科学育儿知识普及率", "90%"],
        [null, null, "婴幼儿照护服务机构从业人员持证率", "80%"],
        ["满意度指标", "满意度指标", "受益单位满意度", "95%"],
        [null, null, "社会公众满意度", "≥90%"],
      ],
      merges: [
        "A1:D1",
        "A2:D2",
        "A3:D3",
        "A4:D4",
        "A5:D5",
        "A6:D6",
        "A7:D7",
        "A9:A13",
        "B10:B12",
        "A14:B17",
        "A18:A19",
        "B18:B19",
      ],
    },
  ],
  expected: [
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "D9",
      why: "§4/§5: the number 4.5 (每千人托位) has no unit and there is no unit column",
    },
    {
      rule: "timeliness-format",
      severity: "warning",
      cell: "D13",
      why: "§5: 及时发放 under 时效指标 is neither a time nor a rate percentage",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "D14",
      why: "§5: 提高 only names a direction of change (覆盖率 target with no number)",
    },
    {
      rule: "level1-unknown",
      severity: "warning",
      cell: "A14",
      why: "§2b/§3: 社会效益 in the level-1 column is no level 1 (it is a level-2 name)",
    },
    {
      rule: "level2-unknown",
      severity: "warning",
      cell: "B18",
      why: "§3: 满意度指标 is a level-1 name, not a level 2 (服务对象满意度指标); its rows are still checked as satisfaction",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "A9",
      why: "§5: legacy framework (no 成本指标 level 1) and 产出指标 has no 成本指标 level 2",
    },
  ],
  disagreements: [
    "The benefit indicators stand under a single cell 社会效益 in place of 效益指标 / 社会效益指标. Read literally, §5 " +
      "adds a level1-missing error for 效益指标 (no row has that level 1), although the four benefit indicators are " +
      "there; §2b only says unknown levels are still checked. Saying less, no level1-missing is expected; whether " +
      "the merged cell also counts as level 2 社会效益（指标） is left open (no level2 finding expected for it).",
    "满意度指标 repeated as the level 2 under 满意度指标 is very common in published tables; §3 makes it level2-unknown " +
      "(warning), which is what is expected here, but the spec may want to accept it as a spelling of 服务对象满意度指标.",
    "The grid lists 中长期绩效指标 (mid-term) under a 2023 budget publication; there is no annual grid to prefer.",
  ],
  knownDifferences: [
    {
      finding: "missed: Sheet1!B18 level2-unknown (warning)",
      reason:
        "满意度指标 written again as its own level 2 is read as 服务对象满意度指标 (see anhui-2025-jinan-tennis): the form's own wording, not an error of the unit.",
    },
  ],
};

export default table;
