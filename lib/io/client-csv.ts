// Reads a clients CSV (as Excel or Google Sheets save it) into checked rows for the importer.
// Pure and DOM-free: it runs in the service worker. Bad input never throws; it becomes a
// `fatal` message for the file or a `rejected` entry naming the line, the column and the value.
import Papa from 'papaparse';
import { parsePhoneList } from '../domain/phone';
import type { ClientStatus, PhoneNumber } from '../domain/types';

export interface ParsedClientRow {
  /** 1-based line in the file where the row starts (header = line 1). */
  line: number;
  company: string;
  contact: { name: string; position: string; emails: string[]; phones: PhoneNumber[]; birthday: string | null } | null;
  status: ClientStatus | null;
  domains: string[];
  priceType: string;
  paymentTerms: string;
  receivables: number | null;
  notes: string;
}
export interface RejectedRow {
  line: number;
  reason: string;
}
export interface ClientCsvResult {
  rows: ParsedClientRow[];
  rejected: RejectedRow[];
  warnings: string[];
  fatal: string | null;
}

export const CLIENT_CSV_COLUMNS = ['company', 'contact', 'position', 'email', 'phone', 'status', 'domains',
  'price_type', 'payment_terms', 'receivables', 'birthday', 'notes'] as const;
type Column = (typeof CLIENT_CSV_COLUMNS)[number];

