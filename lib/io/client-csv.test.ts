import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClientCsv } from './client-csv';
import { emptyImportClient, type ImportRowsResult } from './import-row';

const fixture = (name: string): string => readFileSync(new URL(`../../tests/fixtures/csv/${name}`, import.meta.url), 'utf8');
const parse = (text: string): ImportRowsResult => parseClientCsv(text, { defaultRegion: 'RU' });

/** One-row CSV with `;` as separator so that decimal commas need no quoting. */
function single(header: string, row: string): ImportRowsResult {
  return parse(`${header}\n${row}\n`);
}

describe('parseClientCsv: good.csv', () => {
  const result = parse(fixture('good.csv'));

  it('reads every row with no problems', () => {
    expect(result.fatal).toBeNull();
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 9]);
  });

  it('reads two contacts of one company, with several e-mails, phones and domains in a cell', () => {
    const [ivanov, petrova] = result.rows;
    expect(ivanov).toEqual({
      line: 2,
      client: {
        ...emptyImportClient(),
        name: 'ООО «Ромашка»',
        status: 'active',
        domains: ['romashka.ru', 'romashka-shop.ru'],
        priceType: 'Оптовая',
        paymentTerms: 'Отсрочка 30 дней',
        receivables: 1234.56,
        notes: 'Ключевой клиент',
      },
      contact: {
        name: 'Иванов Иван Петрович',
        position: 'Генеральный директор',
        emails: ['ivanov@romashka.ru', 'info@romashka.ru'],
        phones: [
          { raw: '8 (495) 123-45-67 доб. 123', e164: '+74951234567', ext: '123' },
          { raw: '+7 916 123 45 67', e164: '+79161234567', ext: null },
        ],
        birthday: '1980-05-15',
        decisionMaker: null,
      },
    });
    expect(petrova).toEqual({
      line: 3,
      client: { ...emptyImportClient(), name: 'ООО «Ромашка»', status: 'active' },
      contact: {
        name: 'Петрова Анна Сергеевна',
        position: 'Главный бухгалтер',
        emails: ['petrova@romashka.ru'],
        phones: [{ raw: '8-916-765-43-21', e164: '+79167654321', ext: null }],
        birthday: '1985-12-01',
        decisionMaker: null,
      },
    });
  });

  it('maps every status, Russian words included', () => {
    expect(result.rows.map((row) => row.client.status)).toEqual(['active', 'active', 'vip', 'prospect', 'lost', 'inactive', 'prospect']);
  });

  it('reads international numbers, dates, amounts and domains', () => {
    const acme = result.rows[2];
    expect(acme?.contact?.phones).toEqual([{ raw: '+49 30 1234567', e164: '+49301234567', ext: null }]);
    expect(acme?.contact?.birthday).toBe('1975-02-01');
    expect(acme?.client.receivables).toBe(1234.56);
    expect(acme?.client.domains).toEqual(['acme.de']);
    expect(acme?.client.notes).toBe('Met at the fair, wants the catalogue');
    const globex = result.rows[4];
    expect(globex?.contact?.phones).toEqual([{ raw: '+1 212 555 0123 ext. 45', e164: '+12125550123', ext: '45' }]);
    expect(globex?.client.receivables).toBe(-500);
  });

  it('gives a company-only row no contact, and a contact-only row an empty company', () => {
    expect(result.rows[3]).toMatchObject({ client: { name: 'ИП Сидоров', domains: ['sidorov-opt.ru'], receivables: 0 }, contact: null });
    expect(result.rows[6]).toMatchObject({
      line: 9,
      client: { name: '' },
      contact: { name: 'Кузнецова Мария', emails: ['maria.kuz@gmail.com'], phones: [] },
    });
  });

  it('keeps a multi-line notes cell and a leap-day birthday', () => {
    expect(result.rows[5]).toMatchObject({ line: 7, client: { notes: 'Просил перезвонить\nпосле отпуска' } });
    expect(result.rows[5]?.contact?.birthday).toBe('1984-02-29');
  });
});

