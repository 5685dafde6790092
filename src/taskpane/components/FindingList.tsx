import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/report";
import type { AppliedFix, CellSelection } from "../../host/types";
import type { Language, PaneStrings } from "../i18n";
import { cellLabel, clusterIssues, fixSummary, fixWrites, type FindingGroup } from "../findings";
import { severityColours } from "./palette";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  groupDetail: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: "2px",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
    },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  itemAtSelection: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderLeftWidth: "4px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  itemTop: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  pill: {
    flexShrink: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  address: {
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  message: {
    overflowWrap: "anywhere",
  },
  fix: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  cells: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    listStyleType: "none",
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  cellButton: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  fixRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflowWrap: "anywhere",
  },
  groupToggle: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: 0,
    border: "none",
    background: "none",
    color: "inherit",
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  chevron: {
    flexShrink: 0,
    width: "1em",
  },
  dock: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    maxHeight: "45vh",
    overflowY: "auto",
    padding: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    boxShadow: tokens.shadow8,
  },
  navRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  selectionBox: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** A fix's state in the pane: not applied yet (absent), or applied, with what undo needs. */
export type FixStates = ReadonlyMap<Issue, AppliedFix>;

interface FixProps {
  /** The host can write fixes (Apply and Undo are offered). */
  canFix: boolean;
  fixes: FixStates;
  busy: boolean;
  onApply: (issue: Issue) => void;
  onUndo: (issue: Issue) => void;
}

interface FindingItemProps extends FixProps {
  text: PaneStrings;
  language: Language;
  /** Findings saying the same thing: the first is shown, the others' cells are listed. */
  issues: readonly Issue[];
  atSelection: boolean;
  current: boolean;
  onSelect: (issue: Issue) => void;
}

function dataOf(issue: Issue) {
  return {
    "data-testid": "finding",
    "data-severity": issue.severity,
    "data-rule": issue.rule,
    "data-sheet": issue.sheet,
    "data-cell": issue.cell,
  };
}

/**
 * One finding as a button (its visible text is its accessible name): the cell, the severity and the
 * rule's message; the other cells with the same message as small buttons; a fix with Apply / Undo.
 */
