// The common shape every file reader (CSV, XLSX, vCard) produces before columns are mapped, and
// the CSV reader itself. Pure and DOM-free: it runs in the service worker and the Options page.
import Papa from 'papaparse';
import { tooManyColumnsMessage } from './import-limits';

export interface RawRow {
  /** 1-based line (CSV), sheet row number (XLSX) or BEGIN:VCARD line (vCard) where the row starts. */
  line: number;
  cells: string[];
  /** The row cannot be trusted as read (malformed quotes, extra fields): it is rejected with this reason. */
  error?: string;
  /** For XLSX: true where the cell held a number (not text), so a date column may read it as an Excel date
   *  and an amount column needs no guessing about separators. Absent for text formats. */
  numeric?: boolean[];
}

export interface RawTable {
  header: string[];
  /** Data rows after the header; blank rows are left out. */
  rows: RawRow[];
  warnings: string[];
  /** The whole file is unusable; header and rows are then empty. */
  fatal: string | null;
}

export function fatalTable(message: string): RawTable {
  return { header: [], rows: [], warnings: [], fatal: message };
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export interface CsvOptions {
  /** A header naming more columns than this is fatal before the rest of the file is parsed. */
  maxColumns?: number;
}

/** A CSV as Excel, Google Sheets, Outlook or 1C save it: ",", ";" or tab separated, any newline style. */
export function readCsvTable(input: string, options: CsvOptions = {}): RawTable {
  try {
    return readCsv(input, options.maxColumns ?? Infinity);
  } catch (error) {
    // A safety net only: every known bad input is handled without throwing.
    return fatalTable(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readCsv(input: string, maxColumns: number): RawTable {
  if (input.includes('\0')) return fatalTable('The file is not a text CSV file (it contains NUL bytes); save it as "CSV UTF-8"');
  // One newline style, so that line numbers are a count of '\n' (Excel writes CRLF).
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return fatalTable('The file is empty');

  const { header, rows, namedColumns } = readRecords(text, maxColumns);
  if (namedColumns > maxColumns) return fatalTable(tooManyColumnsMessage(namedColumns));
  if (!header) return fatalTable('The file is empty');
  return { header, rows, warnings: [], fatal: null };
}

interface CsvRecords {
  header: string[] | null;
  rows: RawRow[];
  /** The header's non-empty names. */
  namedColumns: number;
}

/** Splits the text into the header (the first non-blank record) and the rows, each with the line it
 *  starts on (right across quoted newlines). Stops at a header wider than `maxColumns`. */
function readRecords(text: string, maxColumns: number): CsvRecords {
  const records: CsvRecords = { header: null, rows: [], namedColumns: 0 };
  let rowStart = 0;
  let counted = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    newline: '\n',
    step: (result, parser) => {
      // meta.cursor is the offset just past this row, i.e. where the next row starts.
      for (; counted < rowStart; counted++) if (text.charCodeAt(counted) === 10) line++;
      rowStart = result.meta.cursor;
      const cells = result.data;
      if (isBlankRow(cells)) return;
      if (!records.header) {
        records.namedColumns = cells.filter((cell) => cell.trim() !== '').length;
        // Before the rest of the file is parsed: a 100,000-column file is refused in milliseconds.
        if (records.namedColumns > maxColumns) return parser.abort();
        records.header = cells;
        return;
      }
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      const error = recordError(cells, records.header.length, quoteError?.message ?? null);
      // Trailing empty cells go: Excel writes a separator for every column a sheet was ever
      // formatted in (up to 16,384 a row), and all of them would be held in memory.
      const kept = withoutTrailingBlanks(cells);
      records.rows.push(error === null ? { line, cells: kept } : { line, cells: kept, error });
    },
  });
  return records;
}

function withoutTrailingBlanks(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** The header line is plain column names, so the separator it uses most is the file's. */
function guessDelimiter(text: string): string {
  const headerLine = /^.*\S.*$/m.exec(text)?.[0] ?? '';
  const counts = [';', '\t', ','].map((delimiter) => ({ delimiter, count: headerLine.split(delimiter).length - 1 }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.delimiter : ',';
}

function recordError(cells: readonly string[], width: number, quoteError: string | null): string | null {
  if (quoteError) return `malformed quotes: ${quoteError}`;
  // Extra empty cells (a trailing separator) lose nothing; extra values would be misplaced.
  if (cells.length > width && !isBlankRow(cells.slice(width))) {
    return `too many fields: expected ${width}, found ${cells.length} (an unquoted separator in a value?)`;
  }
  return null;
}

/** A table without the columns that have neither a header nor a value (1C's spacer columns, a sheet
 *  formatted far to the right), and for each column kept its 0-based position in the file. */
export function withoutEmptyColumns(table: RawTable): { table: RawTable; sourceColumns: number[] } {
  // A rejected row counts for nothing: its extra values (an unquoted separator) are no column.
  const accepted = table.rows.filter((row) => row.error === undefined);
  let width = table.header.length;
  for (const row of accepted) width = Math.max(width, row.cells.length);
  const used = new Array<boolean>(width).fill(false);
  table.header.forEach((name, index) => (used[index] = name.trim() !== ''));
  for (const row of accepted) row.cells.forEach((cell, index) => (used[index] ||= cell.trim() !== ''));
  const sourceColumns = used.flatMap((isUsed, index) => (isUsed ? [index] : []));
  if (sourceColumns.length === width) return { table, sourceColumns };
  const pick = <T>(values: readonly T[], empty: T): T[] => sourceColumns.map((index) => values[index] ?? empty);
  const rows = table.rows.map((row) => {
    const kept: RawRow = { ...row, cells: pick(row.cells, '') };
    if (row.numeric) kept.numeric = pick(row.numeric, false);
    return kept;
  });
  return { table: { ...table, header: pick(table.header, ''), rows }, sourceColumns };
}
