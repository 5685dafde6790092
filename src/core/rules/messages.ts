/**
 * Rule messages as data: each rule declares its messages once, in Chinese and English, with named
 * placeholders ({value}); a finding names a message and gives the placeholders' values.
 */

/** One message in both languages. Placeholders are written {name}. */
export interface Message {
  zh: string;
  en: string;
}

/** A placeholder's value: the same in both languages, or one per language (quoted text, level names). */
export type MessageArgument = string | number | Message;

export type MessageData = Readonly<Record<string, MessageArgument>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fills a message's placeholders for one language; an unknown placeholder is a programming error. */
export function renderMessage(message: Message, data: MessageData, language: "zh" | "en"): string {
  return message[language].replace(PLACEHOLDER, (_, name: string) => {
    const argument = data[name];
    if (argument === undefined) throw new Error(`Message placeholder {${name}} has no value`);
    return typeof argument === "object" ? argument[language] : String(argument);
  });
}
