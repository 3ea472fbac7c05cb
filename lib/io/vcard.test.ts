import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoMapColumns } from './column-mapping';
import { decodeTextFile } from './decode-text';
import { readImportRows } from './import-rows';
import type { RawTable } from './table';
import { VCARD_COLUMNS, readVcardTable } from './vcard';

const fixture = (name: string): RawTable => readVcardTable(decodeTextFile(readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url))));

/** The non-empty cells of each row by column name, with the row's line and error. */
function cards(table: RawTable): Record<string, string | number>[] {
  return table.rows.map((row) => ({
    line: row.line,
    ...(row.error ? { error: row.error } : {}),
    ...Object.fromEntries(table.header.map((name, i) => [name, row.cells[i] ?? '']).filter(([, value]) => value !== '')),
  }));
}

function cp1251(text: string): Uint8Array {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...text].map((char) => table.indexOf(char)));
}

describe('readVcardTable: Outlook vCard 2.1', () => {
  const table = fixture('outlook-2.1.vcf');

  it('names the columns with our import fields, so every one maps by itself', () => {
    expect(table.header).toEqual([...VCARD_COLUMNS]);
    expect(autoMapColumns(table.header)).toEqual([
      'contact', 'first_name', 'middle_name', 'last_name', 'company', null, 'position', 'email', 'phone', 'birthday', 'domains', null, 'tags', 'notes',
    ]);
  });

  it('decodes QUOTED-PRINTABLE in the CHARSET given (Windows-1251 and UTF-8), across soft line breaks', () => {
    expect(cards(table)[0]).toEqual({
      line: 1,
      contact: 'Иванов Иван Петрович',
      first_name: 'Иван',
      middle_name: 'Петрович',
      last_name: 'Иванов',
      company: 'ООО «Ромашка»',
      department: 'Отдел закупок',
      position: 'Генеральный директор',
      email: 'ivanov@romashka.ru; info@romashka.ru',
      // The WORK;FAX number is left out, as Outlook's CSV "Business Fax" column is.
      phone: '+7 (495) 123-45-67; +7 916 123 45 67',
      birthday: '1980-05-15',
      website: 'http://www.romashka.ru/',
      notes: 'Ключевой клиент. Звонить после обеда, до 18:00.\nВторая строка',
    });
  });

  it('skips a BASE64 photo and its continuation lines, and gives a company card no contact', () => {
    expect(cards(table).slice(1)).toEqual([
      { line: 25, contact: 'John Smith', first_name: 'John', last_name: 'Smith', company: 'Globex Corporation', email: 'john.smith@globex.com', phone: '+1 212 555 0123' },
      { line: 33, company: 'ИП Сидоров', phone: '8 (812) 555-12-34' },
    ]);
  });

  it('reads a 2.1 file saved in Windows-1251 without QUOTED-PRINTABLE', () => {
    const text = decodeTextFile(cp1251('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1251:Ёлкина;Ольга\r\nFN;CHARSET=Windows-1251:Ольга Ёлкина\r\nEND:VCARD\r\n'));
    expect(cards(readVcardTable(text))).toEqual([{ line: 1, contact: 'Ольга Ёлкина', first_name: 'Ольга', last_name: 'Ёлкина' }]);
  });
});

