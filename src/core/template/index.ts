/** The project template: builder, kinds and prompts. */
export {
  buildProjectTemplate,
  buildTemplate,
  TEMPLATE_SHEET_NAME,
  TEMPLATE_TITLE,
  UnknownTemplateKindError,
  type ProjectTemplate,
  type TemplateGridRow,
  type TemplateLayout,
  type TemplateOptions,
} from "./build";
export { findTemplateKind, suggestedNames, TEMPLATE_KINDS, type TemplateKind } from "./kinds";
export { allTemplatePrompts, templatePrompt, type PromptKey, type PromptLanguage } from "./prompts";
