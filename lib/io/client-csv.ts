// Reads a clients CSV with automatic column mapping only (no user in the loop: the background's
// CSV import, and tests). The Options import wizard composes the same parts itself and lets the
// user fix the mapping. Pure and DOM-free; never throws.
import { autoMapColumns, unmappedColumnWarnings } from './column-mapping';
import type { ImportField, ImportRowsResult } from './import-row';
import { readImportRows } from './import-rows';
import { readCsvTable } from './table';

/** The columns of our own sheets that users most often write, named in the "no header" message. */
export const CLIENT_CSV_COLUMNS = ['company', 'contact', 'position', 'email', 'phone', 'status', 'domains',
  'price_type', 'payment_terms', 'receivables', 'birthday', 'notes'] as const;

// A file must name the client or the person for its rows to mean anything; a lone phone column
// (the "Phone Number" of some address book) is not a client list without the user saying so.
const NAMING_FIELDS: readonly ImportField[] = ['company', 'legal_name', 'contact', 'first_name', 'last_name', 'email'];

export function parseClientCsv(text: string, options: { defaultRegion: string }): ImportRowsResult {
  const table = readCsvTable(text);
  if (table.fatal !== null) return { rows: [], rejected: [], warnings: table.warnings, fatal: table.fatal };
  const mapping = autoMapColumns(table.header);
  if (!mapping.some((field) => field !== null && NAMING_FIELDS.includes(field))) {
    return {
      rows: [],
      rejected: [],
      warnings: table.warnings,
      fatal:
        `No header row with the expected columns: the first line must name at least company, contact or email ` +
        `(expected: ${CLIENT_CSV_COLUMNS.join(', ')}; the headers of Google Contacts, Outlook, HubSpot and Bitrix24 exports are known too)`,
    };
  }
  const result = readImportRows(table, mapping, options);
  return { ...result, warnings: [...result.warnings, ...unmappedColumnWarnings(table.header, mapping)] };
}
