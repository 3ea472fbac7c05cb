// Turns the bytes of a text file (CSV, vCard) into a string. Russian users hand us three kinds:
// "CSV UTF-8" (with a BOM, from Excel), plain "CSV" from an older Russian Excel or 1C (Windows-1251,
// no marker at all), and Excel's "Unicode text" (UTF-16 LE with a BOM). Pure: no DOM, no File.

/** The encodings the import offers; TextDecoder knows every one of them (WHATWG Encoding). */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1251', 'koi8-r', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const TEXT_ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251',
  'koi8-r': 'KOI8-R',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Byte sequences that are not valid in `encoding`; each became one U+FFFD (�) in `text`. */
  damaged: number;
  /** The 1-based lines (as a text editor counts them) the first damaged characters are on. */
  damagedLines: number[];
}

const BOMS: readonly { encoding: TextEncodingName; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

// A UTF-8 file with a few damaged bytes (a cut-off character, one value pasted from a Windows-1251
// source) is still UTF-8: read as Windows-1251 every Cyrillic name in it would be garbled, and the
// import would make duplicates of clients the user has. So UTF-8 wins while at most 1 in 20 of its
// non-ASCII sequences is damaged. Real Windows-1251 Russian text is nowhere near: its letters are
// bytes 0xC0–0xFF, and a UTF-8 pair needs a lead byte followed by a byte 0x80–0xBF, which in 1251
// are rare signs (« » № ё –); the Bitrix24 fixture decodes with 0 of 277 sequences valid (measured).
const UTF8_MAX_DAMAGED_SHARE = 0.05;
// Ten lines are named in the warning; the eleventh says there are more.
const DAMAGED_LINES_KEPT = 11;

/**
 * With `encoding`, decodes in it. Without: UTF-16 (LE/BE) or UTF-8 when the file starts with its
 * BOM; UTF-8 when the bytes are valid UTF-8 or damaged only here and there (see above); otherwise
 * Windows-1251, the only 8-bit encoding our users' tools write. The BOM never reaches the text.
 * Never throws.
 */
export function decodeText(input: Uint8Array | ArrayBuffer, encoding?: TextEncodingName): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  if (encoding) return decodeAs(encoding, bom?.encoding === encoding ? bytes.subarray(bom.bytes.length) : bytes);
  if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.bytes.length));
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    // Valid UTF-8 can still carry U+FFFD that an earlier wrong conversion left: that is damage too.
    return { text, encoding: 'utf-8', ...damageIn(text) };
  } catch {
    const utf8 = decodeAs('utf-8', bytes);
    const valid = nonAsciiCount(utf8.text) - utf8.damaged;
    if (utf8.damaged <= UTF8_MAX_DAMAGED_SHARE * (valid + utf8.damaged)) return utf8;
    // Any byte sequence is valid Windows-1251, so this never fails.
    return decodeAs('windows-1251', bytes);
  }
}

/** The text alone, as decodeText detects it. */
export function decodeTextFile(input: Uint8Array | ArrayBuffer): string {
  return decodeText(input).text;
}

function decodeAs(encoding: TextEncodingName, bytes: Uint8Array): DecodedText {
  // ignoreBOM: true keeps a BOM that is not at the very start; the one at the start is cut above.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return { text, encoding, ...damageIn(text) };
}

/** Counts U+FFFD and notes the lines of the first ones. "\r\n", "\n" and a lone "\r" each end a line. */
function damageIn(text: string): { damaged: number; damagedLines: number[] } {
  let damaged = 0;
  const damagedLines: number[] = [];
  let line = 1;
  let counted = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    damaged++;
    if (damagedLines.length === DAMAGED_LINES_KEPT) continue;
    for (; counted < at; counted++) {
      const code = text.charCodeAt(counted);
      if (code === 10 || (code === 13 && text.charCodeAt(counted + 1) !== 10)) line++;
    }
    if (damagedLines[damagedLines.length - 1] !== line) damagedLines.push(line);
  }
  return { damaged, damagedLines };
}

function nonAsciiCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A character beyond the BMP is two UTF-16 units: count it once (its low surrogate is skipped).
    if (code >= 0x80 && !(code >= 0xdc00 && code <= 0xdfff)) count++;
  }
  return count;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
