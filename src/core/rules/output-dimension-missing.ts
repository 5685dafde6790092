import type { Severity } from "../report";
import type { Rule } from "./rule";
import { filledRows } from "./shared";

export const outputDimensionMissing: Rule = {
  meta: {
    id: "output-dimension-missing",
    severity: "error",
    description: "产出指标 lacks 数量指标 (error) or 质量/时效/legacy 成本 (warning).",
  },
  scope: "table",
  check({ table, report }) {
    const outputRows = filledRows(table).filter((row) => row.level1?.name === "产出指标");
    if (outputRows.length === 0) return; // level1-missing speaks about it
    const anchor = outputRows[0].level1!.cell;
    const present = new Set(outputRows.map((row) => row.level2?.name));
    const required: [string, Severity][] = [
      ["数量指标", "error"],
      ["质量指标", "warning"],
      ["时效指标", "warning"],
    ];
    if (table.framework === "legacy") required.push(["成本指标", "warning"]);
    for (const [level2, severity] of required) {
      if (present.has(level2)) continue;
      report({
        row: anchor.row,
        col: anchor.col,
        severity,
        message: `“产出指标”下缺少“${level2}”。请补充至少一项${level2}。`,
        messageEn: `The output indicators (产出指标) have no ${level2}. Add at least one ${level2} indicator.`,
      });
    }
  },
};