describe('readVcardTable: Google Contacts vCard 3.0', () => {
  const table = fixture('google-3.0.vcf');

  it('unfolds lines, reads item1.EMAIL and TYPE= parameters, unescapes \\, \\; \\n and \\:', () => {
    expect(cards(table)[0]).toEqual({
      line: 1,
      contact: 'Анна Сергеевна Петрова',
      first_name: 'Анна',
      middle_name: 'Сергеевна',
      last_name: 'Петрова',
      company: 'ООО «Ромашка»',
      department: 'Бухгалтерия',
      position: 'Главный бухгалтер',
      email: 'petrova@romashka.ru; anna.petrova@gmail.com',
      phone: '8-916-765-43-21; +7 495 123-45-67 доб. 205',
      birthday: '1985-12-01',
      website: 'https://romashka.ru',
      address: 'ул. Ленина, д. 1, Москва, 101000, Россия',
      tags: 'myContacts; Клиенты; Опт',
      notes: 'Отвечает за сверки; просит акты до 5 числа.\nОчень длинная заметка, которая не влезает в одну строку и поэтому перенесена.',
    });
  });

  it('keeps a birthday without a year as --MM-DD', () => {
    expect(cards(table)[1]).toMatchObject({ line: 21, contact: 'Maria Kuznetsova', birthday: '--05-15' });
  });

  it('gives import rows the importer can take as they are', () => {
    const result = readImportRows(table, autoMapColumns(table.header), { defaultRegion: 'RU' });
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      line: 1,
      client: { name: 'ООО «Ромашка»', domains: ['romashka.ru'], tags: ['Клиенты', 'Опт'] },
      contact: {
        name: 'Анна Сергеевна Петрова',
        emails: ['petrova@romashka.ru', 'anna.petrova@gmail.com'],
        phones: [{ e164: '+79167654321', ext: null }, { e164: '+74951234567', ext: '205' }],
        birthday: '1985-12-01',
      },
    });
    expect(result.rows[1]).toMatchObject({ client: { name: '', tags: [] }, contact: { name: 'Maria Kuznetsova', birthday: null } });
    expect(result.warnings).toEqual(['1 birthday without a year left out (a birthday is kept with its year): line 21']);
  });
});

describe('readVcardTable: vCard 4.0 (Apple, Android)', () => {
  it('reads tel: URIs, quoted TYPE lists, compact dates, ORG units, company cards and Apple yearless birthdays', () => {
    expect(cards(fixture('apple-4.0.vcf'))).toEqual([
      {
        line: 1, contact: 'Hans Müller', first_name: 'Hans', last_name: 'Müller', company: 'Acme GmbH', department: 'Einkauf, Berlin',
        position: 'Head of Purchasing', email: 'hans.mueller@acme.de', phone: '+49-30-1234567; +49-171-1234567', birthday: '1975-02-01',
        website: 'https://www.acme.de',
      },
      { line: 13, company: 'Acme GmbH', email: 'info@acme.de', phone: '+49 30 1234500' },
      { line: 21, contact: 'Jane Doe', first_name: 'Jane', last_name: 'Doe', email: 'jane@doe.example', birthday: '--03-08' },
    ]);
  });

  it('reads a quoted parameter holding a colon, and ignores lines outside any card', () => {
    const text = 'junk before\nBEGIN:VCARD\nVERSION:4.0\nFN:X Y\nEMAIL;LABEL="at: work";TYPE=work:x@y.example\nEND:VCARD\nmore junk\n';
    expect(cards(readVcardTable(text))).toEqual([{ line: 2, contact: 'X Y', email: 'x@y.example' }]);
  });
});

describe('readVcardTable: broken files', () => {
  it('rejects a card without END:VCARD at its line, and keeps the good ones', () => {
    const table = fixture('truncated.vcf');
    expect(table.fatal).toBeNull();
    expect(cards(table)).toEqual([
      { line: 1, contact: 'Good Person', email: 'good@example.com' },
      { line: 6, error: 'the card has no END:VCARD before the next card at line 10', contact: 'No End', email: 'noend@exam' },
      { line: 10, error: 'the card has no END:VCARD (is the file cut short?)', contact: 'Cut Short', email: 'cut@exam' },
    ]);
    const result = readImportRows(table, autoMapColumns(table.header), { defaultRegion: 'RU' });
    expect(result.rows.map((row) => row.line)).toEqual([1]);
    expect(result.rejected).toEqual([
      { line: 6, reason: 'the card has no END:VCARD before the next card at line 10' },
      { line: 10, reason: 'the card has no END:VCARD (is the file cut short?)' },
    ]);
  });

  it.each([
    ['', 'The file is empty'],
    ['\uFEFF \r\n', 'The file is empty'],
    ['company,email\nA,a@a.ru\n', 'The file is not a vCard file: it has no BEGIN:VCARD line'],
    ['BEGIN:VCARD\0\0\0', 'The file is not a text vCard file (it contains NUL bytes)'],
  ])('is fatal for %j', (text, fatal) => {
    expect(readVcardTable(text)).toEqual({ header: [], rows: [], warnings: [], fatal });
  });
});
