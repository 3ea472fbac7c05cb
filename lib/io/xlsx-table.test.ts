import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { autoMapColumns } from './column-mapping';
import { readImportRows } from './import-rows';
import { readXlsxTable } from './xlsx-table';

const HEADER = ['company', 'contact', 'birthday', 'receivables', 'discount_pct', 'decision_maker', 'phone', 'tax_id', 'next_contact', 'notes'];

/** A sheet as Excel saves one: the values typed, dates as day numbers with a date format. */
function clientsSheet(): WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet([[], HEADER]);
  const put = (address: string, cell: CellObject): void => {
    sheet[address] = cell;
  };
  // Row 3: a real date cell (typed as a date in Excel), and the awkward numbers.
  put('A3', { t: 's', v: 'ООО «Ромашка»' });
  put('B3', { t: 's', v: 'Иванов Иван' });
  put('C3', { t: 'n', v: 29356, z: 'dd.mm.yyyy' });
  put('D3', { t: 'n', v: 0.1 + 0.2 });
  put('E3', { t: 'n', v: 0.05, z: '0%' });
  put('F3', { t: 'b', v: true });
  put('G3', { t: 'n', v: 79161234567 });
  put('H3', { t: 'n', v: 7707083893, z: '000000000000' });
  put('I3', { t: 'n', v: 45000, z: 'm/d/yy' });
  put('J3', { t: 'n', v: 45000.5, z: 'm/d/yy h:mm' });
  // Row 4 is left empty; row 5: a birthday typed as a bare number, a currency format.
  put('A5', { t: 's', v: 'Acme' });
  put('C5', { t: 'n', v: 29282 });
  put('D5', { t: 'n', v: 1234.5, z: '#,##0.00 "₽"' });
  sheet['!ref'] = 'A1:J5';
  return sheet;
}

function workbookBytes(sheets: [string, WorkSheet][], bookType: XLSX.BookType = 'xlsx', date1904 = false): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(workbook, sheet, name);
  if (date1904) workbook.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType }) as ArrayBuffer);
}

const second = (): WorkSheet => XLSX.utils.aoa_to_sheet([['company'], ['Other sheet Ltd']]);

describe('readXlsxTable: a workbook as Excel saves it', () => {
  const bytes = workbookBytes([['Empty', XLSX.utils.aoa_to_sheet([])], ['Clients', clientsSheet()], ['Second', second()]]);
  const table = readXlsxTable(bytes);

  it('reads the first sheet with data, the header from its first non-empty row, lines as sheet rows', () => {
    expect(table.fatal).toBeNull();
    expect(table.header).toEqual(HEADER);
    expect(table.rows.map((row) => row.line)).toEqual([3, 5]);
    expect(table.warnings).toEqual(['Only the first sheet with data, "Clients", was read; not: "Second"']);
  });

  it('writes dates as YYYY-MM-DD, numbers without float artefacts, percentages, booleans, codes with zeros', () => {
    expect(table.rows[0]?.cells).toEqual([
      'ООО «Ромашка»', 'Иванов Иван', '1980-05-15', '0.3', '5%', 'true', '79161234567', '007707083893', '2023-03-15', '2023-03-15 12:00',
    ]);
    expect(table.rows[0]?.numeric).toEqual([false, false, false, true, false, false, true, false, false, false]);
    expect(table.rows[1]?.cells.slice(0, 4)).toEqual(['Acme', '', '29282', '1234.5']);
    expect(table.rows[1]?.numeric?.[2]).toBe(true);
  });

  it('gives import rows with Excel dates, serials and numbers read right', () => {
    const result = readImportRows(table, autoMapColumns(table.header), { defaultRegion: 'RU' });
    expect(result.rejected).toEqual([]);
    const [romashka, acme] = result.rows;
    expect(romashka?.client).toMatchObject({ name: 'ООО «Ромашка»', receivables: 0.3, discountPct: 5, taxId: '007707083893', nextContactAt: '2023-03-15' });
    expect(romashka?.contact).toMatchObject({ birthday: '1980-05-15', decisionMaker: true, phones: [{ e164: '+79161234567' }] });
    expect(acme?.contact).toMatchObject({ birthday: '1980-03-02' });
    expect(acme?.client.receivables).toBe(1234.5);
  });

  it('reads a date cell of a 1904-based workbook (old Mac Excel) as the same day', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['company', 'birthday'], ['A']]);
    sheet.B2 = { t: 'n', v: 29356 - 1462, z: 'dd.mm.yyyy' };
    expect(readXlsxTable(workbookBytes([['S', sheet]], 'xlsx', true)).rows[0]?.cells).toEqual(['A', '1980-05-15']);
  });
});

