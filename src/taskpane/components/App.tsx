import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { CheckOptions, WorkbookCheck } from "../../core/check";
import type { Issue } from "../../core/report";
import type { SheetSnapshot } from "../../core/snapshot";
import type { SpreadsheetHost } from "../../host/types";
import { languageFromDisplayLanguage, strings, type Language } from "../i18n";
import { findingsAtSelection, groupFindings } from "../findings";
import { loadSettings, saveSettings, type PaneSettings } from "../settings";
import { initialPaneState, paneReducer, type CheckResult } from "../state";
import type { TemplateService } from "../templates";
import type { ThemeName } from "../theme";
import { FindingGroups, SelectionFindings } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { SettingsPanel } from "./SettingsPanel";
import { Summary } from "./Summary";
import { TemplatePanel, type TemplateChoice } from "./TemplatePanel";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
  },
  busy: {
    alignSelf: "flex-start",
  },
});

export type CheckFunction = (sheets: readonly SheetSnapshot[], options: CheckOptions) => WorkbookCheck;

interface PaneProps {
  host: SpreadsheetHost;
  check: CheckFunction;
  templates: TemplateService;
  /** Office.context.displayLanguage, e.g. "zh-CN". */
  displayLanguage: string;
  themeName: ThemeName;
  /** Where settings are kept; null when the browser offers none. */
  storage: Storage | null;
  /** A result left by the ribbon's 校验, shown when the pane opens. */
  initialResult?: CheckResult | null;
  /** Calls back when the ribbon's 校验 leaves a new result while the pane is open; returns an unsubscribe. */
  subscribeRibbonResults?: (handler: (result: CheckResult) => void) => () => void;
}

export function App(props: PaneProps) {
  const [settings, setSettings] = useState<PaneSettings>(() => loadSettings(props.storage));
  const language: Language = settings.language ?? languageFromDisplayLanguage(props.displayLanguage);

  useEffect(() => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  }, [language]);

  const updateSettings = useCallback(
    (next: PaneSettings) => {
      setSettings(next);
      saveSettings(props.storage, next);
    },
    [props.storage],
  );

  return (
    <FluentProvider theme={props.themeName === "dark" ? webDarkTheme : webLightTheme}>
      <Pane {...props} settings={settings} language={language} onSettingsChange={updateSettings} />
    </FluentProvider>
  );
}

interface PaneInnerProps extends PaneProps {
  settings: PaneSettings;
  language: Language;
  onSettingsChange: (settings: PaneSettings) => void;
}

