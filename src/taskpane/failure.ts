/**
 * Turns anything thrown by the host or the core into one plain sentence for the user.
 * Technical details go to the console, never to the pane.
 */
import type { Language } from "./i18n";
import { strings } from "./i18n";
import { hasPlainMessages } from "../host/types";

/** HostError (and anything else carrying messageZh/messageEn) speaks for itself; the rest gets a generic sentence. */
export function describeFailure(error: unknown, language: Language): string {
  if (hasPlainMessages(error)) {
    const message = language === "zh" ? error.messageZh : error.messageEn;
    if (message.trim() !== "") return message;
  }
  return strings(language).failureGeneric;
}
