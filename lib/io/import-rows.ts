// Turns a RawTable (from CSV, XLSX or vCard) and a column mapping into checked ImportRows. A row
// with a bad value is rejected whole, naming every problem at once ("column: what is wrong"), so
// the user can fix the file and import it again; nothing half-read reaches the base. Never throws.
import { parsePhoneList } from '../domain/phone';
import type { PhoneNumber } from '../domain/types';
import { IDENTIFYING_FIELDS } from './column-mapping';
import type { ImportClientFields, ImportContactFields, ImportField, ImportRow, ImportRowsResult, RejectedRow } from './import-row';
import { emptyImportClient } from './import-row';
import { conflictWarnings, duplicateWarnings, yearlessWarnings } from './import-warnings';
import { isBlankRow, type RawRow, type RawTable } from './table';
import {
  cellText, cleanDomain, cleanEmail, isDomain, isEmail, isMonthFirstColumn, readAmount, readBoolean, readDate, readPercent,
  readStatus, readWholeNumber, splitList, unique, type DateOptions,
} from './import-values';

export interface ImportRowsOptions {
  /** ISO 3166 region for phone numbers written without a country code. */
  defaultRegion: string;
}

interface Column {
  index: number;
  field: ImportField;
  /** The header as the file writes it: problems name it. */
  label: string;
}

interface Cell {
  value: string;
  numeric: boolean;
  column: Column;
}

interface Problem {
  column: Column;
  text: string;
}

// The most the base takes (lib/messaging/protocol.ts checks every row against the same numbers):
// a longer value rejects its row here, naming the column, instead of failing the whole import there.
const TEXT_LIMITS: Readonly<Partial<Record<ImportField, number>>> = {
  company: 300, legal_name: 500, tax_id: 50, industry: 300, source: 300, price_type: 200, payment_terms: 500,
  reliability_note: 5000, needs: 20_000, notes: 20_000, contact: 300, position: 300,
};
const LIST_LIMITS: Readonly<Partial<Record<ImportField, number>>> = { domains: 50, company_email: 50, company_phone: 50, email: 50, phone: 50, tags: 100 };
const TAG_LIMIT = 100;
const PHONE_RAW_LIMIT = 100;

const DATE_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['due_date', 'next_contact', 'holiday_date', 'birthday']);
const NO_IDENTITY = 'no company, contact, email or phone';

