export { type Cell, MONEY_FORMAT, type TableFile, tableCsv, tableXlsx } from './lib/table-files';
