// Reads the first sheet with data of an Excel workbook (.xlsx, .xls, .ods; also the HTML "Excel"
// file Bitrix24 exports) into a RawTable of plain strings. Pure and DOM-free (SheetJS parses HTML
// without a DOM), so it runs in the service worker too. Never throws.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { tooManyColumnsMessage } from './import-limits';
import { fatalTable, isBlankRow, type RawRow, type RawTable } from './table';

// SheetJS types its number-format helper as `any`; these are the two calls we make.
interface DateCode {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
}
const SSF = XLSX.SSF as {
  is_date: (format: string) => boolean;
  parse_date_code: (serial: number, options?: { date1904?: boolean }) => DateCode | null;
};

const NOT_A_WORKBOOK = 'The file is not an Excel workbook (.xlsx, .xls or .ods); save it from Excel or choose CSV';

export interface XlsxOptions {
  /** A sheet with values in more columns than this is fatal before its rows are built. */
  maxColumns?: number;
}

export function readXlsxTable(input: Uint8Array | ArrayBuffer, options: XlsxOptions = {}): RawTable {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) return fatalTable('The file is empty');
  // SheetJS reads anything it does not recognise as a one-column text sheet, so junk must be
  // turned away here by its signature, before it becomes a "table" of garbage.
  if (!looksLikeWorkbook(bytes)) return fatalTable(NOT_A_WORKBOOK);

  let workbook: WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false, cellFormula: false, cellHTML: false });
  } catch (error) {
    return fatalTable(readFailure(error));
  }
  try {
    return tableOf(workbook, options.maxColumns ?? Infinity);
  } catch (error) {
    return fatalTable(`The workbook could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** ZIP (xlsx, ods), OLE compound file (xls, and every password-protected workbook), or an HTML/XML table. */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const starts = (...signature: number[]): boolean => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return true;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^(?:\xef\xbb\xbf|\s)+/, '').toLowerCase();
  return head.startsWith('<') && (head.includes('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet'));
}

function readFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) {
    return 'The workbook is password-protected: open it in Excel, remove the password (File → Info → Protect Workbook) and save it again';
  }
  return `The workbook is damaged or not a spreadsheet (${message}); open it in Excel and save it again as .xlsx`;
}

function tableOf(workbook: WorkBook, maxColumns: number): RawTable {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const cells = sheet ? sheetCells(sheet, date1904) : null;
    if (!cells || cells.byRow.size === 0) continue;
    // Before the rows are built: each would be as wide as the sheet's used columns.
    if (cells.columns.size > maxColumns) return fatalTable(tooManyColumnsMessage(cells.columns.size));
    const rows = sheetRows(cells);
    const headerIndex = rows.findIndex((row) => !isBlankRow(row.cells));
    const header = rows[headerIndex];
    if (!header) continue;
    const others = workbook.SheetNames.filter((other) => other !== name && hasData(workbook.Sheets[other], date1904));
    const warnings = others.length > 0 ? [`Only the first sheet with data, "${name}", was read; not: ${others.map((other) => `"${other}"`).join(', ')}`] : [];
    const data = rows.slice(headerIndex + 1).filter((row) => !isBlankRow(row.cells));
    return { header: header.cells, rows: data, warnings, fatal: null };
  }
  return fatalTable('The workbook has no sheet with data');
}

function hasData(sheet: WorkSheet | undefined, date1904: boolean): boolean {
  return sheet !== undefined && Object.keys(sheet).some((address) => !address.startsWith('!') && cellText(sheet[address] as CellObject | undefined, date1904).text.trim() !== '');
}

interface SheetCells {
  /** Sheet row → sheet column → the cell's value; only cells with a value. */
  byRow: Map<number, Map<number, CellText>>;
  /** The columns that have a value somewhere. */
  columns: Set<number>;
}

/** The cells that have a value: a sheet formatted down to row 1,048,576 declares that whole range,
 *  and walking it cell by cell would take minutes. */
function sheetCells(sheet: WorkSheet, date1904: boolean): SheetCells {
  const byRow = new Map<number, Map<number, CellText>>();
  const columns = new Set<number>();
  for (const address of Object.keys(sheet)) {
    if (address.startsWith('!')) continue;
    const value = cellText(sheet[address] as CellObject | undefined, date1904);
    if (value.text.trim() === '') continue;
    const { r, c } = XLSX.utils.decode_cell(address);
    if (!byRow.has(r)) byRow.set(r, new Map());
    byRow.get(r)?.set(c, value);
    columns.add(c);
  }
  return { byRow, columns };
}

function sheetRows({ byRow, columns }: SheetCells): RawRow[] {
  const firstColumn = Math.min(...columns);
  const lastColumn = Math.max(...columns);
  return [...byRow.keys()].sort((a, b) => a - b).map((r) => {
    const row = byRow.get(r);
    const values = Array.from({ length: lastColumn - firstColumn + 1 }, (_, i) => row?.get(firstColumn + i));
    // The sheet's own row number, as Excel shows it beside the row.
    return { line: r + 1, cells: values.map((value) => value?.text ?? ''), numeric: values.map((value) => value?.numeric ?? false) };
  });
}

interface CellText {
  text: string;
  /** The cell held a plain number (not a date, not a percentage). */
  numeric: boolean;
}

function cellText(cell: CellObject | undefined, date1904: boolean): CellText {
  const text = (value: string): CellText => ({ text: value, numeric: false });
  if (!cell || cell.v === undefined || cell.v === null) return text('');
  switch (cell.t) {
    case 'b':
      return text(cell.v ? 'true' : 'false');
    case 'e':
      return text(cell.w ?? '#ERROR');
    case 'd':
      return text(cell.v instanceof Date ? localDateText(cell.v) : String(cell.v));
    case 'n':
      return typeof cell.v === 'number' ? numberText(cell.v, typeof cell.z === 'string' ? cell.z : '', cell.w, date1904) : text(String(cell.v));
    default:
      return text(String(cell.v));
  }
}

function numberText(value: number, format: string, shown: string | undefined, date1904: boolean): CellText {
  if (format !== '' && SSF.is_date(format)) {
    const code = SSF.parse_date_code(value, { date1904 });
    if (code) return { text: dateCodeText(code, value), numeric: false };
  }
  // "0%" shows 0.05 as 5%: the user typed 5%, and a discount column wants 5.
  if (format.includes('%')) return { text: `${plainNumber(value * 100)}%`, numeric: false };
  // A format of zeros ("000000000000") keeps leading zeros of codes such as a tax id.
  if (/^0+$/.test(format) && shown !== undefined) return { text: shown, numeric: false };
  return { text: plainNumber(value), numeric: true };
}

/** 0.1 + 0.2 → "0.3": Excel itself keeps 15 significant digits. */
export function plainNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** "1980-05-15" for a date, "1980-05-15 14:30" with a time, "14:30" for a time of day alone. */
function dateCodeText(code: DateCode, serial: number): string {
  const time = code.H || code.M || code.S ? `${pad(code.H)}:${pad(code.M)}${code.S ? `:${pad(code.S)}` : ''}` : '';
  if (Math.abs(serial) < 1) return time || '00:00';
  const date = `${String(code.y).padStart(4, '0')}-${pad(code.m)}-${pad(code.d)}`;
  return time ? `${date} ${time}` : date;
}

/** SheetJS builds Date cells in local time (ODS, some XLS); read them back the same way. */
function localDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return dateCodeText(
    { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate(), H: date.getHours(), M: date.getMinutes(), S: date.getSeconds() },
    1,
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
