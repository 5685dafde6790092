import { nameExample } from "./examples";
import { tableRule } from "./rule";
import { hasText } from "./shared";

export const level3Missing = tableRule({
  meta: {
    id: "level3-missing",
    severity: "error",
    description: "A grid row with a value, description or basis but no level-3 indicator name.",
    messages: {
      noName: {
        zh: "这一行填写了指标值、描述或依据，但没有三级指标名称。请填写指标名称，如{example}。",
        en: "This row has a value, description or basis but no level-3 indicator name. Fill in a name such as {example}.",
      },
    },
    examples: {
      bad: {
        cells: ["数量指标 › 三级指标: （空）", "数量指标 › （无名称） › 指标值: ≥6次"],
        note: "A target of six, but six of what?",
      },
      good: {
        cells: ["数量指标 › 三级指标: 召开会议次数", "数量指标 › 召开会议次数 › 指标值: ≥6次"],
        note: "The row names the indicator its value measures.",
      },
    },
  },
  check({ table, report }) {
    if (table.columns.level3 === null) return;
    for (const row of table.rows) {
      if (row.placeholder || hasText(row.level3)) continue;
      const anchor = row.level3 ?? { row: row.row, col: table.columns.level3 };
      report({ row: anchor.row, col: anchor.col, messageId: "noName", data: { example: nameExample(row, table) } });
    }
  },
});
