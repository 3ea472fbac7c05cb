import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { bytesOf, cp1251 } from '../../tests/encode-8bit';
import { IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS } from './import-limits';
import { readImportFile } from './read-import-file';

// Issue 12: wide files are refused with a clear message before heavy work (12.12), and a UTF-8 file
// with a bad byte is read as UTF-8, saying so (12.13).

const encode = (text: string) => new TextEncoder().encode(text);

/** A CSV with `columns` named columns and two rows of values. */
function wideCsv(columns: number): Uint8Array {
  const names = ['company', 'email', ...Array.from({ length: columns - 2 }, (_, i) => `extra ${i + 3}`)];
  const row = (n: number) => [`Firm ${n}`, `p${n}@firm${n}.example`, ...Array.from({ length: columns - 2 }, (_, i) => String(i))];
  return encode([names, row(1), row(2)].map((cells) => cells.join(',')).join('\n'));
}

function workbook(rows: unknown[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Clients');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('readImportFile: caps (issue 12.12)', () => {
  it.each([20_000, 100_000])('refuses a CSV with %i columns, saying how many it has and how many are read', (columns) => {
    const read = readImportFile('wide.csv', wideCsv(columns));
    expect(read.table).toMatchObject({ header: [], rows: [], fatal: `This file has ${columns.toLocaleString('en-US')} columns; ClientDesk reads at most 1,000. Remove empty columns or save only the sheet with clients` });
  });

  it('reads a CSV of exactly the most columns', () => {
    const read = readImportFile('wide.csv', wideCsv(IMPORT_MAX_COLUMNS));
    expect(read.table.fatal).toBeNull();
    expect(read.table.header).toHaveLength(IMPORT_MAX_COLUMNS);
    expect(read.table.rows).toHaveLength(2);
  });

  it('leaves out the empty columns Excel writes for a sheet formatted far to the right, and 1C\'s spacer columns', () => {
    // Header and rows padded with 16,000 separators; column 3 is a spacer with neither header nor value.
    const pad = ','.repeat(16_000);
    const csv = `company,email,,phone${pad}\nRomashka,info@romashka.ru,,+7 495 123-45-67${pad}\n,,,${pad}\nLesnoe,,,,,,value in column 7${pad}\n`;
    const read = readImportFile('padded.csv', encode(csv));
    expect(read.table.fatal).toBeNull();
    expect(read.table.header).toEqual(['company', 'email', 'phone', '']);
    expect(read.sourceColumns).toEqual([0, 1, 3, 6]);
    expect(read.fileColumns).toBe(16_004);
    expect(read.table.rows.map((row) => row.cells)).toEqual([
      ['Romashka', 'info@romashka.ru', '+7 495 123-45-67', ''],
      ['Lesnoe', '', '', 'value in column 7'],
    ]);
  });

  it('refuses a CSV whose values (not its header) spread over more columns than the most', () => {
    const csv = `company,email\n${Array.from({ length: 1_500 }, (_, i) => 'x,'.repeat(i) + 'v').join('\n')}`;
    // Rows wider than the header are rejected rows, and count for nothing…
    expect(readImportFile('ragged.csv', encode(csv)).table.fatal).toBeNull();
    // …but a header of empty names over values that fill them does.
    const padded = `company,email${','.repeat(1_499)}\n${'v,'.repeat(1_500)}v`;
    expect(readImportFile('padded.csv', encode(padded)).table.fatal).toMatch(/^This file has 1,501 columns; ClientDesk reads at most 1,000/);
  });

  it('refuses a workbook with values in more columns than the most, and leaves out its empty columns', () => {
    const header = Array.from({ length: IMPORT_MAX_COLUMNS + 1 }, (_, i) => `c${i}`);
    expect(readImportFile('wide.xlsx', workbook([header, header])).table.fatal).toMatch(/^This file has 1,001 columns; ClientDesk reads at most 1,000/);
    const sparse = workbook([['company', null, null, 'email'], ['Romashka', null, null, 'info@romashka.ru']]);
    const read = readImportFile('sparse.xlsx', sparse);
    expect(read).toMatchObject({ kind: 'xlsx', encoding: null, sourceColumns: [0, 3], fileColumns: 4 });
    expect(read.table.rows[0]).toMatchObject({ cells: ['Romashka', 'info@romashka.ru'], numeric: [false, false] });
  });

  it('refuses a file over the size cap without reading it', () => {
    const read = readImportFile('huge.csv', new Uint8Array(IMPORT_MAX_BYTES + 1));
    expect(read.table.fatal).toBe('The file is 101 MB; ClientDesk reads files up to 100 MB. Save only the sheet or columns with clients, or split the file');
  });
});

describe('readImportFile: encodings (issue 12.13)', () => {
  const rows = ['company;contact;email', 'ООО «Ромашка»;Иванов Иван;ivanov@romashka.ru', 'АО «Северсталь»;Ёлкина Ольга;olga@severstal.ru', 'ИП Сидоров;Сидоров Пётр;petr@sidorov.ru'];

  it('reads a UTF-8 CSV with one bad byte as UTF-8, with a warning naming the line', () => {
    const bytes = bytesOf(`${rows[0]}\n${rows[1]}\n${rows[2]}\nИП Сидоров;Сидоров П`, [0xb8], `тр;petr@sidorov.ru\n`);
    const read = readImportFile('clients.csv', bytes);
    expect(read.encoding).toBe('utf-8');
    expect(read.table.rows.map((row) => row.cells[1])).toEqual(['Иванов Иван', 'Ёлкина Ольга', 'Сидоров П\uFFFDтр']);
    expect(read.table.warnings).toEqual(['This file is UTF-8 with 1 damaged character (line 4), shown as �. If names look wrong, choose another encoding.']);
  });

  it('says which encoding a text file was read in, and reads it in the one asked for', () => {
    const bytes = cp1251(rows.join('\r\n'));
    expect(readImportFile('clients.csv', bytes)).toMatchObject({ kind: 'csv', encoding: 'windows-1251', table: { warnings: [] } });
    expect(readImportFile('clients.csv', bytes).table.rows[0]?.cells[0]).toBe('ООО «Ромашка»');
    const asUtf8 = readImportFile('clients.csv', bytes, { encoding: 'utf-8' });
    expect(asUtf8.encoding).toBe('utf-8');
    expect(asUtf8.table.rows[0]?.cells[0]).toMatch(/^\uFFFD+ /);
    expect(asUtf8.table.warnings[0]).toMatch(/^This file is UTF-8 with \d+ damaged characters \(lines 2, 3, 4\)/);
  });

  it('warns about the characters an earlier wrong conversion left in a valid UTF-8 file', () => {
    const read = readImportFile('clients.csv', encode('company\nРомашка\n\uFFFD\uFFFD\n'));
    expect(read.encoding).toBe('utf-8');
    expect(read.table.warnings).toEqual([expect.stringMatching(/^This file is UTF-8 with 2 damaged characters \(line 3\)/)]);
  });
});
