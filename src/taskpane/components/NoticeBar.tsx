import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Language, PaneStrings } from "../i18n";
import { describeFailure } from "../failure";
import type { Notice } from "../state";

interface NoticeBarProps {
  text: PaneStrings;
  language: Language;
  notice: Notice;
  onDismiss: () => void;
}

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  body: {
    flexGrow: 1,
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
    marginInlineEnd: tokens.spacingHorizontalXS,
  },
});

/** The outcome of the last action, in plain words; failures never show technical detail. */
export function NoticeBar({ text, language, notice, onDismiss }: NoticeBarProps) {
  const styles = useStyles();
  const intent = notice.kind === "failure" ? "error" : "success";
  let title: string | null = null;
  let body: string;
  switch (notice.kind) {
    case "failure":
      title = text.failureTitle;
      body = describeFailure(notice.error, language);
      break;
    case "cleared":
      body = notice.count === 0 ? text.clearedNone : text.cleared(notice.count);
      break;
    case "inserted":
      body = text.templateInserted(notice.placement.sheet, notice.placement.range);
      break;
    case "exported":
      body = text.exported(notice.sheet);
      break;
  }
  return (
    <div className={mergeClasses(styles.bar, styles[intent])} data-testid="notice" data-kind={notice.kind}>
      <div className={styles.body}>
        {title ? <span className={styles.title}>{title}</span> : null}
        {body}
      </div>
      <Button size="small" appearance="transparent" onClick={onDismiss}>
        {text.dismiss}
      </Button>
    </div>
  );
}
