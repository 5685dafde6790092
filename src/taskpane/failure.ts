/**
 * Turns anything thrown by the host or the core into one plain sentence for the user.
 * Technical details go to the console, never to the pane.
 */
import type { Language } from "./i18n";
import { strings } from "./i18n";

interface PlainMessages {
  messageZh: string;
  messageEn: string;
}

function hasPlainMessages(error: unknown): error is PlainMessages {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as Partial<PlainMessages>;
  return typeof candidate.messageZh === "string" && typeof candidate.messageEn === "string";
}

/** HostError (and anything else carrying messageZh/messageEn) speaks for itself; the rest gets a generic sentence. */
export function describeFailure(error: unknown, language: Language): string {
  if (hasPlainMessages(error)) {
    const message = language === "zh" ? error.messageZh : error.messageEn;
    if (message.trim() !== "") return message;
  }
  return strings(language).failureGeneric;
}
