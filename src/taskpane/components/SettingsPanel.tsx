import { useEffect, useState } from "react";
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { FrameworkChoice } from "../../core/check";
import type { SheetScope } from "../../host/types";
import type { Language, PaneStrings } from "../i18n";
import { parseBudgetYear, type PaneSettings } from "../settings";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  details: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  summary: {
    cursor: "pointer",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
});

interface SettingsPanelProps {
  text: PaneStrings;
  settings: PaneSettings;
  language: Language;
  disabled: boolean;
  onChange: (settings: PaneSettings) => void;
}

export function SettingsPanel({ text, settings, language, disabled, onChange }: SettingsPanelProps) {
  const styles = useStyles();
  const [yearText, setYearText] = useState(settings.year === null ? "" : String(settings.year));
  const yearParse = parseBudgetYear(yearText);

  useEffect(() => {
    // Keep the box in step when the stored year changes from elsewhere (e.g. reset).
    setYearText((current) => {
      const parsed = parseBudgetYear(current);
      return parsed.ok && parsed.year === settings.year ? current : settings.year === null ? "" : String(settings.year);
    });
  }, [settings.year]);

  return (
    <details className={styles.details} data-testid="settings">
      <summary className={styles.summary}>{text.settingsHeading}</summary>
      <div className={styles.panel}>
        <Field label={text.frameworkLabel}>
          <Select
            value={settings.framework}
            disabled={disabled}
            data-testid="setting-framework"
            onChange={(_event, data) => onChange({ ...settings, framework: data.value as FrameworkChoice })}
          >
            <option value="auto">{text.frameworkAuto}</option>
            <option value="legacy">{text.frameworkLegacy}</option>
            <option value="2021">{text.framework2021}</option>
          </Select>
        </Field>
        <Field
          label={text.yearLabel}
          hint={yearParse.ok ? text.yearHint : undefined}
          validationState={yearParse.ok ? "none" : "error"}
          validationMessage={yearParse.ok ? undefined : text.yearInvalid}
        >
          <Input
            value={yearText}
            inputMode="numeric"
            maxLength={4}
            placeholder={text.yearPlaceholder}
            disabled={disabled}
            data-testid="setting-year"
            onChange={(_event, data) => {
              setYearText(data.value);
              const parsed = parseBudgetYear(data.value);
              if (parsed.ok && parsed.year !== settings.year) onChange({ ...settings, year: parsed.year });
            }}
          />
        </Field>
        <Field label={text.scopeLabel}>
          <Select
            value={settings.scope}
            disabled={disabled}
            data-testid="setting-scope"
            onChange={(_event, data) => onChange({ ...settings, scope: data.value as SheetScope })}
          >
            <option value="all">{text.scopeAll}</option>
            <option value="active">{text.scopeActive}</option>
          </Select>
        </Field>
        <Field label={text.languageLabel}>
          <Select
            value={language}
            data-testid="setting-language"
            onChange={(_event, data) => onChange({ ...settings, language: data.value as Language })}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </Select>
        </Field>
      </div>
    </details>
  );
}
