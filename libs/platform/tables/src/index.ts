export { type Cell, MONEY_FORMAT, TABLE_FILE_TYPES, type TableFile, tableCsv, tableXlsx } from './lib/table-files';
