import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoMapColumns } from './column-mapping';
import { decodeTextFile } from './decode-text';
import type { ImportField, ImportRowsResult } from './import-row';
import { readImportRows } from './import-rows';
import { fatalTable, readCsvTable, type RawTable } from './table';

const OPTIONS = { defaultRegion: 'RU' };
const readFixture = (name: string): ImportRowsResult => {
  const table = readCsvTable(decodeTextFile(readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url))));
  return readImportRows(table, autoMapColumns(table.header), OPTIONS);
};
/** A table of one header and rows (lines 2, 3, …), mapped automatically unless a mapping is given. */
function read(header: string[], rows: string[][], mapping: (ImportField | null)[] = autoMapColumns(header)): ImportRowsResult {
  const table: RawTable = { header, rows: rows.map((cells, i) => ({ line: i + 2, cells })), warnings: [], fatal: null };
  return readImportRows(table, mapping, OPTIONS);
}
const one = (header: string[], cells: string[]) => read(header, [cells]);

describe('readImportRows: exports of other tools', () => {
  it('reads a Google Contacts CSV: " ::: " lists, system labels, a yearless birthday, a multi-line address', () => {
    const result = readFixture('google-contacts.csv');
    expect(result).toMatchObject({ fatal: null, rejected: [] });
    // ImportRow birthdays are YYYY-MM-DD (the protocol checks it): one without a year is left out, and said so.
    expect(result.warnings).toEqual(['1 birthday without a year left out (a birthday is kept with its year): line 5']);
    expect(result.rows.map((row) => row.line)).toEqual([2, 5, 6]);
    expect(result.rows[0]).toMatchObject({
      client: { name: 'ООО «Ромашка»', domains: ['romashka.ru'], tags: ['Клиенты', 'starred'], notes: 'Ключевой клиент' },
      contact: {
        name: 'Иванов Иван Петрович',
        position: 'Генеральный директор',
        emails: ['ivanov@romashka.ru', 'info@romashka.ru'],
        phones: [{ e164: '+74951234567', ext: '123' }, { e164: '+79161234567', ext: null }],
        birthday: '1980-05-15',
      },
    });
    expect(result.rows[1]).toMatchObject({ client: { name: '', tags: [] }, contact: { name: 'Maria Kuznetsova', birthday: null, emails: ['maria.kuz@gmail.com'] } });
  });

  it('reads an Outlook CSV: given name first, several e-mail columns joined, US dates, "0/0/00" as no date', () => {
    const result = readFixture('outlook.csv');
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => [row.contact?.name, row.contact?.birthday])).toEqual([
      ['John Smith', '1980-05-15'],
      ['Jane A. Doe', null],
      // Read month first: the same column has 5/15/1980, which only makes sense that way.
      ['Bob Stone', '1985-12-01'],
    ]);
    expect(result.rows[0]?.client).toMatchObject({ name: 'Globex Corporation', domains: ['globex.com'], tags: ['Clients', 'VIP'], phones: [{ e164: '+12125550100' }] });
    expect(result.rows[1]?.contact?.emails).toEqual(['jane@initech.com', 'jane.doe@gmail.com']);
    expect(result.rows[1]?.client.notes).toBe('Prefers e-mail.\nCall only on Fridays.');
  });

  it('reads a HubSpot export: lifecycle stages become statuses, "Other" says nothing', () => {
    const result = readFixture('hubspot.csv');
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => [row.client.name, row.client.status])).toEqual([
      ['Umbrella Inc', 'active'], ['Hooli', 'prospect'], ['Vandelay', null], ['Soylent', 'prospect'],
    ]);
  });

  it('reads a Bitrix24 export saved in Windows-1251, composing "Фамилия Имя Отчество"', () => {
    const result = readFixture('bitrix24-contacts-cp1251.csv');
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      client: { name: 'ООО «Ромашка»', source: 'Выставка', notes: 'Просил КП на весь ассортимент' },
      contact: { name: 'Иванов Иван Петрович', birthday: '1980-05-15', phones: [{ e164: '+74951234567' }, { e164: '+79161234567' }] },
    });
    expect(result.rows[1]).toMatchObject({ client: { name: 'ЗАО Ёлка' }, contact: { name: 'Ёлкина Ольга', emails: ['olga.elkina@yandex.ru'] } });
  });

  it('reads messy.csv: keeps duplicate rows but counts them, removes our export\'s apostrophes', () => {
    const result = readFixture('messy.csv');
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 4, 7, 9, 10]);
    expect(result.warnings).toEqual(['2 duplicate rows (the same as an earlier row; merged on import): lines 4, 9']);
    expect(result.rows[0]).toMatchObject({ client: { tags: ['опт', 'москва'], receivables: 1234.56 }, contact: { decisionMaker: true } });
    expect(result.rows[4]).toMatchObject({
      client: { name: 'ООО "Кавычки"', status: 'vip', receivables: -500, notes: '=HYPERLINK("http://evil.example")' },
      contact: { name: 'Ким Ли', decisionMaker: true, phones: [{ raw: '+7 (916) 111-22-33' }] },
    });
  });
});