describe('parseClientCsv: partial.csv', () => {
  const result = parse(fixture('partial.csv'));

  it('keeps the good rows with the lines they start on', () => {
    expect(result.fatal).toBeNull();
    expect(result.rows.map((row) => [row.line, row.client.name])).toEqual([
      [2, 'Good One'],
      [5, 'Multi'],
      [13, ''],
      [14, 'Short Row'],
      [15, 'Quoted "Name"'],
    ]);
    expect(result.rows[1]?.client.notes).toBe('line one\nline two\nline three');
    expect(result.rows[3]).toMatchObject({
      client: { status: null, receivables: null },
      contact: { name: 'Ivy', emails: [], phones: [], birthday: null },
    });
    expect(result.rows[4]).toMatchObject({ client: { receivables: 1234.56 }, contact: { birthday: '1990-07-04' } });
  });

  it('keeps a row whose only identity is a phone (a caller to recognize), as a nameless contact', () => {
    expect(result.rows[2]).toMatchObject({
      line: 13,
      client: { name: '', status: 'active', notes: 'only a phone' },
      contact: { name: '', phones: [{ e164: '+79161234567' }] },
    });
  });

  it('rejects each bad row at its line, naming the column and the value', () => {
    const byLine = new Map(result.rejected.map((row) => [row.line, row.reason]));
    expect([...byLine.keys()]).toEqual([3, 4, 8, 9, 11, 12]);
    expect(byLine.get(3)).toBe('email: "bob@@bad" is not a valid e-mail address');
    expect(byLine.get(4)).toMatch(/^phone: "12345" is not a valid phone number/);
    expect(byLine.get(8)).toBe('status: "maybe" is not one of prospect, active, vip, inactive, lost');
    expect(byLine.get(9)).toBe('receivables: "lots" is not a number');
    expect(byLine.get(11)).toMatch(/^birthday: "31.02.1980" is not a date/);
    expect(byLine.get(12)).toMatch(/^too many fields: expected 8, found 9/);
  });

  it('rejects a row with no company, contact, email or phone', () => {
    expect(single('company;contact;email;phone;status', ';;;;active').rejected).toEqual([{ line: 2, reason: 'no company, contact, email or phone' }]);
  });
});

describe('parseClientCsv: files it cannot read', () => {
  it('is fatal without a known header, listing the expected columns', () => {
    const result = parse(fixture('bad.csv'));
    expect(result.rows).toEqual([]);
    expect(result.fatal).toContain('company, contact, position, email, phone, status, domains');
  });

  it.each(['', '\uFEFF', ' \n\r\n  \n'])('is fatal for an empty file %j', (text) => {
    expect(parse(text)).toEqual({ rows: [], rejected: [], warnings: [], fatal: 'The file is empty' });
  });

  it('is fatal for a file with NUL bytes (binary, or UTF-16)', () => {
    const result = parse('c\0o\0m\0p\0a\0n\0y\0\n\0');
    expect(result.rows).toEqual([]);
    expect(result.fatal).toContain('NUL');
  });

  it('warns about a header without rows', () => {
    expect(parse('company,email\n\n')).toMatchObject({ rows: [], rejected: [], fatal: null, warnings: [expect.stringContaining('no client rows')] });
  });
});

describe('parseClientCsv: semicolon-bom.csv (Russian Excel)', () => {
  const result = parse(fixture('semicolon-bom.csv'));

  it('strips the BOM, detects ";" and CRLF, matches header names loosely and warns about unknown ones', () => {
    expect(result.fatal).toBeNull();
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual(['Unknown column "Manager" ignored']);
    expect(result.rows).toEqual([
      {
        line: 2,
        client: { ...emptyImportClient(), name: 'ООО Вектор', status: 'active', priceType: 'Мелкий опт', receivables: 1234.56, notes: 'Перезвонить в понедельник' },
        contact: {
          name: 'Смирнов Алексей',
          position: '',
          emails: ['smirnov@vektor.ru'],
          phones: [{ raw: '8 (812) 555-12-34', e164: '+78125551234', ext: null }],
          birthday: '1979-03-05',
          decisionMaker: null,
        },
      },
      expect.objectContaining({
        line: 3,
        client: expect.objectContaining({ name: 'ООО "Ромашка"', status: 'vip', receivables: -12000.5, notes: 'Цена; скидка 5%' }),
      }),
    ]);
  });
});

