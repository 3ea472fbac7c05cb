import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesOf, cp1251, encode8bit } from '../../tests/encode-8bit';
import { decodeText, decodeTextFile } from './decode-text';

const RUSSIAN = 'Компания;Контакт\r\nООО «Ромашка»;Иванов Иван Петрович, ёлка';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), endian === 'le');
  return bytes;
}

describe('decodeTextFile', () => {
  it('reads UTF-8 and strips its BOM', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${RUSSIAN}`);
    expect(bytes[0]).toBe(0xef);
    expect(decodeTextFile(bytes)).toBe(RUSSIAN);
    expect(decodeTextFile(new TextEncoder().encode(RUSSIAN))).toBe(RUSSIAN);
  });

  it('reads Windows-1251 (Russian Excel "CSV", 1C) when the bytes are not UTF-8', () => {
    const bytes = cp1251(RUSSIAN);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeTextFile(bytes)).toBe(RUSSIAN);
  });

  it('reads the Windows-1251 Bitrix24 fixture', () => {
    const text = decodeTextFile(readFileSync(new URL('../../tests/fixtures/import/bitrix24-contacts-cp1251.csv', import.meta.url)));
    expect(text.split('\r\n')[0]).toMatch(/^ID;Обращение;Имя;Отчество;Фамилия;Дата рождения/);
    expect(text).toContain('ООО «Ромашка»');
    expect(text).not.toContain('\uFFFD');
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a BOM (Excel "Unicode text")', (endian) => {
    const tsv = 'company\tcontact\r\nООО «Ромашка»\tИванов';
    expect(decodeTextFile(utf16(tsv, endian))).toBe(tsv);
  });

  it('takes an ArrayBuffer, and an empty file is an empty string', () => {
    const bytes = new TextEncoder().encode('a,b');
    expect(decodeTextFile(bytes.buffer.slice(0))).toBe('a,b');
    expect(decodeTextFile(new Uint8Array(0))).toBe('');
  });
});

describe('decodeText: which encoding, and how much of the file is damaged (issue 12.13)', () => {
  const CLIENTS = ['Компания;Контакт;E-mail', 'ООО «Ромашка»;Иванов Иван Петрович;ivanov@romashka.ru', 'АО «Северсталь»;Ёлкина Ольга;olga@severstal.ru', 'ИП Сидоров;Сидоров Пётр;petr@sidorov.ru'];

  it('reads a UTF-8 file with one bad byte as UTF-8, every other Cyrillic name intact, and says where the damage is', () => {
    // Line 3's "Ёлкина" lost its first byte (a cut-and-paste from a Windows-1251 source: 0xA8 alone).
    const bytes = bytesOf(`${CLIENTS[0]}\r\n${CLIENTS[1]}\r\nАО «Северсталь»;`, [0xa8], `лкина Ольга;olga@severstal.ru\r\n${CLIENTS[3]}`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', damaged: 1, damagedLines: [3] });
    expect(decoded.text).toBe([CLIENTS[0], CLIENTS[1], 'АО «Северсталь»;\uFFFDлкина Ольга;olga@severstal.ru', CLIENTS[3]].join('\r\n'));
    // What the import used before: the whole file garbled as Windows-1251.
    expect(decodeTextFile(bytes)).toContain('Иванов Иван Петрович');
  });

  it('keeps UTF-8 for a file with a BOM however damaged, and strips the BOM', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], 'Компания\n', [0xc0, 0xc1], '\nРомашка');
    expect(decodeText(bytes)).toEqual({ text: 'Компания\n\uFFFD\uFFFD\nРомашка', encoding: 'utf-8', damaged: 2, damagedLines: [2] });
  });

  it('reads real Windows-1251 Russian text as Windows-1251, even all-caps names in «» (their letter + » pairs are valid UTF-8)', () => {
    const text = ['НАИМЕНОВАНИЕ;ИНН', 'ООО «ОБЪЕДИНЕНИЕ»;7707083893', 'АО «ТОРГОВЫЙ ДОМ ЯРОСЛАВИЧ»;7702070139', 'ООО «ЛЕСНОЕ»;5001000000', ...CLIENTS].join('\r\n');
    const bytes = cp1251(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text, encoding: 'windows-1251', damaged: 0, damagedLines: [] });
  });

  it('reads an ASCII-only file as UTF-8 with nothing damaged', () => {
    expect(decodeText(new TextEncoder().encode('company,email\nAcme,info@acme.example'))).toEqual({
      text: 'company,email\nAcme,info@acme.example', encoding: 'utf-8', damaged: 0, damagedLines: [],
    });
  });

  it('counts lines ended by CRLF, LF or a lone CR, and names at most eleven of them', () => {
    const bad = [0xff];
    expect(decodeText(bytesOf('a\r\nb\rc\n', bad, '\r', bad, bad), 'utf-8').damagedLines).toEqual([4, 5]);
    const many = bytesOf(...Array.from({ length: 30 }, (_, i) => [`Ромашка ${i}`, bad, '\n']).flat());
    expect(decodeText(many, 'utf-8')).toMatchObject({ encoding: 'utf-8', damaged: 30, damagedLines: Array.from({ length: 11 }, (_, i) => i + 1) });
  });

  it('reads the file in the encoding the user chose, and counts what is not valid in it', () => {
    const unix = 'Компания;Контакт\nООО Ромашка;Иванов Иван Петрович, ёлка';
    const koi8 = encode8bit(unix, 'koi8-r');
    expect(decodeText(koi8).encoding).toBe('windows-1251');
    expect(decodeText(koi8, 'koi8-r')).toEqual({ text: unix, encoding: 'koi8-r', damaged: 0, damagedLines: [] });
    const asUtf8 = decodeText(cp1251('Ромашка\nИванов'), 'utf-8');
    expect(asUtf8).toMatchObject({ encoding: 'utf-8', damagedLines: [1, 2] });
    expect(asUtf8.damaged).toBeGreaterThan(2);
    // A chosen encoding strips its own BOM only.
    expect(decodeText(bytesOf([0xef, 0xbb, 0xbf], 'abc'), 'utf-8').text).toBe('abc');
    expect(decodeText(bytesOf([0xef, 0xbb, 0xbf], 'abc'), 'windows-1251').text).toBe('п»їabc');
    const utf16 = Uint8Array.from([0x41, 0x00, 0x1e, 0x04]);
    expect(decodeText(utf16, 'utf-16le').text).toBe('AО');
  });
});