function FindingItem(props: FindingItemProps) {
  const { text, language, issues, atSelection, current, onSelect } = props;
  const styles = useStyles();
  const issue = issues[0];
  const colours = severityColours[issue.severity];
  const address = cellLabel(issue.sheet, issue.cell);
  const message = language === "zh" ? issue.message : issue.messageEn;
  const others = issues.slice(1);
  const writes = others.length === 0 ? fixWrites(issue) : [];
  const applied = props.fixes.get(issue);
  const suggestion = fixSummary(issue, language === "zh" ? "、" : ", ");
  return (
    <li className={styles.card} data-current={current || undefined}>
      <button
        type="button"
        className={mergeClasses(styles.item, (atSelection || current) && styles.itemAtSelection)}
        style={{ borderLeftColor: colours.text }}
        onClick={() => onSelect(issue)}
        aria-current={current || undefined}
        title={text.findingGoToCell(address)}
        {...dataOf(issue)}
      >
        <span className={styles.itemTop}>
          <span className={styles.pill} style={{ backgroundColor: colours.fill, color: colours.text }}>
            {text.severityName[issue.severity]}
          </span>{" "}
          <span className={styles.address}>{address}</span>
        </span>{" "}
        <span className={styles.message}>{message}</span>
      </button>
      {others.length > 0 ? (
        <ul className={styles.cells} aria-label={text.sameMessageCells(others.length)}>
          <li aria-hidden="true">{text.sameMessageCells(others.length)}</li>
          {others.map((other) => (
            <li key={other.cell}>
              <button
                type="button"
                className={styles.cellButton}
                onClick={() => onSelect(other)}
                title={text.findingGoToCell(cellLabel(other.sheet, other.cell))}
                {...dataOf(other)}
              >
                {other.cell}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {writes.length > 0 ? (
        <div className={styles.fixRow}>
          <span className={styles.fix} data-testid="fix-state" data-applied={applied ? "true" : "false"}>
            {applied ? text.fixApplied(suggestion) : text.suggestedValue(suggestion)}
          </span>
          {props.canFix ? (
            <Button
              size="small"
              appearance={applied ? "secondary" : "primary"}
              disabledFocusable={props.busy}
              onClick={() => (applied ? props.onUndo(issue) : props.onApply(issue))}
              data-testid="apply-fix"
              data-cell={issue.cell}
            >
              {applied ? text.undoFix : text.applyFix}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

interface FindingGroupsProps extends FixProps {
  text: PaneStrings;
  language: Language;
  /** The groups, already filtered by severity. */
  groups: readonly FindingGroup[];
  selectedKeys: ReadonlySet<Issue>;
  current: Issue | null;
  onSelect: (issue: Issue) => void;
  collapsed: ReadonlySet<string>;
  onToggleGroup: (key: string) => void;
  /** How many rows (group headings and findings) to render; the rest wait behind "show more". */
  limit: number;
  onShowMore: () => void;
  /** Findings shown and in all, when a filter hides some. */
  filtered: { shown: number; total: number } | null;
}

export function FindingGroups(props: FindingGroupsProps) {
  const { text, groups, collapsed, limit } = props;
  const styles = useStyles();
  if (groups.length === 0) return null;
  let budget = limit;
  let remaining = 0;
  const rendered = groups.map((group) => {
    const clusters = clusterIssues(group.issues);
    if (budget <= 0) {
      remaining += collapsed.has(group.key) ? 1 : clusters.length + 1;
      return null;
    }
    budget--;
    const open = !collapsed.has(group.key);
    const shown = open ? clusters.slice(0, Math.max(0, budget)) : [];
    if (open) {
      remaining += clusters.length - shown.length;
      budget -= shown.length;
    }
    const headingId = `group-${group.key}`;
    const listId = `list-${group.key}`;
    const table = group.table;
    return (
      <div key={group.key} className={styles.group} data-testid="finding-group" data-group={group.key}>
        <h3 id={headingId} className={styles.groupHeading}>
          <button
            type="button"
            className={styles.groupToggle}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => props.onToggleGroup(group.key)}
            data-testid="group-toggle"
          >
            <span className={styles.chevron} aria-hidden="true">
              {open ? "▾" : "▸"}
            </span>
            <span>
              {table && group.tableIndex !== null
                ? text.tableGroupTitle(group.tableIndex, table.projectName)
                : text.sheetGroupTitle(group.sheet)}
            </span>
          </button>
        </h3>
        {table ? (
          <Text className={styles.groupDetail}>
            {text.tableKind[table.kind]} · {text.frameworkName[table.framework]} ·{" "}
            {text.tableGroupDetail(table.sheet, table.range, table.projectCode)}
          </Text>
        ) : null}
        {group.issues.length === 0 ? (
          <Text className={styles.quiet}>{text.groupNoFindings}</Text>
        ) : (
          <>
            <Text className={styles.groupDetail}>
              {text.groupCounts(group.summary.errors, group.summary.warnings, group.summary.infos)}
            </Text>
            {open ? (
              <ul id={listId} className={styles.list} aria-labelledby={headingId}>
                {shown.map((cluster) => (
                  <FindingItem
                    key={cluster.key}
                    {...props}
                    issues={cluster.issues}
                    atSelection={cluster.issues.some((issue) => props.selectedKeys.has(issue))}
                    current={props.current !== null && cluster.issues.includes(props.current)}
                  />
                ))}
              </ul>
            ) : null}
          </>
        )}
      </div>
    );
  });
  return (
    <section className={styles.section} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={styles.heading} tabIndex={-1}>
        {text.findingsHeading}
      </h2>
      {props.filtered ? (
        <Text className={styles.groupDetail} data-testid="filter-note">
          {text.filterShowing(props.filtered.shown, props.filtered.total)}
        </Text>
      ) : null}
      {rendered}
      {remaining > 0 ? (
        <Button appearance="secondary" onClick={props.onShowMore} data-testid="show-more">
          {text.showMore(remaining)}
        </Button>
      ) : null}
    </section>
  );
}

interface DockProps extends FixProps {
  text: PaneStrings;
  language: Language;
  selection: CellSelection | null;
  /** The findings under the selection (shown when there are any). */
  issues: readonly Issue[];
  onSelect: (issue: Issue) => void;
  position: number;
  total: number;
  onPrevious: () => void;
  onNext: () => void;
}

/**
 * Stays at the bottom of the pane: previous / next finding, and the findings under the cell selected in
 * the sheet. Being last in the page and sticky, it never pushes the list: selecting a cell moves nothing.
 */
export function FindingsDock(props: DockProps) {
  const { text, selection, issues } = props;
  const styles = useStyles();
  if (props.total === 0 && issues.length === 0) return null;
  return (
    <div className={styles.dock}>
      {props.total > 0 ? (
        <nav className={styles.navRow} aria-label={text.navigationLabel} title={text.navigationHint}>
          <Button size="small" onClick={props.onPrevious} data-testid="previous-finding">
            {text.previousFinding}
          </Button>
          <Button size="small" onClick={props.onNext} data-testid="next-finding">
            {text.nextFinding}
          </Button>
          <Text size={200} aria-live="polite" data-testid="finding-position">
            {text.navigationPosition(props.position, props.total)}
          </Text>
        </nav>
      ) : null}
      {selection && issues.length > 0 ? (
        <section className={styles.card} aria-labelledby="selection-heading" data-testid="selection-findings">
          <h2 id="selection-heading" className={styles.groupHeading}>
            {text.selectionHeading(cellLabel(selection.sheet, selection.range))}
          </h2>
          <ul className={styles.list} aria-labelledby="selection-heading">
            {issues.map((issue, index) => (
              <FindingItem
                key={`${issue.rule}-${issue.cell}-${index}`}
                {...props}
                issues={[issue]}
                atSelection
                current={false}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
