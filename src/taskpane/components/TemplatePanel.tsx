import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Framework } from "../../core/report";
import type { Language, PaneStrings } from "../i18n";
import type { TemplateKindOption } from "../templates";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  /** A select as wide as the pane allows, not as its longest option (320 px panes). */
  fit: {
    minWidth: 0,
    maxWidth: "100%",
  },
  field: {
    minWidth: "9em",
    flexGrow: 1,
    flexBasis: 0,
  },
});

export type TemplatePlacementChoice = "new-sheet" | "selection";

export interface TemplateChoice {
  kind: string;
  framework: Framework;
  placement: TemplatePlacementChoice;
}

interface TemplatePanelProps {
  text: PaneStrings;
  language: Language;
  kinds: readonly TemplateKindOption[];
  choice: TemplateChoice;
  disabled: boolean;
  onChange: (choice: TemplateChoice) => void;
}

/** What 插入项目模板 inserts and where. */
export function TemplatePanel({ text, language, kinds, choice, disabled, onChange }: TemplatePanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="template-heading">
      <h2 id="template-heading" className={styles.heading}>
        {text.templateHeading}
      </h2>
      <p className={styles.hint}>{text.templateHint}</p>
      <div className={styles.row}>
        <Field label={text.templateKindLabel} className={styles.field}>
          <Select
            value={choice.kind}
            disabled={disabled}
            data-testid="template-kind"
            onChange={(_event, data) => onChange({ ...choice, kind: data.value })}
          >
            {kinds.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kind.label[language]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={text.templateFrameworkLabel} className={styles.field}>
          <Select
            value={choice.framework}
            disabled={disabled}
            data-testid="template-framework"
            onChange={(_event, data) => onChange({ ...choice, framework: data.value as Framework })}
          >
            <option value="legacy">{text.frameworkLegacyShort}</option>
            <option value="2021">{text.framework2021Short}</option>
          </Select>
        </Field>
      </div>
      <Field label={text.templateWhereLabel} className={styles.fit}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={choice.placement}
          disabled={disabled}
          data-testid="template-placement"
          onChange={(_event, data) => onChange({ ...choice, placement: data.value as TemplatePlacementChoice })}
        >
          <option value="new-sheet">{text.templateWhereNewSheet}</option>
          <option value="selection">{text.templateWhereSelection}</option>
        </Select>
      </Field>
    </section>
  );
}
