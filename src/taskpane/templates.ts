/**
 * What the pane needs from the template builder: the kinds it offers and a patch for one of them.
 */
import type { Framework } from "../core/report";
import type { SheetPatch } from "../core/patch";
import { buildTemplate, TEMPLATE_KINDS, TEMPLATE_SHEET_NAME } from "../core/template";
import type { Language } from "./i18n";

export interface TemplateKindOption {
  id: string;
  label: Record<Language, string>;
}

export interface TemplateService {
  kinds: readonly TemplateKindOption[];
  /** The template kind selected when the user has not chosen one. */
  defaultKind: string;
  /** Builds the patch; the language is that of the cells' input prompts. */
  build(kind: string, framework: Framework, language: Language): SheetPatch;
  /** The base name of the new worksheet (the host makes it unique). */
  sheetName: string;
}

/** The template builder of the core, as the pane offers it. */
export const projectTemplates: TemplateService = {
  kinds: TEMPLATE_KINDS.map((kind) => ({ id: kind.id, label: { zh: kind.name, en: kind.nameEn } })),
  defaultKind: TEMPLATE_KINDS[0].id,
  build: (kind, framework, language) => buildTemplate({ framework, kind, language }),
  sheetName: TEMPLATE_SHEET_NAME,
};
