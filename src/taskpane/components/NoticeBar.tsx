import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Language, PaneStrings } from "../i18n";
import { describeFailure } from "../failure";
import type { Notice } from "../state";

interface NoticeBarProps {
  text: PaneStrings;
  language: Language;
  notice: Notice;
  onDismiss: () => void;
}

/** The outcome of the last action, in plain words; failures never show technical detail. */
export function NoticeBar({ text, language, notice, onDismiss }: NoticeBarProps) {
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
    <MessageBar intent={intent} layout="multiline" data-testid="notice" data-kind={notice.kind}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {body}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          {text.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