describe('readXlsxTable: a sheet formatted down to its last row', () => {
  it('reads only the cells that are there, not the million rows the sheet declares', () => {
    // Written small, then the sheet's <dimension> patched: SheetJS would take long to write the big range.
    const zip = XLSX.CFB.read(workbookBytes([['Big', XLSX.utils.aoa_to_sheet([['company', 'email'], ['A', 'a@a.ru']])]]), { type: 'array' });
    const entry = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml');
    if (!entry?.content) throw new Error('no sheet1.xml in the workbook');
    const xml = new TextDecoder().decode(entry.content as Uint8Array).replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:Z1048576"');
    expect(xml).toContain('A1:Z1048576');
    entry.content = new TextEncoder().encode(xml);
    const bytes = new Uint8Array(XLSX.CFB.write(zip, { type: 'array', fileType: 'zip' }) as ArrayBuffer);
    expect(XLSX.read(bytes, { type: 'array' }).Sheets.Big?.['!ref']).toBe('A1:Z1048576');
    const table = readXlsxTable(bytes);
    expect(table).toMatchObject({ fatal: null, header: ['company', 'email'], rows: [{ line: 2, cells: ['A', 'a@a.ru'] }] });
  });
});

describe('readXlsxTable: other workbook formats SheetJS reads', () => {
  it.each(['ods', 'xls', 'biff8'] as const)('reads %s', (bookType) => {
    // SheetJS's ODS writer (not the reader under test) complains about "." in date formats.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table = readXlsxTable(workbookBytes([['Clients', clientsSheet()]], bookType));
    expect(table.fatal).toBeNull();
    expect(table.header).toEqual(HEADER);
    expect(table.rows[0]?.cells.slice(0, 4)).toEqual(['ООО «Ромашка»', 'Иванов Иван', '1980-05-15', '0.3']);
  });

  it('reads the HTML "Excel" file Bitrix24 exports', () => {
    const html = '<html><meta charset="utf-8"><body><table><tr><td>Имя</td><td>Фамилия</td></tr><tr><td>Иван</td><td>Иванов</td></tr></table></body></html>';
    const table = readXlsxTable(new TextEncoder().encode(html));
    expect(table).toMatchObject({ fatal: null, header: ['Имя', 'Фамилия'], rows: [{ line: 2, cells: ['Иван', 'Иванов'] }] });
  });
});

describe('readXlsxTable: broken files', () => {
  const good = workbookBytes([['Clients', clientsSheet()]]);

  it('is fatal for an empty file', () => {
    expect(readXlsxTable(new Uint8Array(0)).fatal).toBe('The file is empty');
  });

  it('is fatal for binary junk and for a CSV text, instead of reading them as one-column sheets', () => {
    const junk = Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256);
    expect(readXlsxTable(junk).fatal).toMatch(/not an Excel workbook/);
    expect(readXlsxTable(new TextEncoder().encode('company,email\nA,a@a.ru\n')).fatal).toMatch(/not an Excel workbook/);
  });

  it('is fatal for a truncated download', () => {
    expect(readXlsxTable(good.slice(0, Math.floor(good.length / 2))).fatal).toMatch(/damaged or not a spreadsheet/);
    expect(readXlsxTable(good.slice(0, 300)).fatal).toMatch(/damaged or not a spreadsheet/);
  });

  it('is fatal for a password-protected workbook, saying what to do', () => {
    // Excel stores an encrypted workbook as an OLE file with these two streams.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
    expect(readXlsxTable(bytes).fatal).toMatch(/password-protected: open it in Excel, remove the password/);
  });

  it('is fatal for a workbook with no data, and reads a header-only sheet as no rows', () => {
    expect(readXlsxTable(workbookBytes([['Empty', XLSX.utils.aoa_to_sheet([[], ['', ' ']])]])).fatal).toBe('The workbook has no sheet with data');
    expect(readXlsxTable(workbookBytes([['Header', XLSX.utils.aoa_to_sheet([['company', 'email']])]]))).toMatchObject({ header: ['company', 'email'], rows: [], fatal: null });
  });
});
