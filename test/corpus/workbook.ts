/** A corpus table as a workbook: cells, merged areas and number formats as the table gives them. */
import ExcelJS from "exceljs";
import type { CorpusTable } from "./format";

export function corpusWorkbook(table: CorpusTable): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of table.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) worksheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const [address, format] of Object.entries(sheet.numberFormats ?? {}))
      worksheet.getCell(address).numFmt = format;
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return workbook;
}

export async function corpusWorkbookBytes(table: CorpusTable): Promise<Uint8Array> {
  return new Uint8Array(await corpusWorkbook(table).xlsx.writeBuffer());
}
