/**
 * 导出结果: the findings as a new worksheet, one row per finding, with a link to each finding's cell.
 * The sheet gets a free name (never an existing sheet's), its cells are text (a message is never read
 * as a number or a formula), and it is written in chunks so 10,000 findings stay under Excel's payload limit.
 */
import { columnName } from "../core/address";
import type { FindingsSheet } from "../host/types";
import { toHostError } from "./errors";
import { uniqueSheetName } from "../core/template/sheet-name";
import { widthPoints } from "./template";

/** Rows per round trip: about 0.5 MB of text with long messages, far below the 5 MB request limit. */
const CHUNK_ROWS = 2000;

/** A link target within the workbook: 'Sheet name'!B7. */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Text as Excel keeps it: a leading ' (Excel's text prefix) before anything it would read as a formula or drop. */
export function asText(text: string): string {
  return /^['=+\-@]/.test(text) ? `'${text}` : text;
}

export async function exportFindings(content: FindingsSheet): Promise<{ sheet: string; range: string }> {
  try {
    return await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        content.name,
        worksheets.items.map((w) => w.name),
      );
      const sheet = worksheets.add(name);
      const columns = content.header.length;
      const last = columnName(columns - 1);
      const headerRange = sheet.getRange(`A1:${last}1`);
      headerRange.numberFormat = [content.header.map(() => "@")];
      headerRange.values = [content.header.map(asText)];
      headerRange.format.font.bold = true;
      content.widths?.forEach((width, col) => {
        sheet.getRange(`${columnName(col)}:${columnName(col)}`).format.columnWidth = widthPoints(width);
      });
      for (let start = 0; start < content.rows.length; start += CHUNK_ROWS) {
        const chunk = content.rows.slice(start, start + CHUNK_ROWS);
        const top = start + 2;
        const range = sheet.getRange(`A${top}:${last}${top + chunk.length - 1}`);
        range.numberFormat = chunk.map(() => content.header.map(() => "@"));
        range.values = chunk.map((row) => row.cells.map(asText));
        chunk.forEach((row, i) => {
          sheet.getRange(`${columnName(content.linkColumn)}${top + i}`).hyperlink = {
            documentReference: documentReference(row.target.sheet, row.target.cell),
            textToDisplay: row.cells[content.linkColumn],
          };
        });
        // One round trip per chunk, on purpose: a whole long list in one would pass Excel on the web's
        // 5 MB request cap.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      sheet.activate();
      await context.sync();
      return { sheet: name, range: `A1:${last}${content.rows.length + 1}` };
    });
  } catch (error) {
    throw toHostError(error, "export");
  }
}