// The Russian words our users write in their own sheets map onto the statuses.
const STATUS_WORDS = new Map<string, ClientStatus>([
  ['prospect', 'prospect'], ['active', 'active'], ['vip', 'vip'], ['inactive', 'inactive'], ['lost', 'lost'],
  ['потенциальный', 'prospect'], ['активный', 'active'], ['вип', 'vip'], ['неактивный', 'inactive'],
  ['потерян', 'lost'], ['потерянный', 'lost'],
]);
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
// Labels of letters/digits/hyphens (Cyrillic .рф included), at least two, TLD not numeric.
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?=[\\p{N}-]*\\p{L})${LABEL}$`, 'u');
const EMAIL_LOCAL = /^[^\s@"(),:;<>[\]\\]+$/u;

interface RawRecord {
  cells: string[];
  line: number;
  quoteError: string | null;
}

export function parseClientCsv(text: string, options: { defaultRegion: string }): ClientCsvResult {
  try {
    return parse(text, options.defaultRegion);
  } catch (error) {
    // A safety net only: every known bad input is handled below without throwing.
    return fatal(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fatal(message: string): ClientCsvResult {
  return { rows: [], rejected: [], warnings: [], fatal: message };
}

function parse(input: string, defaultRegion: string): ClientCsvResult {
  if (input.includes('\0')) return fatal('The file is not a text CSV file (it contains NUL bytes); save it as "CSV UTF-8"');
  // One newline style, so that line numbers are a count of '\n' (Excel writes CRLF).
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return fatal('The file is empty');

  const records = readRecords(text);
  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  const header = records[headerIndex];
  const warnings: string[] = [];
  const columns = header ? mapColumns(header.cells, warnings) : new Map<Column, number>();
  if (!header || !(['company', 'contact', 'email'] as const).some((name) => columns.has(name))) {
    return fatal(
      `No header row with the expected columns: the first line must name at least company, contact or email ` +
        `(expected: ${CLIENT_CSV_COLUMNS.join(', ')})`,
    );
  }
  // U+FFFD: the caller decoded a Windows-1251 file (older Excel "CSV") as UTF-8.
  if (text.includes('\uFFFD')) warnings.push('The file contains characters that could not be decoded (�); save it as "CSV UTF-8"');

  const rows: ParsedClientRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.cells)) continue;
    const result = readRow(record, columns, header.cells.length, defaultRegion);
    if (typeof result === 'string') rejected.push({ line: record.line, reason: result });
    else rows.push(result);
  }
  if (rows.length === 0 && rejected.length === 0) warnings.push('The file has a header but no client rows');
  return { rows, rejected, warnings, fatal: null };
}

/** Splits the text into records, each with the line it starts on (right across quoted newlines). */
function readRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
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

function mapColumns(cells: string[], warnings: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    // "Price Type", "price-type", "PRICE_TYPE" all name price_type; "E-mail" names email.
    const name = cell.toLowerCase().replace(/[\s_-]+/g, '');
    if (name === '') return;
    const known = CLIENT_CSV_COLUMNS.find((column) => column.replace(/_/g, '') === name);
    if (!known) warnings.push(`Unknown column "${cell.trim()}" ignored`);
    else if (columns.has(known)) warnings.push(`Column "${known}" appears twice; only the first is used`);
    else columns.set(known, index);
  });
  return columns;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** A parsed row, or the reason it is rejected. */
function readRow(record: RawRecord, columns: Map<Column, number>, width: number, region: string): ParsedClientRow | string {
  if (record.quoteError) return `malformed quotes: ${record.quoteError}`;
  // Extra empty cells (a trailing separator) lose nothing; extra values would be misplaced.
  if (record.cells.length > width && !isBlank(record.cells.slice(width))) {
    return `too many fields: expected ${width}, found ${record.cells.length} (an unquoted separator in a value?)`;
  }
  const get = (column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };

  const company = get('company');
  const name = get('contact');
  const emails = unique(splitList(get('email'), /[;,\n]/).map((email) => email.toLowerCase()));
  if (company === '' && name === '' && emails.length === 0) return 'no company, contact or email';

  const problems: string[] = [];
  for (const email of emails) if (!isEmail(email)) problems.push(`email: "${email}" is not a valid e-mail address`);
  const { phones, errors } = parsePhoneList(get('phone'), region);
  for (const error of errors) problems.push(`phone: ${error}`);
  const domains = unique(splitList(get('domains'), /[;,\s]/).map(cleanDomain));
  for (const domain of domains) if (!DOMAIN.test(domain)) problems.push(`domains: "${domain}" is not a domain name`);
  const status = readStatus(get('status'));
  if (status === undefined) problems.push(`status: "${get('status')}" is not one of prospect, active, vip, inactive, lost`);
  const receivables = readAmount(get('receivables'));
  if (typeof receivables === 'string') problems.push(`receivables: ${receivables}`);
  const birthday = readDate(get('birthday'));
  if (birthday === undefined) problems.push(`birthday: "${get('birthday')}" is not a date (use YYYY-MM-DD or DD.MM.YYYY)`);
  // Every undefined/string value above has pushed a problem, so past this line they are valid.
  if (problems.length > 0 || typeof receivables === 'string') return problems.join('; ');

  const hasContact = name !== '' || emails.length > 0 || phones.length > 0;
  return {
    line: record.line,
    company,
    contact: hasContact ? { name, position: get('position'), emails, phones, birthday: birthday ?? null } : null,
    status: status ?? null,
    domains,
    priceType: get('price_type'),
    paymentTerms: get('payment_terms'),
    receivables,
    notes: get('notes'),
  };
}

/** ";" is the documented separator; "," too, as it can be part of no e-mail address or domain. */
function splitList(cell: string, separators: RegExp): string[] {
  return cell.split(separators).map((part) => part.trim()).filter((part) => part !== '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function isEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && EMAIL_LOCAL.test(email.slice(0, at)) && DOMAIN.test(email.slice(at + 1));
}

/** "https://www.Acme.ru/about", "@acme.ru", "info@acme.ru" → "acme.ru". */
function cleanDomain(value: string): string {
  return value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^.*@/, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/** null for an empty cell, undefined for an unknown word. */
function readStatus(value: string): ClientStatus | null | undefined {
  return value === '' ? null : STATUS_WORDS.get(value.toLowerCase());
}

/** "1 234,56", "1234.56", "1,234.56", "-500 ₽" → number; null when empty; a string says what is wrong. */
function readAmount(value: string): number | null | string {
  if (value === '') return null;
  const bare = value
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^(?:[₽$€£¥]|руб\.?|р\.|rub|usd|eur)|(?:[₽$€£¥]|руб\.?|р\.?|rub|usd|eur)$/giu, '')
    .replace(/^[−–]/, '-');
  const notNumber = `"${value}" is not a number`;
  if (!/^-?\d[\d.,]*$/.test(bare)) return notNumber;
  // The last separator is the decimal mark unless it also appears earlier ("1,234,567").
  const separators = bare.replace(/[^.,]/g, '');
  const last = separators.at(-1);
  const decimal = last !== undefined && !separators.slice(0, -1).includes(last) ? last : null;
  const cut = decimal === null ? bare.length : bare.lastIndexOf(decimal);
  const [whole, fraction] = [bare.slice(0, cut), bare.slice(cut + 1)];
  if (decimal !== null && fraction === '') return notNumber;
  // "1,234" is 1234 to an American and 1.234 to a Russian: refuse to guess, by a factor of 1000.
  if (separators.length === 1 && /^-?[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) {
    return `"${value}" is ambiguous (write 1234 or 1234,00)`;
  }
  if (/[.,]/.test(whole) && !/^-?\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.test(whole)) return notNumber;
  return Number(`${whole.replace(/[.,]/g, '')}${fraction === '' ? '' : `.${fraction}`}`);
}

/** "1980-05-15", "15.05.1980", "15/05/1980" → "1980-05-15"; null when empty, undefined when not a real date. */
function readDate(value: string): string | null | undefined {
  if (value === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  // Day 0 of the next month is its last day: rejects 31.02, and 29.02 of common years.
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(y, m, 0);
  if (m < 1 || m > 12 || d < 1 || d > lastDay.getUTCDate()) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
