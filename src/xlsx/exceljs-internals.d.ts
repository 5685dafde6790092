/** exceljs's table of built-in number formats (not part of its typed API). */
declare module "exceljs/lib/xlsx/defaultnumformats.js" {
  /** By numFmtId: `f` for formats every locale shares, locale keys ("zh-cn") for East Asian ones. */
  const formats: Record<string, { f?: string } & Record<string, string | undefined>>;
  export default formats;
}