describe('readImportRows: values', () => {
  it.each([
    ['Активный', 'active'], ['VIP-клиент', 'vip'], ['Ушёл', 'lost'], ['customer', 'active'], ['Subscriber', 'prospect'],
    ['Sales Qualified Lead', 'prospect'], ['evangelist', 'active'], ['Не обработан', 'prospect'], ['Сделка провалена', 'lost'],
    ['спящий', 'inactive'], ['другое', null],
  ])('reads status %s as %s', (word, status) => {
    expect(one(['company', 'status'], ['A', word]).rows[0]?.client.status).toBe(status);
  });

  it.each([['да', true], ['Yes', true], ['x', true], ['1', true], ['TRUE', true], ['нет', false], ['no', false], ['0', false], ['', null]])(
    'reads decision maker %j as %s', (cell, value) => {
      expect(one(['contact', 'decision_maker'], ['B', cell]).rows[0]?.contact?.decisionMaker).toBe(value);
    });

  it('reads the contract, rating and dates', () => {
    const header = ['company', 'deferral_days', 'discount_pct', 'credit_limit', 'overdue_amount', 'due_date', 'rating', 'holiday_date', 'next_contact'];
    expect(one(header, ['A', '30 дней', '7,5 %', '1 000 000', '0', '31.12.2024', '4', '--08-10', '2025-01-20T09:00']).rows[0]?.client).toMatchObject({
      deferralDays: 30, discountPct: 7.5, creditLimit: 1000000, overdueAmount: 0, dueDate: '2024-12-31', reliabilityRating: 4,
      holidayDate: '2000-08-10', nextContactAt: '2025-01-20',
    });
  });

  it('reads an Excel day number only from a cell that was a number in the sheet', () => {
    const table: RawTable = {
      header: ['contact', 'birthday'],
      rows: [{ line: 2, cells: ['A', '29282'], numeric: [false, true] }, { line: 3, cells: ['B', '29282'] }],
      warnings: [], fatal: null,
    };
    const result = readImportRows(table, ['contact', 'birthday'], OPTIONS);
    expect(result.rows.map((row) => row.contact?.birthday)).toEqual(['1980-03-02']);
    expect(result.rejected).toEqual([{ line: 3, reason: 'birthday: "29282" is not a date (use YYYY-MM-DD or DD.MM.YYYY)' }]);
  });

  it('composes the name from its parts when there is no full name, and prefers the full name', () => {
    const header = ['first_name', 'middle_name', 'last_name', 'contact'];
    expect(read(header, [['John', '', 'Smith', ''], ['Иван', 'Петрович', 'Иванов', ''], ['A', 'B', 'C', 'Full Name']]).rows.map((row) => row.contact?.name)).toEqual(
      ['John Smith', 'Иванов Иван Петрович', 'Full Name'],
    );
  });

  it('takes company-level e-mails and phones, domains from a website, and the legal name as the name when there is no other', () => {
    const header = ['legal_name', 'company_email', 'company_phone', 'Web Page', 'tags'];
    expect(one(header, ['ООО «Ромашка»', 'Info@Romashka.ru', '+7 495 123-45-67', 'https://www.romashka.ru/contacts', 'опт; VIP, опт']).rows[0]).toMatchObject({
      client: { name: 'ООО «Ромашка»', legalName: 'ООО «Ромашка»', emails: ['info@romashka.ru'], phones: [{ e164: '+74951234567' }], domains: ['romashka.ru'], tags: ['опт', 'VIP'] },
      contact: null,
    });
  });

  it('names every problem of a row, by the column header, in the order of the columns', () => {
    const header = ['Компания', 'Рейтинг', 'E-mail', 'Дата рождения', 'Скидка', 'ЛПР', 'Отсрочка'];
    expect(one(header, ['A', '7', 'x@', '32.01.1990', '120', 'может быть', 'месяц']).rejected).toEqual([{
      line: 2,
      reason: 'Рейтинг: "7" is not a whole number from 1 to 5; E-mail: "x@" is not a valid e-mail address; ' +
        'Дата рождения: "32.01.1990" is not a date (use YYYY-MM-DD or DD.MM.YYYY); Скидка: "120" is not a percentage from 0 to 100; ' +
        'ЛПР: "может быть" is not yes or no; Отсрочка: "месяц" is not a whole number',
    }]);
  });

  it('joins several columns of a list field, and uses the first non-empty one of a single field', () => {
    const result = read(['Phone 1 - Value', 'Phone 2 - Value', 'Organization 1 - Name', 'Organization 2 - Name'], [
      ['+7 916 123 45 67', '+7 916 123 45 67 ::: +7 495 123 45 67', '', 'Second Org'],
      ['', '', 'First', 'Second'],
    ]);
    expect(result.rows[0]).toMatchObject({ client: { name: 'Second Org' }, contact: { phones: [{ e164: '+79161234567' }, { e164: '+74951234567' }] } });
    expect(result.rows[1]?.client.name).toBe('First');
    expect(result.warnings).toEqual([
      'Columns "Organization 1 - Name", "Organization 2 - Name" all give company; in 1 row they differ and the first non-empty one was used',
    ]);
  });
});

