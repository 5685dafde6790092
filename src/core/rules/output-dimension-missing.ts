import type { Severity } from "../report";
import { tableRule } from "./rule";
import { filledRows } from "./shared";

export const outputDimensionMissing = tableRule({
  meta: {
    id: "output-dimension-missing",
    severity: "error",
    description:
      "产出指标 with no 数量指标 (an error), or no 质量指标, 时效指标 or, in the legacy framework, 成本指标 (a warning).",
    messages: {
      missingLevel2: {
        zh: "“产出指标”下缺少“{level2}”。请补充至少一项{level2}。",
        en: "The output indicators (产出指标) have no {level2}. Add at least one {level2} indicator.",
      },
    },
    examples: {
      bad: {
        cells: ["产出指标 › 数量指标 › 召开会议次数 › 指标值: ≥6次", "产出指标 › 时效指标: （空）"],
        note: "The outputs say how many meetings but not by when.",
      },
      good: {
        cells: [
          "产出指标 › 数量指标 › 召开会议次数 › 指标值: ≥6次",
          "产出指标 › 质量指标 › 会议材料准确率 › 指标值: ≥98%",
          "产出指标 › 时效指标 › 会议完成时限 › 指标值: 12月底前",
          "产出指标 › 成本指标 › 会议费成本 › 指标值: ≤50万元",
        ],
        note: "Quantity, quality, timeliness and cost are all covered.",
      },
    },
  },
  check({ table, report }) {
    const outputRows = filledRows(table).filter((row) => row.level1?.name === "产出指标");
    if (outputRows.length === 0) return; // level1-missing speaks about it
    const anchor = outputRows[0].level1!.cell;
    // An unknown level 2 under 产出 may be the missing dimension under another name: say nothing then.
    if (outputRows.some((row) => row.level2 !== null && row.level2.name === null)) return;
    const present = new Set(outputRows.map((row) => row.level2?.name));
    const required: [string, Severity][] = [
      ["数量指标", "error"],
      ["质量指标", "warning"],
      ["时效指标", "warning"],
    ];
    if (table.framework === "legacy") required.push(["成本指标", "warning"]);
    for (const [level2, severity] of required) {
      if (present.has(level2)) continue;
      report({ row: anchor.row, col: anchor.col, severity, messageId: "missingLevel2", data: { level2 } });
    }
  },
});
