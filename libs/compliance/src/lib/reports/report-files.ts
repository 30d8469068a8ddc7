import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { ReportRow, ReportTotals } from './report-rows';

export interface ReportDocument {
  title: string;
  province: string;
  period: { kind: string; start: string; end: string; label: string };
  /** Labels of the earlier periods, oldest first (the trend columns). */
  previousPeriods: string[];
  provisional: boolean;
  ruleVersions: number[];
  rows: ReportRow[];
  totals: ReportTotals;
}

/** The headings officials read, in order, with how each row fills them. */
function table(doc: ReportDocument): { headings: string[]; lines: Cell[][] } {
  const headings = [
    'Mã đơn vị', 'Tên đơn vị', 'Kỳ định mức đạt', 'Tổng số kỳ định mức', 'Số ngày bắt buộc', 'Số ngày không đăng',
    'Văn bản đúng hạn', 'Văn bản trễ hoặc chưa đăng', 'Tỷ lệ thực hiện (%)',
    ...doc.previousPeriods.map((p) => `Tỷ lệ ${p} (%)`), 'Thay đổi so với kỳ trước (điểm %)',
  ];
  const line = (code: string, name: string, r: Omit<ReportRow, 'unit' | 'unitName'>) => {
    const last = r.previousRates.at(-1);
    return [code, name, r.quotaPeriodsMet, r.quotaPeriods, r.requiredDays, r.missedDays, r.onTime, r.lateOrMissing, r.rate, ...r.previousRates,
      r.rate !== null && last !== null && last !== undefined ? Math.round((r.rate - last) * 10) / 10 : null];
  };
  return { headings, lines: [...doc.rows.map((r) => line(r.unit, r.unitName, r)), line('', 'Tổng cộng', doc.totals)] };
}

export type Cell = string | number | null;

/** A table as files officials download: a title block, headings, lines (the last may be a total). */
export interface TableFile {
  title: string[];
  headings: string[];
  lines: Cell[][];
  /** The last line is a total (bold in XLSX). */
  totalLast?: boolean;
}

/** CSV with a byte-order mark, so spreadsheet programs read the Vietnamese as UTF-8. */
export function tableCsv(file: TableFile): Buffer {
  const rows = [file.headings, ...file.lines.map((l) => l.map((v) => (v === null ? '' : v)))];
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify(rows), 'utf8')]);
}

/** An XLSX workbook: the title block, then the table with numbers as numbers. */
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
  for (const l of file.lines) sheet.addRow(l);
  if (file.totalLast) sheet.lastRow!.font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 36 : 16));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function reportFile(doc: ReportDocument): TableFile {
  const { headings, lines } = table(doc);
  return {
    title: [
      doc.title,
      doc.province,
      `Kỳ báo cáo: ${doc.period.label} (${doc.period.start} – ${doc.period.end})${doc.provisional ? ' — số liệu tạm tính, kỳ chưa kết thúc' : ''}`,
      `Phiên bản quy định áp dụng: ${doc.ruleVersions.join(', ')}`,
    ],
    headings,
    lines,
    totalLast: true,
  };
}

export const reportCsv = (doc: ReportDocument): Buffer => tableCsv(reportFile(doc));
export const reportXlsx = (doc: ReportDocument): Promise<Buffer> => tableXlsx(reportFile(doc), 'Báo cáo');