function Pane({
  host,
  check,
  templates,
  initialResult,
  subscribeRibbonResults,
  settings,
  language,
  onSettingsChange,
}: PaneInnerProps) {
  const styles = useStyles();
  const text = strings(language);
  const [state, dispatch] = useReducer(paneReducer, initialPaneState, (initial) =>
    initialResult ? { ...initial, result: initialResult } : initial,
  );
  // A pinned framework is the user's framework; otherwise the Hebei (legacy) layout both seeds use.
  const [templateChoice, setTemplateChoice] = useState<TemplateChoice>(() => ({
    kind: templates.defaultKind,
    framework: settings.framework === "auto" ? "legacy" : settings.framework,
    placement: "new-sheet",
  }));
  useEffect(() => {
    const pinned = settings.framework;
    if (pinned !== "auto") setTemplateChoice((choice) => ({ ...choice, framework: pinned }));
  }, [settings.framework]);
  const busyRef = useRef(false);

  useEffect(() => {
    let unsubscribe: (() => Promise<void>) | null = null;
    let disposed = false;
    host
      .onSelectionChanged((selection) => dispatch({ type: "selectionChanged", selection }))
      .then((off) => {
        if (disposed) void off().catch(() => undefined);
        else unsubscribe = off;
      })
      .catch((error: unknown) => {
        // Without selection events the pane still works; only the "findings at selection" box is lost.
        console.warn("target-table: selection events are unavailable", error);
      });
    return () => {
      disposed = true;
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [host]);

  useEffect(() => {
    if (!subscribeRibbonResults) return undefined;
    return subscribeRibbonResults((result) => dispatch({ type: "checked", result }));
  }, [subscribeRibbonResults]);

  /** Runs one host operation at a time; anything thrown becomes a plain message. */
  const run = useCallback(async (operation: "check" | "insert" | "clear", work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: "started", operation });
    try {
      await work();
    } catch (error) {
      console.error(`target-table: ${operation} failed`, error);
      dispatch({ type: "failed", error });
    } finally {
      busyRef.current = false;
    }
  }, []);

  const validate = useCallback(
    () =>
      run("check", async () => {
        const sheets = await host.readSheets(settings.scope);
        const outcome = check(sheets, { framework: settings.framework, year: settings.year });
        await host.showFindings(outcome.issues);
        dispatch({
          type: "checked",
          result: {
            tables: outcome.tables,
            issues: outcome.issues,
            summary: outcome.summary,
            scope: settings.scope,
            sheetCount: sheets.length,
            source: "pane",
            checkedAt: new Date().toISOString(),
          },
        });
      }),
    [run, host, check, settings.scope, settings.framework, settings.year],
  );

  const insertTemplate = useCallback(
    () =>
      run("insert", async () => {
        const patch = templates.build(templateChoice.kind, templateChoice.framework, language);
        const where = await host.insertTemplate(patch, templateChoice.placement, templates.sheetName);
        dispatch({ type: "inserted", placement: where });
      }),
    [run, host, templates, templateChoice, language],
  );

  const clearMarks = useCallback(
    () =>
      run("clear", async () => {
        const count = await host.clearFindings();
        dispatch({ type: "cleared", count });
      }),
    [run, host],
  );

  const selectFinding = useCallback(
    (issue: Issue) => {
      host.selectCell(issue.sheet, issue.cell).catch((error: unknown) => {
        console.error("target-table: selecting a cell failed", error);
        dispatch({ type: "failed", error });
      });
    },
    [host],
  );

  const result = state.result;
  const groups = useMemo(() => (result ? groupFindings(result.tables, result.issues) : []), [result]);
  const atSelection = useMemo(
    () => (result ? findingsAtSelection(result.issues, state.selection) : []),
    [result, state.selection],
  );
  const atSelectionSet = useMemo(() => new Set(atSelection), [atSelection]);
  const busy = state.busy !== null;
  const busyLabel = state.busy === "check" ? text.validating : state.busy === "insert" ? text.inserting : text.clearing;

  return (
    <main className={styles.root} aria-busy={busy}>
      <header>
        <h1 className={styles.title}>{text.appTitle}</h1>
        <p className={styles.subtitle}>{text.appSubtitle}</p>
      </header>

      <div role="toolbar" aria-label={text.actionsLabel} className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={validate} data-testid="validate">
          {text.validate}
        </Button>
        <Button appearance="secondary" disabled={busy} onClick={insertTemplate} data-testid="insert-template">
          {text.insertTemplate}
        </Button>
        <Button appearance="subtle" disabled={busy} onClick={clearMarks} data-testid="clear-marks">
          {text.clearMarks}
        </Button>
      </div>

      {busy ? <Spinner className={styles.busy} size="tiny" label={busyLabel} data-testid="busy" /> : null}

      <div role={state.notice?.kind === "failure" ? "alert" : "status"}>
        {state.notice ? (
          <NoticeBar
            text={text}
            language={language}
            notice={state.notice}
            onDismiss={() => dispatch({ type: "dismissed" })}
          />
        ) : null}
      </div>

      {result && result.source === "ribbon" ? (
        <p className={styles.subtitle} data-testid="ribbon-note">
          {text.ribbonResults(new Date(result.checkedAt).toLocaleString(language === "zh" ? "zh-CN" : "en"))}
        </p>
      ) : null}

      {result && state.selection && atSelection.length > 0 ? (
        <SelectionFindings
          text={text}
          language={language}
          selection={state.selection}
          issues={atSelection}
          onSelect={selectFinding}
        />
      ) : null}

      <Summary text={text} result={result} busy={busy} onInsertTemplate={insertTemplate} />

      <FindingGroups
        text={text}
        language={language}
        groups={groups}
        selectedKeys={atSelectionSet}
        onSelect={selectFinding}
      />

      <TemplatePanel
        text={text}
        language={language}
        kinds={templates.kinds}
        choice={templateChoice}
        disabled={busy}
        onChange={setTemplateChoice}
      />

      <SettingsPanel text={text} settings={settings} language={language} disabled={busy} onChange={onSettingsChange} />
    </main>
  );
}
