import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './decode-text';

const RUSSIAN = 'Компания;Контакт\r\nООО «Ромашка»;Иванов Иван Петрович, ёлка';

/** Windows-1251 bytes of a string (Node has no encoder for it; every 1251 byte decodes to one char). */
function cp1251(text: string): Uint8Array {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...text].map((char) => {
    const byte = table.indexOf(char);
    if (byte < 0) throw new Error(`"${char}" is not in Windows-1251`);
    return byte;
  }));
}

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
