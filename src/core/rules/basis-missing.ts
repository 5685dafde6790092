import { tableRule } from "./rule";
import { hasText, namedRows, quoted } from "./shared";

export const basisMissing = tableRule({
  meta: {
    id: "basis-missing",
    severity: "warning",
    description: "A named indicator whose basis column (指标值确定依据) is empty, when the table has that column.",
    messages: {
      noBasis: {
        zh: "指标{indicator}没有填写指标值确定依据。请写明依据，如“年初工作计划”“历史标准”“行业标准”。",
        en: "Indicator {indicator} has no basis for its value. State one, e.g. the annual work plan or a standard.",
      },
    },
    examples: {
      bad: {
        cells: ["数量指标 › 召开会议次数 › 指标值: ≥6次", "数量指标 › 召开会议次数 › 指标值确定依据: （空）"],
        note: "Nothing says where the target of six meetings comes from.",
      },
      good: {
        cells: ["数量指标 › 召开会议次数 › 指标值: ≥6次", "数量指标 › 召开会议次数 › 指标值确定依据: 年初工作计划"],
        note: "The target is traced to the annual work plan.",
      },
    },
  },
  check({ table, report }) {
    if (table.columns.basis === null) return;
    for (const row of namedRows(table)) {
      if (hasText(row.basis)) continue;
      report({
        row: row.basis?.row ?? row.row,
        col: row.basis?.col ?? table.columns.basis,
        messageId: "noBasis",
        data: { indicator: quoted(row.level3!.text) },
      });
    }
  },
});
