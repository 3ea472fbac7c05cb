// How big a file the import reads, checked before any heavy work so that a wrong file gets a clear
// message at once instead of a page that hangs (issue 12.12). Pure.

/**
 * 100 MB. A client row is ~75 bytes of CSV (the 30,000-row browser test file is 2.2 MB), so this
 * is over a million rows: more than any one manager's base. Above it the page, its import worker
 * and the background would each hold the rows in memory at once, and a tab runs out.
 */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * 1,000 columns with a header or a value. Client exports have tens (the Google Contacts, Outlook and
 * Bitrix24 fixtures under tests/fixtures/import 16–45; Outlook's full export about 90); thousands
 * are a price list, a pivot table or a report, and every column is a field to choose when mapping.
 */
export const IMPORT_MAX_COLUMNS = 1000;

const count = (value: number): string => value.toLocaleString('en-US');

export function fileTooLargeMessage(bytes: number): string {
  const megabytes = Math.ceil(bytes / (1024 * 1024));
  return `The file is ${count(megabytes)} MB; ClientDesk reads files up to ${IMPORT_MAX_BYTES / (1024 * 1024)} MB. Save only the sheet or columns with clients, or split the file`;
}

export function tooManyColumnsMessage(columns: number): string {
  return `This file has ${count(columns)} columns; ClientDesk reads at most ${count(IMPORT_MAX_COLUMNS)}. Remove empty columns or save only the sheet with clients`;
}
