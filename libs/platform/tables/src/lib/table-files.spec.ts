import ExcelJS from 'exceljs';
import { TableFile, tableCsv, tableXlsx } from './table-files';

const FILE: TableFile = {
  title: ['Bảng kê', 'Tỉnh Lào Cai'],
  headings: ['Tên', 'Số tiền', 'Ghi chú'],
  lines: [
    ['Nguyễn Văn An', 1234567, '=HYPERLINK("http://x","bấm")'],
    ['@lệnh', -1500, null],
    ['Tổng cộng', 1233067, '-'],
  ],
  totalLast: true,
  moneyColumns: [1],
  footer: ['Ngày lập: 01/12/2026'],
};

describe('table files officials download', () => {
  it('CSV: UTF-8 with a byte-order mark, money written the Vietnamese way, formula-like text kept as text', () => {
    const csv = tableCsv(FILE);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8').slice(1).split('\n')).toEqual([
      'Bảng kê',
      'Tỉnh Lào Cai',
      '',
      'Tên,Số tiền,Ghi chú',
      `Nguyễn Văn An,1.234.567,"'=HYPERLINK(""http://x"",""bấm"")"`,
      "'@lệnh,-1.500,",
      "Tổng cộng,1.233.067,'-",
      '',
      'Ngày lập: 01/12/2026',
      '',
    ]);
  });

  it('XLSX: numbers stay numbers with the money format, text stays text, the total line bold', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableXlsx(FILE, 'Bảng kê')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Bảng kê')!;
    expect(sheet.getRow(5).values).toEqual([undefined, 'Nguyễn Văn An', 1234567, '=HYPERLINK("http://x","bấm")']);
    expect(sheet.getRow(5).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(5).getCell(2).numFmt).toBe('#,##0');
    expect(sheet.getRow(7).font?.bold).toBe(true);
    expect(sheet.getRow(9).values).toEqual([undefined, 'Ngày lập: 01/12/2026']);
  });
});
