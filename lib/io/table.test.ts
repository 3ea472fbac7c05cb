import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './decode-text';
import { readCsvTable } from './table';

const fixture = (name: string): string => decodeTextFile(readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url)));

describe('readCsvTable: messy.csv (BOM, ";", CRLF, quoted newlines, blank rows)', () => {
  const table = readCsvTable(fixture('messy.csv'));

  it('strips the BOM from the first header and finds the ";" separator', () => {
    expect(table.fatal).toBeNull();
    expect(table.header[0]).toBe('Компания');
    expect(table.header).toHaveLength(11);
  });

  it('numbers each row by the line it starts on, across quoted newlines, and leaves blank rows out', () => {
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 7, 9, 10]);
    expect(table.rows[0]?.cells[10]).toBe('Перезвонить\nв понедельник');
    expect(table.rows[4]?.cells[0]).toBe('ООО "Кавычки"');
    expect(table.rows.every((row) => row.error === undefined)).toBe(true);
  });
});

describe('readCsvTable: separators and row errors', () => {
  it.each([
    ['a,b\n1,2\n', ','],
    ['a;b\n1,5;2\n', ';'],
    ['a\tb\n1;x\t2\n', '\t'],
  ])('guesses the separator of %j', (text, _separator) => {
    expect(readCsvTable(text).rows[0]?.cells).toHaveLength(2);
  });

  it('marks a row with extra values, and one with a quote never closed, with the reason', () => {
    const table = readCsvTable('a,b\n1,2,3\n4,5,,\n6,"open\n7,8\n');
    expect(table.rows[0]).toEqual({ line: 2, cells: ['1', '2', '3'], error: expect.stringMatching(/^too many fields: expected 2, found 3/) });
    // Trailing empty cells are not kept (Excel pads every row to the widest column ever formatted).
    expect(table.rows[1]).toEqual({ line: 3, cells: ['4', '5'] });
    expect(table.rows[2]).toMatchObject({ line: 4, error: expect.stringContaining('malformed quotes') });
  });
});

describe('readCsvTable: broken files', () => {
  it.each(['', '\uFEFF', '\n\n  \r\n', ',,,\n,,\n'])('is fatal for an empty file %j', (text) => {
    expect(readCsvTable(text)).toEqual({ header: [], rows: [], warnings: [], fatal: 'The file is empty' });
  });

  it('is fatal for binary junk', () => {
    const junk = String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256));
    expect(readCsvTable(junk).fatal).toContain('NUL');
  });

  it('reads a header with no rows as a table with no rows', () => {
    expect(readCsvTable('company;email\r\n')).toEqual({ header: ['company', 'email'], rows: [], warnings: [], fatal: null });
  });
});
