import { tableRule } from "./rule";
import { indicatorName, namedRows, quoted } from "./shared";

export const indicatorDuplicate = tableRule({
  meta: {
    id: "indicator-duplicate",
    severity: "warning",
    description: "The same level-3 indicator name twice under one level 2.",
    messages: {
      duplicate: {
        zh: "三级指标{indicator}在同一个二级指标下重复出现。请合并或改用不同的指标。",
        en: "Indicator {indicator} appears twice under the same level-2 indicator. Merge them or use distinct indicators.",
      },
    },
    examples: {
      bad: {
        cells: ["数量指标 › 召开会议次数 › 指标值: ≥2次", "数量指标 › 召开会议次数 › 指标值: ≥4次"],
        note: "Two targets for one indicator: which one counts?",
      },
      good: {
        cells: ["数量指标 › 召开全体会议次数 › 指标值: ≥2次", "数量指标 › 召开常委会会议次数 › 指标值: ≥4次"],
        note: "Each indicator names what it counts.",
      },
    },
  },
  check({ table, report }) {
    // A repeated key needs a repeated name: most tables have none and stop here.
    const names = new Set<string>();
    let repeated = false;
    for (const row of namedRows(table)) {
      const name = indicatorName(row);
      if (names.has(name)) {
        repeated = true;
        break;
      }
      names.add(name);
    }
    if (!repeated) return;
    const seen = new Set<string>();
    for (const row of namedRows(table)) {
      const group = `${row.level1?.name ?? row.level1?.text ?? ""}/${row.level2?.name ?? row.level2?.text ?? ""}`;
      const key = `${group}|${indicatorName(row)}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      report({
        row: row.level3!.row,
        col: row.level3!.col,
        messageId: "duplicate",
        data: { indicator: quoted(row.level3!.text) },
      });
    }
  },
});
