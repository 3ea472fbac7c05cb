// Turns the bytes of a text file (CSV, vCard) into a string. Russian users hand us three kinds:
// "CSV UTF-8" (with a BOM, from Excel), plain "CSV" from an older Russian Excel or 1C (Windows-1251,
// no marker at all), and Excel's "Unicode text" (UTF-16 LE with a BOM). Pure: no DOM, no File.

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/**
 * UTF-16 (LE/BE) when the file starts with its BOM; UTF-8 when the bytes are valid UTF-8;
 * otherwise Windows-1251, the only 8-bit encoding our users' tools write. The BOM never reaches
 * the text. Never throws.
 */
export function decodeTextFile(input: Uint8Array | ArrayBuffer): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (startsWith(bytes, UTF16LE_BOM)) return decode('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, UTF16BE_BOM)) return decode('utf-16be', bytes.subarray(2));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    // fatal: a single byte that is not UTF-8 means the file is in an 8-bit code page.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Any byte sequence is valid Windows-1251, so this never fails.
    return decode('windows-1251', body);
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  // ignoreBOM: true keeps a BOM that is not at the very start; the one at the start is cut above.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
