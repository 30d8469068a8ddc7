import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * The XLSX number format of money columns: the cell stays a number, shown with thousands separators
 * (a spreadsheet in the Vietnamese locale writes them as "1.234.567").
 */
export const MONEY_FORMAT = '#,##0';

/** The media types of the files a table is downloaded as. */
export const TABLE_FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const VIETNAMESE_WHOLE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Money as officials write it in a CSV cell, with the Vietnamese thousands separator: 1234567 → `1.234.567`. */
const money = (amount: number): string => VIETNAMESE_WHOLE.format(Math.round(amount));

/** One cell of a table file: text, a number, or empty. */
export type Cell = string | number | null;

/** A table as files officials download: a title block, headings, lines (the last may be a total), a closing block. */
export interface TableFile {
  title: string[];
  headings: string[];
  lines: Cell[][];
  /** The last line is a total (bold in XLSX). */
  totalLast?: boolean;
  /** Indexes of the money columns: a number format in XLSX, "1.234.567" in CSV. */
  moneyColumns?: number[];
  /** Lines after the table: the date of issue, "Nơi nhận", … */
  footer?: string[];
}

/**
 * Text a spreadsheet would take for a formula (`=…`, `+…`, `-…`, `@…`) is kept as text with a
 * leading apostrophe: a username or a title typed by anyone must not run in an official's Excel.
 */
const inert = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** CSV with a byte-order mark, so spreadsheet programs read the Vietnamese as UTF-8. */
export function tableCsv(file: TableFile): Buffer {
  const moneyAt = new Set(file.moneyColumns ?? []);
  const cell = (v: Cell, i: number) => (v === null ? '' : typeof v === 'number' ? (moneyAt.has(i) ? money(v) : v) : inert(v));
  const rows = [
    ...file.title.map((t) => [t]),
    [],
    file.headings,
    ...file.lines.map((l) => l.map(cell)),
    ...(file.footer?.length ? [[], ...file.footer.map((f) => [f])] : []),
  ];
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify(rows), 'utf8')]);
}

/** An XLSX workbook: the title block, then the table with numbers as numbers (money with its format), then the closing block. */
export async function tableXlsx(file: TableFile, sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cổng';
  const sheet = book.addWorksheet(sheetName);
  file.title.forEach((line, i) => {
    const row = sheet.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  sheet.addRow([]);
  sheet.addRow(file.headings).font = { bold: true };
  for (const l of file.lines) {
    const row = sheet.addRow(l);
    for (const i of file.moneyColumns ?? []) row.getCell(i + 1).numFmt = MONEY_FORMAT;
  }
  if (file.totalLast) sheet.lastRow!.font = { bold: true };
  if (file.footer?.length) {
    sheet.addRow([]);
    for (const line of file.footer) sheet.addRow([line]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 16));
  return Buffer.from(await book.xlsx.writeBuffer());
}
