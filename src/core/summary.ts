/** Counting findings by severity; kept apart from the report's schemas so the check path loads no zod. */
import type { Issue, Summary } from "./report";

export function summarize(issues: readonly Pick<Issue, "severity">[]): Summary {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const issue of issues) {
    if (issue.severity === "error") summary.errors++;
    else if (issue.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
