/** The project template: builder, kinds and prompts. */
export { buildProjectTemplate, buildTemplate, TEMPLATE_SHEET_NAME, UnknownTemplateKindError } from "./build";
export { findTemplateKind, suggestedNames, TEMPLATE_KINDS } from "./kinds";
export { allTemplatePrompts } from "./prompts";
