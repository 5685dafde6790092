import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/report";
import type { PaneStrings } from "../i18n";
import { isEmptyResult } from "../findings";
import type { CheckResult } from "../state";
import { severityColours } from "./palette";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  tileCount: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightBold,
  },
  tileLabel: {
    fontSize: tokens.fontSizeBase200,
  },
  detail: {
    color: tokens.colorNeutralForeground2,
  },
  emptyBox: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
});

const severities: readonly Severity[] = ["error", "warning", "info"];

interface SummaryProps {
  text: PaneStrings;
  result: CheckResult | null;
  busy: boolean;
  onInsertTemplate: () => void;
}

/** The result in numbers; an aria-live region so a screen reader announces each new result. */
export function Summary({ text, result, busy, onInsertTemplate }: SummaryProps) {
  const styles = useStyles();
  const counts = result
    ? { error: result.summary.errors, warning: result.summary.warnings, info: result.summary.infos }
    : null;
  return (
    <section className={styles.region} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.heading}>
        {text.summaryHeading}
      </h2>
      <div aria-live="polite" aria-atomic="true" data-testid="summary">
        {!result || !counts ? (
          <Text className={styles.detail}>{text.summaryNotChecked}</Text>
        ) : (
          <div className={styles.region}>
            <div className={styles.tiles}>
              {severities.map((severity) => (
                <div
                  key={severity}
                  className={styles.tile}
                  style={{ backgroundColor: severityColours[severity].fill, color: severityColours[severity].text }}
                  data-testid={`count-${severity}`}
                  data-count={counts[severity]}
                  aria-label={text.severityCount(severity, counts[severity])}
                >
                  <span className={styles.tileCount}>{counts[severity]}</span>
                  <span className={styles.tileLabel}>{text.severityName[severity]}</span>
                </div>
              ))}
            </div>
            <Text className={styles.detail} data-testid="tables-found" data-count={result.tables.length}>
              {text.tablesFound(result.tables.length)} · {text.checkedScope(result.scope, result.sheetCount)}
            </Text>
            {isEmptyResult(result.tables, result.issues) ? (
              <div className={styles.emptyBox}>
                <Text>{text.noTableFound}</Text>
                <Button appearance="primary" disabled={busy} onClick={onInsertTemplate}>
                  {text.noTableFoundAction}
                </Button>
              </div>
            ) : counts.error + counts.warning === 0 ? (
              <Text weight="semibold">{text.allClear}</Text>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}
