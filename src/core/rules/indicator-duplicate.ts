import type { Rule } from "./rule";
import { indicatorName, namedRows, quote } from "./shared";

export const indicatorDuplicate: Rule = {
  meta: {
    id: "indicator-duplicate",
    severity: "warning",
    description: "The same level-3 name twice under one level 2.",
  },
  scope: "table",
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
        message: `三级指标${quote(row.level3!.text)}在同一个二级指标下重复出现。请合并或改用不同的指标。`,
        messageEn: `Indicator ${quote(row.level3!.text, true)} appears twice under the same level-2 indicator. Merge them or use distinct indicators.`,
      });
    }
  },
};
