// Exports clients and their contacts as a table in our own import columns, so the file imports
// back as it was, and writes any table (the client list, the monthly report) as CSV or XLSX. The
// writers themselves make every cell safe from formula injection (formula-guard.ts), so no caller
// has to remember it. Pure and DOM-free; the caller downloads the result.
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import type { CellObject } from '@e965/xlsx';
import { internationalForm } from '../domain/phone';
import type { Client, Contact, PhoneNumber } from '../domain/types';
import { neutralizeFormula } from './formula-guard';
import { IMPORT_FIELDS, type ImportField } from './import-row';

/** Our import fields less the name parts: the export writes the contact's full name. */
export const EXPORT_COLUMNS: readonly ImportField[] = IMPORT_FIELDS.filter(
  (field) => field !== 'first_name' && field !== 'middle_name' && field !== 'last_name',
);

// Excel caps a cell at 32,767 characters and refuses to open a file with a longer one.
const XLSX_CELL_LIMIT = 32_767;

/** A header row of field names, then one row per contact (client fields repeated), or one for a client without contacts. */
export function clientsToTable(clients: readonly Client[], contacts: readonly Contact[]): string[][] {
  const byClient = new Map<string, Contact[]>();
  // Tombstones are deleted records: they never leave the base in an export.
  for (const contact of contacts) {
    if (contact.deletedAt !== null) continue;
    byClient.set(contact.clientId, [...(byClient.get(contact.clientId) ?? []), contact]);
  }
  const rows: string[][] = [[...EXPORT_COLUMNS]];
  for (const client of clients) {
    if (client.deletedAt !== null) continue;
    const people = byClient.get(client.id) ?? [];
    for (const contact of people.length > 0 ? people : [null]) {
      const values = { ...clientValues(client), ...contactValues(contact) };
      rows.push(EXPORT_COLUMNS.map((field) => values[field] ?? ''));
    }
  }
  return rows;
}

type Values = Partial<Record<ImportField, string>>;

function clientValues(client: Client): Values {
  return {
    company: client.name,
    legal_name: client.legalName,
    tax_id: client.taxId,
    status: client.status,
    domains: client.domains.join('; '),
    company_email: client.emails.join('; '),
    company_phone: phonesText(client.phones),
    industry: client.industry,
    source: client.source,
    price_type: client.priceType,
    payment_terms: client.contract.paymentTerms,
    deferral_days: numberText(client.contract.deferralDays),
    discount_pct: numberText(client.contract.discountPct),
    credit_limit: numberText(client.contract.creditLimit),
    receivables: numberText(client.receivables.amount),
    overdue_amount: numberText(client.receivables.overdueAmount),
    due_date: client.receivables.dueDate ?? '',
    rating: numberText(client.reliabilityRating),
    reliability_note: client.reliabilityNote,
    needs: client.needs,
    tags: client.tags.join('; '),
    notes: client.notes,
    holiday_date: client.holidayDate ?? '',
    next_contact: client.nextContactAt ?? '',
  };
}

function contactValues(contact: Contact | null): Values {
  if (!contact) return {};
  return {
    contact: contact.name,
    position: contact.position,
    email: contact.emails.join('; '),
    phone: phonesText(contact.phones),
    birthday: contact.birthday ?? '',
    decision_maker: contact.decisionMaker ? 'yes' : 'no',
  };
}

/**
 * As the user entered them when that carries the country ("+7 916 …"); otherwise in international
 * form, because "8 (495) 123-45-67" means another number to a base whose default region is not
 * Russia. An extension stored apart from the text is written back after it.
 */
function phonesText(phones: readonly PhoneNumber[]): string {
  return phones
    .map((phone) => {
      if (phone.raw.trim().startsWith('+')) return phone.ext && !phone.raw.includes(phone.ext) ? `${phone.raw} ext. ${phone.ext}` : phone.raw;
      return internationalForm(phone);
    })
    .join('; ');
}

/** 1.234 is written "1.2340": the import refuses "1.234" as ambiguous (1234 or 1,234?). */
function numberText(value: number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /^-?\d{1,3}\.\d{3}$/.test(text) ? `${text}0` : text;
}

/**
 * UTF-8 with a BOM (so Excel reads Cyrillic right) and CRLF. Russian Excel expects ";" as the separator.
 * A cell a spreadsheet would run as a formula gets a leading apostrophe (the import removes it).
 */
export function tableToCsv(table: readonly (readonly string[])[], options: { delimiter?: ',' | ';' } = {}): string {
  const safe = table.map((row) => row.map(neutralizeFormula));
  return `\uFEFF${Papa.unparse(safe, { delimiter: options.delimiter ?? ',', newline: '\r\n' })}\r\n`;
}

/**
 * One sheet, every cell text by default (a phone stays "+7 …", a code keeps its leading zeros).
 * A report asks for `numbers`: plain decimal numbers become number cells, to sum and chart in Excel.
 * Every other cell is written as a shared-string cell (t="s", format "@" so Excel keeps it text on edit):
 * a string cell is never a formula, so "=1+1" is written as it is, without an apostrophe.
 */
export function tableToXlsx(table: readonly (readonly string[])[], options: { sheetName?: string; numbers?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const cellOf = (cell: string): CellObject =>
    options.numbers && /^-?\d+(\.\d+)?$/.test(cell) ? { t: 'n', v: Number(cell) } : { t: 's', v: xlsxCellText(cell), z: '@' };
  const sheet = XLSX.utils.aoa_to_sheet(table.map((row) => row.map(cellOf)), { cellDates: false });
  sheet['!cols'] = (table[0] ?? []).map((_, column) => ({ wch: table.reduce((width, row) => Math.max(width, Math.min(40, (row[column] ?? '').length)), 8) }));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, options.sheetName ?? 'Clients');
  // bookSST: text goes to the shared-string table as t="s" cells; without it SheetJS writes t="str",
  // the type of a formula's cached text result (ECMA-376 ST_CellType).
  const bytes: unknown = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true });
  return new Uint8Array(bytes as ArrayBuffer);
}

function xlsxCellText(cell: string): string {
  return cell.length > XLSX_CELL_LIMIT ? `${cell.slice(0, XLSX_CELL_LIMIT - 1)}…` : cell;
}
