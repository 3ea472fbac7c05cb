// The common shape every file reader (CSV, XLSX, vCard) produces before columns are mapped, and
// the CSV reader itself. Pure and DOM-free: it runs in the service worker and the Options page.
import Papa from 'papaparse';

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

/** A CSV as Excel, Google Sheets, Outlook or 1C save it: ",", ";" or tab separated, any newline style. */
export function readCsvTable(input: string): RawTable {
  try {
    return readCsv(input);
  } catch (error) {
    // A safety net only: every known bad input is handled without throwing.
    return fatalTable(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readCsv(input: string): RawTable {
  if (input.includes('\0')) return fatalTable('The file is not a text CSV file (it contains NUL bytes); save it as "CSV UTF-8"');
  // One newline style, so that line numbers are a count of '\n' (Excel writes CRLF).
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return fatalTable('The file is empty');

  const records = readRecords(text);
  const headerIndex = records.findIndex((record) => !isBlankRow(record.cells));
  const header = records[headerIndex];
  if (!header) return fatalTable('The file is empty');
  const warnings: string[] = [];
  // U+FFFD: the text was decoded with the wrong encoding somewhere before us.
  if (text.includes('\uFFFD')) warnings.push('The file contains characters that could not be decoded (�); save it as "CSV UTF-8"');

  const width = header.cells.length;
  const rows: RawRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlankRow(record.cells)) continue;
    const error = recordError(record, width);
    rows.push(error === null ? { line: record.line, cells: record.cells } : { line: record.line, cells: record.cells, error });
  }
  return { header: header.cells, rows, warnings, fatal: null };
}

interface CsvRecord {
  cells: string[];
  line: number;
  quoteError: string | null;
}

/** Splits the text into records, each with the line it starts on (right across quoted newlines). */
function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let rowStart = 0;
  let counted = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    newline: '\n',
    step: (result) => {
      // meta.cursor is the offset just past this row, i.e. where the next row starts.
      for (; counted < rowStart; counted++) if (text.charCodeAt(counted) === 10) line++;
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      records.push({ cells: result.data, line, quoteError: quoteError?.message ?? null });
      rowStart = result.meta.cursor;
    },
  });
  return records;
}

/** The header line is plain column names, so the separator it uses most is the file's. */
function guessDelimiter(text: string): string {
  const headerLine = /^.*\S.*$/m.exec(text)?.[0] ?? '';
  const counts = [';', '\t', ','].map((delimiter) => ({ delimiter, count: headerLine.split(delimiter).length - 1 }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.delimiter : ',';
}

function recordError(record: CsvRecord, width: number): string | null {
  if (record.quoteError) return `malformed quotes: ${record.quoteError}`;
  // Extra empty cells (a trailing separator) lose nothing; extra values would be misplaced.
  if (record.cells.length > width && !isBlankRow(record.cells.slice(width))) {
    return `too many fields: expected ${width}, found ${record.cells.length} (an unquoted separator in a value?)`;
  }
  return null;
}
