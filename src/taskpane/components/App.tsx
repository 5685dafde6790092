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
import type { Issue, Severity } from "../../core/report";
import type { SheetSnapshot } from "../../core/snapshot";
import type { AppliedFix, SpreadsheetHost } from "../../host/types";
import { PAGE_SIZE, languageFromDisplayLanguage, strings, type Language, type PaneStrings } from "../i18n";
import {
  cellLabel,
  clusterIssues,
  filterGroups,
  findingsAtSelection,
  fixSummary,
  fixWrites,
  groupFindings,
} from "../findings";
import { loadSettings, saveSettings, type PaneSettings } from "../settings";
import { initialPaneState, paneReducer, type CheckResult, type Operation } from "../state";
import type { TemplateService } from "../templates";
import type { ThemeName } from "../theme";
import { FindingGroups, FindingsDock } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { SettingsPanel } from "./SettingsPanel";
import { Summary } from "./Summary";
import { TemplatePanel, type TemplateChoice } from "./TemplatePanel";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    minWidth: 0,
    overflowWrap: "anywhere",
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

/** The findings as rows of the exported sheet, in the pane's language. */
function exportRows(result: CheckResult, text: PaneStrings, language: Language) {
  return result.issues.map((issue) => {
    const table = issue.table === null ? null : (result.tables[issue.table] ?? null);
    return {
      cells: [
        cellLabel(issue.sheet, issue.cell),
        text.severityName[issue.severity],
        issue.rule,
        table && issue.table !== null ? text.tableGroupTitle(issue.table, table.projectName) : "",
        language === "zh" ? issue.message : issue.messageEn,
        issue.fix || issue.fixes ? fixSummary(issue, language === "zh" ? "、" : ", ") : "",
      ],
      target: { sheet: issue.sheet, cell: issue.cell },
    };
  });
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

  // Windows high contrast needs no theme of its own: the webview's forced colours replace every colour.
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
  const run = useCallback(async (operation: Operation, work: () => Promise<void>) => {
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

  const [current, setCurrent] = useState<Issue | null>(null);
  const selectFinding = useCallback(
    (issue: Issue) => {
      setCurrent(issue);
      host.selectCell(issue.sheet, issue.cell).catch((error: unknown) => {
        console.error("target-table: selecting a cell failed", error);
        dispatch({ type: "failed", error });
      });
    },
    [host],
  );

  const result = state.result;
  // The list's own state, reset by each new result: the severity filter, folded tables, how much is rendered, fixes applied.
  const [filter, setFilter] = useState<ReadonlySet<Severity>>(new Set());
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [fixes, setFixes] = useState<ReadonlyMap<Issue, AppliedFix>>(new Map());
  useEffect(() => {
    setFilter(new Set());
    setCollapsed(new Set());
    setLimit(PAGE_SIZE);
    setFixes(new Map());
    setCurrent(null);
  }, [result]);
  const toggleFilter = useCallback((severity: Severity) => {
    setFilter((shown) => (shown.has(severity) && shown.size === 1 ? new Set() : new Set([severity])));
    setLimit(PAGE_SIZE);
  }, []);
  const toggleGroup = useCallback((key: string) => {
    setCollapsed((folded) => {
      const next = new Set(folded);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);

  const allGroups = useMemo(() => (result ? groupFindings(result.tables, result.issues) : []), [result]);
  const groups = useMemo(() => filterGroups(allGroups, filter), [allGroups, filter]);
  /** Every shown finding in list order (members of a message cluster after its first): what previous / next step through. */
  const order = useMemo(
    () => groups.flatMap((group) => clusterIssues(group.issues).flatMap((cluster) => cluster.issues)),
    [groups],
  );
  const position = current ? order.indexOf(current) : -1;
  const step = useCallback(
    (delta: 1 | -1) => {
      if (order.length === 0) return;
      const index =
        position < 0 ? (delta === 1 ? 0 : order.length - 1) : (position + delta + order.length) % order.length;
      const issue = order[index];
      const group = groups.find((g) => g.issues.includes(issue));
      if (group && collapsed.has(group.key)) toggleGroup(group.key);
      // Render far enough down for the finding to be on the page.
      setLimit((shown) => Math.max(shown, index + groups.length + PAGE_SIZE));
      selectFinding(issue);
    },
    [order, position, groups, collapsed, toggleGroup, selectFinding],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      event.preventDefault();
      step(event.key === "ArrowDown" ? 1 : -1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [step]);
  useEffect(() => {
    // The finding stepped to comes into view; focus stays on the control that was used.
    document.querySelector("[data-current=true]")?.scrollIntoView?.({ block: "nearest" });
  }, [current]);

  const applyFix = useCallback(
    (issue: Issue) =>
      run("fix", async () => {
        const applied = await host.applyFix!(fixWrites(issue));
        setFixes((map) => new Map(map).set(issue, applied));
        dispatch({ type: "done" });
      }),
    [run, host],
  );
  const undoFix = useCallback(
    (issue: Issue) =>
      run("fix", async () => {
        const applied = fixes.get(issue);
        if (applied) await host.undoFix!(applied);
        setFixes((map) => {
          const next = new Map(map);
          next.delete(issue);
          return next;
        });
        dispatch({ type: "done" });
      }),
    [run, host, fixes],
  );
  const exportFindings = useCallback(
    () =>
      run("export", async () => {
        if (!result) return;
        const written = await host.exportFindings!({
          name: text.exportSheetName,
          header: text.exportHeader,
          rows: exportRows(result, text, language),
          linkColumn: 0,
          widths: [16, 8, 22, 24, 60, 20],
        });
        dispatch({ type: "exported", sheet: written.sheet });
      }),
    [run, host, result, text, language],
  );
  const atSelection = useMemo(
    () => (result ? findingsAtSelection(result.issues, state.selection) : []),
    [result, state.selection],
  );
  const atSelectionSet = useMemo(() => new Set(atSelection), [atSelection]);
  const busy = state.busy !== null;
  const busyLabel = {
    check: text.validating,
    insert: text.inserting,
    clear: text.clearing,
    fix: text.applying,
    export: text.exporting,
  }[state.busy ?? "check"];
  const canFix = typeof host.applyFix === "function" && typeof host.undoFix === "function";
  const shownCount = order.length;

  return (
    <main className={styles.root} aria-busy={busy}>
      <header>
        <h1 className={styles.title}>{text.appTitle}</h1>
        <p className={styles.subtitle}>{text.appSubtitle}</p>
      </header>

      <div role="toolbar" aria-label={text.actionsLabel} className={styles.actions}>
        {/* disabledFocusable: while busy the button refuses clicks but keeps the keyboard focus. */}
        <Button appearance="primary" disabledFocusable={busy} onClick={validate} data-testid="validate">
          {text.validate}
        </Button>
        <Button appearance="secondary" disabledFocusable={busy} onClick={insertTemplate} data-testid="insert-template">
          {text.insertTemplate}
        </Button>
        <Button appearance="subtle" disabledFocusable={busy} onClick={clearMarks} data-testid="clear-marks">
          {text.clearMarks}
        </Button>
        {result && result.issues.length > 0 && typeof host.exportFindings === "function" ? (
          <Button appearance="subtle" disabledFocusable={busy} onClick={exportFindings} data-testid="export-findings">
            {text.exportFindings}
          </Button>
        ) : null}
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

      <Summary
        text={text}
        result={result}
        busy={busy}
        onInsertTemplate={insertTemplate}
        filter={filter}
        onToggleFilter={toggleFilter}
      />

      <FindingGroups
        text={text}
        language={language}
        groups={groups}
        selectedKeys={atSelectionSet}
        current={current}
        onSelect={selectFinding}
        collapsed={collapsed}
        onToggleGroup={toggleGroup}
        limit={limit}
        onShowMore={() => setLimit((shown) => shown + PAGE_SIZE)}
        filtered={result && filter.size > 0 ? { shown: shownCount, total: result.issues.length } : null}
        canFix={canFix}
        fixes={fixes}
        busy={busy}
        onApply={applyFix}
        onUndo={undoFix}
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

      <FindingsDock
        text={text}
        language={language}
        selection={state.selection}
        issues={result ? atSelection : []}
        onSelect={selectFinding}
        position={position}
        total={shownCount}
        onPrevious={() => step(-1)}
        onNext={() => step(1)}
        canFix={canFix}
        fixes={fixes}
        busy={busy}
        onApply={applyFix}
        onUndo={undoFix}
      />
    </main>
  );
}