describe('readImportRows: rows and files it cannot take', () => {
  it('passes the reader\'s row errors and fatal messages on', () => {
    const table: RawTable = { header: ['company'], rows: [{ line: 4, cells: ['A', 'x'], error: 'too many fields: expected 1, found 2' }], warnings: ['w'], fatal: null };
    expect(readImportRows(table, ['company'], OPTIONS)).toEqual({ rows: [], rejected: [{ line: 4, reason: 'too many fields: expected 1, found 2' }], warnings: ['w'], fatal: null });
    expect(readImportRows(fatalTable('The file is empty'), [], OPTIONS)).toEqual({ rows: [], rejected: [], warnings: [], fatal: 'The file is empty' });
  });

  it('is fatal when no column names a client, a person, an e-mail or a phone', () => {
    expect(read(['Name', 'Address'], [['Foo', 'Moscow']]).fatal).toBe('No column is mapped to company, contact name, e-mail or phone: map at least one of them');
    expect(read(['Name', 'Address'], [['Foo', 'Moscow']], ['contact', null]).rows[0]?.contact?.name).toBe('Foo');
  });

  it('rejects a row with a value longer than the base takes, naming the column, instead of failing the whole import', () => {
    const result = read(['company', 'notes', 'tags', 'Phone 1 - Value'], [
      ['A'.repeat(301), 'n'.repeat(20_001), `ok, ${'t'.repeat(101)}`, Array.from({ length: 51 }, (_, i) => `+7 916 123 45 ${String(i).padStart(2, '0')}`).join('; ')],
      ['B', 'fine', 'ok', '+7 916 123 45 67'],
    ]);
    expect(result.rows.map((row) => row.client.name)).toEqual(['B']);
    expect(result.rejected).toEqual([{
      line: 2,
      reason: 'company: longer than 300 characters (301); notes: longer than 20000 characters (20001); ' +
        `tags: the tag "${'t'.repeat(20)}…" is longer than 100 characters; Phone 1 - Value: 51 values, at most 50`,
    }]);
  });

  it('refuses amounts too long to be numbers and years before 1000', () => {
    expect(one(['company', 'receivables', 'due_date'], ['A', '9'.repeat(400), '15.05.0198']).rejected[0]?.reason).toBe(
      `receivables: "${'9'.repeat(400)}" is not a number; due_date: "15.05.0198" is not a date (use YYYY-MM-DD or DD.MM.YYYY)`,
    );
  });

  it('rejects a row with nothing to know the client by, and warns about a file with no rows', () => {
    expect(one(['company', 'contact', 'notes'], ['', '', 'just a note']).rejected).toEqual([{ line: 2, reason: 'no company, contact, email or phone' }]);
    expect(read(['company'], [['  ']]).warnings).toEqual(['The file has a header but no client rows']);
  });
});
