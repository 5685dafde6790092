import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/report";
import type { CellSelection } from "../../host/types";
import type { Language, PaneStrings } from "../i18n";
import { cellLabel, type FindingGroup } from "../findings";
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
  selectionBox: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

interface FindingItemProps {
  text: PaneStrings;
  language: Language;
  issue: Issue;
  atSelection: boolean;
  onSelect: (issue: Issue) => void;
}

/** One finding as a button: the cell, the severity and the rule's message (which quotes the cell's text). */
function FindingItem({ text, language, issue, atSelection, onSelect }: FindingItemProps) {
  const styles = useStyles();
  const colours = severityColours[issue.severity];
  const address = cellLabel(issue.sheet, issue.cell);
  const message = language === "zh" ? issue.message : issue.messageEn;
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(styles.item, atSelection && styles.itemAtSelection)}
        style={{ borderLeftColor: colours.text }}
        onClick={() => onSelect(issue)}
        aria-label={text.findingAccessibleName(issue.severity, address, message)}
        title={text.findingGoToCell(address)}
        data-testid="finding"
        data-severity={issue.severity}
        data-rule={issue.rule}
        data-sheet={issue.sheet}
        data-cell={issue.cell}
      >
        <span className={styles.itemTop}>
          <span className={styles.pill} style={{ backgroundColor: colours.fill, color: colours.text }}>
            {text.severityName[issue.severity]}
          </span>
          <span className={styles.address}>{address}</span>
        </span>
        <span className={styles.message}>{message}</span>
        {issue.fix ? <span className={styles.fix}>{text.suggestedValue(issue.fix.value)}</span> : null}
      </button>
    </li>
  );
}

interface FindingGroupsProps {
  text: PaneStrings;
  language: Language;
  groups: readonly FindingGroup[];
  selectedKeys: ReadonlySet<Issue>;
  onSelect: (issue: Issue) => void;
}

export function FindingGroups({ text, language, groups, selectedKeys, onSelect }: FindingGroupsProps) {
  const styles = useStyles();
  if (groups.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={styles.heading}>
        {text.findingsHeading}
      </h2>
      {groups.map((group) => {
        const headingId = `group-${group.key}`;
        const table = group.table;
        return (
          <div key={group.key} className={styles.group} data-testid="finding-group" data-group={group.key}>
            <h3 id={headingId} className={styles.groupHeading}>
              {table && group.tableIndex !== null
                ? text.tableGroupTitle(group.tableIndex, table.projectName)
                : text.sheetGroupTitle(group.sheet)}
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
                <ul className={styles.list} aria-labelledby={headingId}>
                  {group.issues.map((issue, index) => (
                    <FindingItem
                      key={`${issue.rule}-${issue.cell}-${index}`}
                      text={text}
                      language={language}
                      issue={issue}
                      atSelection={selectedKeys.has(issue)}
                      onSelect={onSelect}
                    />
                  ))}
                </ul>
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

interface SelectionFindingsProps {
  text: PaneStrings;
  language: Language;
  selection: CellSelection;
  issues: readonly Issue[];
  onSelect: (issue: Issue) => void;
}

/** The findings under the cell the user selected in the sheet, shown above everything else. */
export function SelectionFindings({ text, language, selection, issues, onSelect }: SelectionFindingsProps) {
  const styles = useStyles();
  const address = cellLabel(selection.sheet, selection.range);
  return (
    <section className={styles.selectionBox} aria-labelledby="selection-heading" data-testid="selection-findings">
      <h2 id="selection-heading" className={styles.groupHeading}>
        {text.selectionHeading(address)}
      </h2>
      <ul className={styles.list} aria-labelledby="selection-heading">
        {issues.map((issue, index) => (
          <FindingItem
            key={`${issue.rule}-${issue.cell}-${index}`}
            text={text}
            language={language}
            issue={issue}
            atSelection
            onSelect={onSelect}
          />
        ))}
      </ul>
    </section>
  );
}