describe('parseClientCsv: values', () => {
  it.each([
    ['1234.56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234 567', 1234567],
    ['1,234,567', 1234567],
    ['$1,200.00', 1200],
    ['1 234,56 руб.', 1234.56],
    ['−250', -250],
    ['0,125', 0.125],
  ])('reads receivables %s as %s', (cell, amount) => {
    expect(single('company;receivables', `A;${cell}`).rows[0]?.client.receivables).toBe(amount);
  });

  it.each(['12abc', '1,2,3', '1,23,456', '12.', '--5', '€'])('rejects receivables %s', (cell) => {
    expect(single('company;receivables', `A;${cell}`).rejected[0]?.reason).toBe(`receivables: "${cell}" is not a number`);
  });

  it('reads ISO and Russian dates, leap days included', () => {
    expect(single('company;contact;birthday', 'A;B;2000-2-29').rows[0]?.contact?.birthday).toBe('2000-02-29');
    expect(single('company;contact;birthday', 'A;B;1.3.1990').rows[0]?.contact?.birthday).toBe('1990-03-01');
    expect(single('company;contact;birthday', 'A;B;31/12/1999').rows[0]?.contact?.birthday).toBe('1999-12-31');
  });

  it('refuses to guess a lone thousands-or-decimal separator', () => {
    expect(single('company;receivables', 'A;1,234').rejected[0]?.reason).toContain('"1,234" is ambiguous');
  });

  it.each(['29.02.1981', '31.04.1980', '1980-13-01', '00.01.1980', '15-05-1980', 'вчера'])('rejects birthday %s', (cell) => {
    expect(single('company;birthday', `A;${cell}`).rejected[0]?.reason).toMatch(new RegExp(`^birthday: "${cell}" is not a date`));
  });

  it('cleans domains and rejects a value that is not one', () => {
    const ok = single('company;domains', 'A;"HTTP://WWW.Acme.ru:8080/x, info@Beta.COM; www.acme.ru. пример.рф"');
    expect(ok.rows[0]?.client.domains).toEqual(['acme.ru', 'beta.com', 'пример.рф']);
    expect(single('company;domains', 'A;acme').rejected[0]?.reason).toBe('domains: "acme" is not a domain name');
  });

  it('lists every problem of a row in one reason', () => {
    const result = single('company;email;status', 'A;a@b;gold');
    expect(result.rejected).toEqual([
      { line: 2, reason: 'email: "a@b" is not a valid e-mail address; status: "gold" is not one of prospect, active, vip, inactive, lost' },
    ]);
  });

  it('accepts extra empty cells but rejects malformed quotes', () => {
    expect(single('company,email', 'A,a@a.ru,,').rows).toHaveLength(1);
    const result = parse('company,notes\nA,"never closed\nB,ok\n');
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([{ line: 2, reason: expect.stringContaining('malformed quotes') }]);
  });

  it('joins a duplicated list column (e-mail) instead of dropping the second', () => {
    const result = single('company;email;Email', 'A;a@a.ru;b@b.ru');
    expect(result.warnings).toEqual([]);
    expect(result.rows[0]?.contact?.emails).toEqual(['a@a.ru', 'b@b.ru']);
  });

  it('keeps the first of a duplicated single column and warns where the two differ', () => {
    const result = parse('company;Company;email\nA;B;a@a.ru\nC;C;c@c.ru\n;D;d@d.ru\n');
    expect(result.rows.map((row) => row.client.name)).toEqual(['A', 'C', 'D']);
    expect(result.warnings).toEqual(['Columns "company", "Company" all give company; in 1 row they differ and the first non-empty one was used']);
  });

  it('reads a tab-separated file', () => {
    expect(parse('company\temail\nA\ta@a.ru\n').rows[0]).toMatchObject({ client: { name: 'A' }, contact: { emails: ['a@a.ru'] } });
  });
});
