import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Client, Contact, PhoneNumber } from '../domain/types';
import { autoMapColumns } from './column-mapping';
import { decodeTextFile } from './decode-text';
import { EXPORT_COLUMNS, clientsToTable, tableToCsv, tableToXlsx } from './export-table';
import type { ImportClientFields, ImportContactFields, ImportRowsResult } from './import-row';
import { readImportRows } from './import-rows';
import { readCsvTable, type RawTable } from './table';
import { readXlsxTable } from './xlsx-table';

const phone = (raw: string, e164: string, ext: string | null = null): PhoneNumber => ({ raw, e164, ext });
const record = { ownerId: 'me', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', deletedAt: null };

function client(id: string, fields: Partial<Client>): Client {
  return {
    ...record, id, name: '', legalName: '', taxId: '', status: 'prospect', domains: [], emails: [], phones: [], phoneE164s: [], industry: '',
    source: '', priceType: '', contract: { paymentTerms: '', deferralDays: null, discountPct: null, creditLimit: null },
    receivables: { amount: null, overdueAmount: null, dueDate: null }, reliabilityRating: null, reliabilityNote: '', needs: '', tags: [],
    notes: '', holidayDate: null, lastContactAt: null, nextContactAt: null, ...fields,
  };
}

function contact(id: string, clientId: string, fields: Partial<Contact>): Contact {
  return { ...record, id, clientId, name: '', position: '', emails: [], phones: [], phoneE164s: [], birthday: null, decisionMaker: false, ...fields };
}

const ROMASHKA = client('c1', {
  name: 'ООО «Ромашка»', legalName: 'ООО "Ромашка"', taxId: '007707083893', status: 'vip', domains: ['romashka.ru', 'пример.рф'],
  emails: ['info@romashka.ru'], phones: [phone('8 (495) 123-45-67 доб. 100', '+74951234567', '100')], industry: 'Опт', source: 'Выставка',
  priceType: 'Оптовая', contract: { paymentTerms: 'Отсрочка; 30 дней', deferralDays: 30, discountPct: 7.5, creditLimit: 1000000 },
  receivables: { amount: -500, overdueAmount: 1.234, dueDate: '2024-12-31' }, reliabilityRating: 4, reliabilityNote: 'Платит вовремя',
  needs: 'Каталог "Весна"', tags: ['опт', 'VIP'], notes: 'Первая строка\nвторая, с запятой; и "кавычками"', holidayDate: '2000-08-10',
  nextContactAt: '2025-01-20',
});
const FORMULAS = client('c2', { name: '=HYPERLINK("http://evil.example","click")', notes: '@SUM(A1:A9)', status: 'active', phones: [phone('+1 212 555 0100', '+12125550100')] });
const LONELY = client('c3', { name: 'Без контактов', status: 'inactive' });
const CONTACTS = [
  contact('p1', 'c1', { name: 'Иванов Иван Петрович', position: 'Директор', emails: ['ivanov@romashka.ru', 'i@romashka.ru'],
    phones: [phone('+7 916 123 45 67', '+79161234567'), phone('8 (495) 123-45-67 доб. 123', '+74951234567', '123')], birthday: '1980-05-15', decisionMaker: true }),
  contact('p2', 'c1', { name: '-Петрова-', birthday: '1984-02-29', emails: ['petrova@romashka.ru'] }),
  contact('p3', 'c2', { name: '+Plus Person', emails: ['plus@globex.com'] }),
  contact('gone', 'c1', { name: 'Удалённый', deletedAt: '2024-02-01T00:00:00.000Z' }),
];
const DELETED = client('c4', { name: 'Deleted Ltd', deletedAt: '2024-02-01T00:00:00.000Z' });

function expectedClient(c: Client): ImportClientFields {
  return {
    name: c.name, legalName: c.legalName, taxId: c.taxId, status: c.status, domains: c.domains, emails: c.emails, phones: numbers(c.phones), industry: c.industry,
    source: c.source, priceType: c.priceType, paymentTerms: c.contract.paymentTerms, deferralDays: c.contract.deferralDays,
    discountPct: c.contract.discountPct, creditLimit: c.contract.creditLimit, receivables: c.receivables.amount,
    overdueAmount: c.receivables.overdueAmount, dueDate: c.receivables.dueDate, reliabilityRating: c.reliabilityRating,
    reliabilityNote: c.reliabilityNote, needs: c.needs, tags: c.tags, notes: c.notes, holidayDate: c.holidayDate, nextContactAt: c.nextContactAt,
  };
}

function expectedContact(p: Contact): ImportContactFields {
  return { name: p.name, position: p.position, emails: p.emails, phones: numbers(p.phones), birthday: p.birthday, decisionMaker: p.decisionMaker };
}

/**
 * Re-imported in another region than the one the numbers were typed in: a number stored without
 * its country must still come back as the same number. Its text may change ("8 (495)…" is
 * exported as "+7 495…"), so phones compare by number and extension.
 */
const reimport = (table: RawTable): ImportRowsResult => {
  const result = readImportRows(table, autoMapColumns(table.header), { defaultRegion: 'DE' });
  return { ...result, rows: result.rows.map((row) => ({ ...row, client: { ...row.client, phones: numbers(row.client.phones) }, contact: row.contact && { ...row.contact, phones: numbers(row.contact.phones) } })) };
};
const numbers = (phones: readonly PhoneNumber[]) => phones.map((p) => ({ raw: '', e164: p.e164, ext: p.ext }));
const table = clientsToTable([ROMASHKA, FORMULAS, LONELY, DELETED], CONTACTS);

describe('clientsToTable', () => {
  it('writes our own field names, one row per contact, one for a client without contacts, no deleted records', () => {
    expect(table[0]).toEqual([...EXPORT_COLUMNS]);
    expect(autoMapColumns(table[0] ?? [])).toEqual([...EXPORT_COLUMNS]);
    const column = (name: string): number => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    expect(table.slice(1).map((row) => [row[column('company')], row[column('contact')]])).toEqual([
      ['ООО «Ромашка»', 'Иванов Иван Петрович'],
      ['ООО «Ромашка»', '-Петрова-'],
      ['=HYPERLINK("http://evil.example","click")', '+Plus Person'],
      ['Без контактов', ''],
    ]);
    // A number written without its country is exported in international form: another base may read "8 …" in another region.
    expect(table[1]?.[column('phone')]).toBe('+7 916 123 45 67; +7 495 123 45 67 ext. 123');
    expect(table[1]?.[column('receivables')]).toBe('-500');
    expect(table[1]?.[column('overdue_amount')]).toBe('1.2340');
    // The table holds the values; the writers make them safe (below).
    expect(table[3]?.[column('notes')]).toBe('@SUM(A1:A9)');
  });

  it('writes an extension stored apart from the number after it', () => {
    const rows = clientsToTable([client('x', { name: 'X', phones: [phone('+7 495 123-45-67', '+74951234567', '55')] })], []);
    expect(rows[1]?.[EXPORT_COLUMNS.indexOf('company_phone')]).toBe('+7 495 123-45-67 ext. 55');
  });
});

describe('export → import round trip', () => {
  const expected = [
    { client: expectedClient(ROMASHKA), contact: expectedContact(CONTACTS[0] as Contact) },
    { client: expectedClient(ROMASHKA), contact: expectedContact(CONTACTS[1] as Contact) },
    { client: expectedClient(FORMULAS), contact: expectedContact(CONTACTS[2] as Contact) },
    { client: expectedClient(LONELY), contact: null },
  ];

  it('gives back the same values through CSV (UTF-8 BOM, CRLF)', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFFcompany,legal_name,')).toBe(true);
    // One CRLF per row; the newline inside a notes cell is quoted and stays "\n".
    expect(csv.split('\r\n')).toHaveLength(table.length + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
    const result = reimport(readCsvTable(decodeTextFile(new TextEncoder().encode(csv))));
    expect(result).toMatchObject({ fatal: null, rejected: [], warnings: [] });
    expect(result.rows.map(({ client, contact }) => ({ client, contact }))).toEqual(expected);
  });

  it('gives back the same values through a ";" CSV, as Russian Excel wants it', () => {
    const csv = tableToCsv(table, { delimiter: ';' });
    expect(csv.startsWith('\uFEFFcompany;legal_name;')).toBe(true);
    expect(reimport(readCsvTable(csv)).rows.map(({ client, contact }) => ({ client, contact }))).toEqual(expected);
  });

  it('gives back the same values through XLSX, where every cell is text and no formula', () => {
    const bytes = tableToXlsx(table);
    const sheet = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets.Clients;
    // A string cell, as the user wrote it: no apostrophe, and never a formula.
    expect(sheet?.A4).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil.example","click")' });
    expect(sheet?.A4?.f).toBeUndefined();
    const result = reimport(readXlsxTable(bytes));
    expect(result).toMatchObject({ fatal: null, rejected: [], warnings: [] });
    expect(result.rows.map(({ client, contact }) => ({ client, contact }))).toEqual(expected);
  });

  it('cuts a cell longer than Excel allows instead of writing a file Excel refuses', () => {
    const long = clientsToTable([client('l', { name: 'Long', notes: 'x'.repeat(40_000) })], []);
    const notes = readXlsxTable(tableToXlsx(long)).rows[0]?.cells[EXPORT_COLUMNS.indexOf('notes')];
    expect(notes).toHaveLength(32_767);
    expect(notes?.endsWith('x…')).toBe(true);
  });
});

describe('the writers neutralize formulas in every table they write (issue 12.14a)', () => {
  // Any table: the monthly report's, a client list, whatever a caller passes, without its help.
  const hostile = [
    ['Client', 'Amount', 'Note'],
    ['=1+1', '-500', ' =1+1'],
    ['+7 916 123-45-67', '-12.5', '\n=cmd|"/c calc"!A1'],
    ['@SUM(A1:A9)', '-5-3', '\t=1'],
    ['Rosstal', '1200', 'a=1'],
  ];

  it('CSV: an apostrophe before every formula-like cell, leading spaces and line breaks too; numbers stay numbers', () => {
    const cells = readCsvTable(tableToCsv(hostile, { delimiter: ';' }));
    expect([cells.header, ...cells.rows.map((r) => r.cells)]).toEqual([
      ['Client', 'Amount', 'Note'],
      ["'=1+1", '-500', "' =1+1"],
      ["'+7 916 123-45-67", '-12.5', `'\n=cmd|"/c calc"!A1`],
      ["'@SUM(A1:A9)", "'-5-3", "'\t=1"],
      ['Rosstal', '1200', 'a=1'],
    ]);
  });

  it('XLSX: text cells are string cells without an apostrophe, no cell is a formula, numbers are number cells', () => {
    const bytes = tableToXlsx(hostile, { numbers: true });
    const sheet = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets.Clients!;
    const cells = Object.entries(sheet).filter(([address]) => !address.startsWith('!'));
    expect(cells.filter(([, cell]) => (cell as XLSX.CellObject).f !== undefined)).toEqual([]);
    expect(sheet.A2).toMatchObject({ t: 's', v: '=1+1' });
    expect(sheet.C2).toMatchObject({ t: 's', v: ' =1+1' });
    expect(sheet.C3).toMatchObject({ t: 's', v: '\n=cmd|"/c calc"!A1' });
    expect(sheet.A4).toMatchObject({ t: 's', v: '@SUM(A1:A9)' });
    expect(sheet.B2).toMatchObject({ t: 'n', v: -500 });
    expect(sheet.B3).toMatchObject({ t: 'n', v: -12.5 });
    expect(sheet.B4).toMatchObject({ t: 's', v: '-5-3' });
    // The file itself: no <f> element, and every text cell a shared string (t="s"), never t="str"
    // (a formula's text result).
    const file = XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'array' }), '/xl/worksheets/sheet1.xml');
    const xml = new TextDecoder().decode(file?.content as Uint8Array);
    expect(xml).toContain('<sheetData>');
    expect(xml).not.toMatch(/<f[\s>/]/);
    expect([...xml.matchAll(/<c [^>]*>/g)].map(([c]) => /t="(\w+)"/.exec(c)?.[1] ?? 'n').sort()).toEqual([...Array(12).fill('s'), 'n', 'n', 'n'].sort());
  });
});
