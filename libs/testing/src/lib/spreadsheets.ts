import ExcelJS from 'exceljs';

/** The rows of an XLSX sheet, as values (row 1 first), as a test reads a downloaded file. */
export async function sheetRows(raw: Buffer, name: string): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`the workbook has no sheet "${name}" (it has: ${book.worksheets.map((s) => s.name).join(', ')})`);
  return {
    rows: sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1)),
    sheet,
  };
}
