import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
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
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    border: "2px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: "inherit",
    cursor: "pointer",
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  tilePressed: {
    border: `2px solid currentColor`,
    boxShadow: tokens.shadow4,
  },
  tileDimmed: {
    opacity: 0.75,
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
  /** The severities the list shows; empty shows all. */
  filter?: ReadonlySet<Severity>;
  /** A tile is a filter: pressing it shows only its severity, pressing it again shows all. */
  onToggleFilter?: (severity: Severity) => void;
}

/** The result in numbers; an aria-live region so a screen reader announces each new result. */
export function Summary({ text, result, busy, onInsertTemplate, filter, onToggleFilter }: SummaryProps) {
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
            <div className={styles.tiles} role="group" aria-label={text.filterLabel} title={text.filterHint}>
              {severities.map((severity) => {
                const pressed = filter?.has(severity) ?? false;
                const dimmed = (filter?.size ?? 0) > 0 && !pressed;
                return (
                  <button
                    type="button"
                    key={severity}
                    className={mergeClasses(styles.tile, pressed && styles.tilePressed, dimmed && styles.tileDimmed)}
                    style={{ backgroundColor: severityColours[severity].fill, color: severityColours[severity].text }}
                    data-testid={`count-${severity}`}
                    data-count={counts[severity]}
                    aria-pressed={pressed}
                    onClick={() => onToggleFilter?.(severity)}
                  >
                    <span className={styles.tileCount}>{counts[severity]}</span>{" "}
                    <span className={styles.tileLabel}>{text.severityLabel(severity, counts[severity])}</span>
                  </button>
                );
              })}
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