export function readImportRows(table: RawTable, mapping: readonly (ImportField | null)[], options: ImportRowsOptions): ImportRowsResult {
  try {
    return readRows(table, mapping, options);
  } catch (error) {
    // A safety net only: every known bad input is handled without throwing.
    return { rows: [], rejected: [], warnings: [], fatal: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function readRows(table: RawTable, mapping: readonly (ImportField | null)[], options: ImportRowsOptions): ImportRowsResult {
  if (table.fatal !== null) return { rows: [], rejected: [], warnings: table.warnings, fatal: table.fatal };
  const columns = mappedColumns(table.header, mapping);
  if (!columns.some((column) => IDENTIFYING_FIELDS.includes(column.field))) {
    return { rows: [], rejected: [], warnings: table.warnings, fatal: 'No column is mapped to company, contact name, e-mail or phone: map at least one of them' };
  }
  const dataRows = table.rows.filter((row) => !isBlankRow(row.cells));
  const context: RowContext = { region: options.defaultRegion, monthFirst: monthFirstColumns(columns, dataRows), yearlessBirthdays: [] };

  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const raw of dataRows) {
    const result = raw.error ? raw.error : readRow(raw, columns, context);
    if (typeof result === 'string') rejected.push({ line: raw.line, reason: result });
    else rows.push(result);
  }
  const warnings = [...table.warnings, ...duplicateWarnings(dataRows), ...conflictWarnings(columns, dataRows, cellValue), ...yearlessWarnings(context.yearlessBirthdays)];
  if (rows.length === 0 && rejected.length === 0) warnings.push('The file has a header but no client rows');
  return { rows, rejected, warnings, fatal: null };
}

function mappedColumns(header: readonly string[], mapping: readonly (ImportField | null)[]): Column[] {
  return mapping.flatMap((field, index) => {
    if (!field) return [];
    const label = (header[index] ?? '').trim() || `column ${index + 1}`;
    return [{ index, field, label }];
  });
}

interface RowContext {
  region: string;
  /** Column indexes whose "a/b/yyyy" dates are month first. */
  monthFirst: ReadonlySet<number>;
  /** Lines whose birthday had no year: collected for one warning. */
  yearlessBirthdays: number[];
}

function monthFirstColumns(columns: readonly Column[], rows: readonly RawRow[]): Set<number> {
  const dateColumns = columns.filter((column) => DATE_FIELDS.has(column.field));
  return new Set(dateColumns.filter((column) => isMonthFirstColumn(rows.map((row) => cellValue(row, column.index)))).map((column) => column.index));
}

function cellValue(row: RawRow, index: number): string {
  return cellText(row.cells, index);
}

/** A checked row, or the reason it is rejected. */
function readRow(raw: RawRow, columns: readonly Column[], context: RowContext): ImportRow | string {
  const cells = (field: ImportField): Cell[] =>
    columns
      .filter((column) => column.field === field)
      .map((column) => ({ value: cellValue(raw, column.index), numeric: raw.numeric?.[column.index] === true, column }))
      .filter((cell) => cell.value !== '');
  // Single fields: the first non-empty column wins. List fields read every column.
  const first = (field: ImportField): Cell | undefined => cells(field)[0];
  const text = (field: ImportField): string => first(field)?.value ?? '';
  if (IDENTIFYING_FIELDS.every((field) => cells(field).length === 0) && cells('company_email').length === 0 && cells('company_phone').length === 0) {
    return NO_IDENTITY;
  }

  const problems: Problem[] = [];
  // Run a reader on the first cell of a field; what it cannot read becomes a problem naming the column.
  const fail = (cell: Cell, text: string): null => {
    problems.push({ column: cell.column, text });
    return null;
  };
  /** undefined from the reader: "<value> <explain>". */
  const check = <T>(field: ImportField, reader: (cell: Cell) => T | null | undefined, explain: string): T | null => {
    const cell = first(field);
    const result = cell ? reader(cell) : null;
    return cell && result === undefined ? fail(cell, `"${cell.value}" ${explain}`) : (result ?? null);
  };
  /** A string from the reader says what is wrong with the number. */
  const measure = (field: ImportField, reader: (cell: Cell) => number | null | string): number | null => {
    const cell = first(field);
    const result = cell ? reader(cell) : null;
    return cell && typeof result === 'string' ? fail(cell, result) : typeof result === 'number' ? result : null;
  };
  const date = (field: ImportField, options: DateOptions = {}): string | null =>
    check(field, (cell) => readDate(cell.value, { ...options, numeric: cell.numeric, monthFirst: context.monthFirst.has(cell.column.index) }),
      'is not a date (use YYYY-MM-DD or DD.MM.YYYY)');
  const amount = (field: ImportField): number | null => measure(field, (cell) => readAmount(cell.value, cell.numeric));

  const emails = (field: ImportField): string[] => listValues(cells(field), /[;,\n]/, cleanEmail, isEmail, 'is not a valid e-mail address', problems);
  const phones = (field: ImportField): PhoneNumber[] =>
    cells(field).flatMap((cell) => {
      const parsed = parsePhoneList(cell.value.replace(/\s*:::\s*/g, ';'), context.region);
      problems.push(...parsed.errors.map((error) => ({ column: cell.column, text: error })));
      return parsed.phones;
    });

  const client = {
    ...emptyImportClient(),
    // A row that gives only the legal name ("ООО «Ромашка»") is still that company.
    name: text('company') || text('legal_name'),
    legalName: text('legal_name'),
    taxId: text('tax_id'),
    status: check('status', (cell) => readStatus(cell.value), 'is not one of prospect, active, vip, inactive, lost'),
    domains: listValues(cells('domains'), /[;,\s]+/, cleanDomain, isDomain, 'is not a domain name', problems),
    emails: emails('company_email'),
    phones: uniquePhones(phones('company_phone')),
    industry: text('industry'),
    source: text('source'),
    priceType: text('price_type'),
    paymentTerms: text('payment_terms'),
    deferralDays: measure('deferral_days', (cell) => readWholeNumber(cell.value, cell.numeric, 0, 3650)),
    discountPct: measure('discount_pct', (cell) => readPercent(cell.value, cell.numeric)),
    creditLimit: amount('credit_limit'),
    receivables: amount('receivables'),
    overdueAmount: amount('overdue_amount'),
    dueDate: date('due_date'),
    reliabilityRating: measure('rating', (cell) => readWholeNumber(cell.value, cell.numeric, 1, 5)),
    reliabilityNote: text('reliability_note'),
    needs: text('needs'),
    tags: unique(cells('tags').flatMap((cell) => splitList(cell.value, /[;,]/)).map(cleanTag).filter((tag) => tag !== '')),
    notes: text('notes'),
    // The holiday recurs, so the contract lets its year be any: a yearless one gets 2000 (a leap year, for 29 February).
    holidayDate: date('holiday_date', { yearless: true })?.replace(/^--/, '2000-') ?? null,
    nextContactAt: date('next_contact'),
  };
  const contact: ImportContactFields = {
    name: text('contact') || composeName(text('first_name'), text('middle_name'), text('last_name')),
    position: text('position'),
    emails: emails('email'),
    phones: uniquePhones(phones('phone')),
    birthday: fullDateOnly(date('birthday', { yearless: true }), () => context.yearlessBirthdays.push(raw.line)),
    decisionMaker: check('decision_maker', (cell) => readBoolean(cell.value), 'is not yes or no'),
  };
  problems.push(...sizeProblems(client, contact, first, cells));
  // In the order of the file's columns, as the user reads the row.
  if (problems.length > 0) return problems.sort((a, b) => a.column.index - b.column.index).map((p) => `${p.column.label}: ${p.text}`).join('; ');
  const hasContact = contact.name !== '' || contact.position !== '' || contact.emails.length > 0 || contact.phones.length > 0 ||
    contact.birthday !== null || contact.decisionMaker !== null;
  return { line: raw.line, client, contact: hasContact ? contact : null };
}

/** Values longer, or lists longer, than the base takes. */
function sizeProblems(client: ImportClientFields, contact: ImportContactFields, first: (field: ImportField) => Cell | undefined,
  cells: (field: ImportField) => Cell[]): Problem[] {
  const problems: Problem[] = [];
  for (const [field, limit = 0] of Object.entries(TEXT_LIMITS) as [ImportField, number | undefined][]) {
    const cell = first(field);
    if (cell && cell.value.length > limit) problems.push({ column: cell.column, text: `longer than ${limit} characters (${cell.value.length})` });
  }
  const lists: [ImportField, readonly unknown[]][] = [['domains', client.domains], ['company_email', client.emails], ['company_phone', client.phones],
    ['email', contact.emails], ['phone', contact.phones], ['tags', client.tags]];
  for (const [field, values] of lists) {
    const limit = LIST_LIMITS[field] ?? 0;
    const cell = first(field);
    if (cell && values.length > limit) problems.push({ column: cell.column, text: `${values.length} values, at most ${limit}` });
  }
  const longTag = client.tags.find((tag) => tag.length > TAG_LIMIT);
  const tagCell = first('tags');
  if (longTag && tagCell) problems.push({ column: tagCell.column, text: `the tag "${longTag.slice(0, 20)}…" is longer than ${TAG_LIMIT} characters` });
  for (const field of ['company_phone', 'phone'] as const) {
    const long = cells(field).find((cell) => cell.value.split(/[;\n]/).some((part) => part.trim().length > PHONE_RAW_LIMIT));
    if (long) problems.push({ column: long.column, text: `a phone number longer than ${PHONE_RAW_LIMIT} characters` });
  }
  // A name composed of first, middle and last name columns.
  const nameCell = first('contact') ?? first('last_name') ?? first('first_name') ?? first('middle_name');
  if (!first('contact') && nameCell && contact.name.length > 300) problems.push({ column: nameCell.column, text: `the name is longer than 300 characters` });
  return problems;
}

/** A birthday is stored with its year; one without ("--05-15" from Google or a vCard) is left out, and said so. */
function fullDateOnly(date: string | null, onYearless: () => void): string | null {
  if (!date?.startsWith('--')) return date;
  onYearless();
  return null;
}

/** Every value of a list field, split, cleaned, checked; each bad one is a problem naming its column. */
function listValues(cells: readonly Cell[], separators: RegExp, clean: (value: string) => string, valid: (value: string) => boolean,
  explain: string, problems: Problem[]): string[] {
  const values: string[] = [];
  for (const cell of cells) {
    for (const value of splitList(cell.value, separators).map(clean)) {
      if (valid(value)) values.push(value);
      else problems.push({ column: cell.column, text: `"${value}" ${explain}` });
    }
  }
  return unique(values);
}

function uniquePhones(phones: readonly PhoneNumber[]): PhoneNumber[] {
  const seen = new Set<string>();
  return phones.filter((phone) => {
    const key = `${phone.e164};${phone.ext ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Google marks its system groups with "* " and puts every contact in "myContacts", which says nothing. */
function cleanTag(tag: string): string {
  const bare = tag.replace(/^\*\s*/, '').trim();
  return bare === 'myContacts' ? '' : bare;
}

/** Russian names are written family name first ("Иванов Иван Петрович"), others given name first. */
function composeName(first: string, middle: string, last: string): string {
  const cyrillic = /\p{Script=Cyrillic}/u.test(`${first}${last}`);
  const parts = cyrillic ? [last, first, middle] : [first, middle, last];
  return parts.filter((part) => part !== '').join(' ');
}
