// Bytes of a string in an 8-bit Cyrillic code page, for tests: Node has no encoder for them, but
// every byte of these code pages decodes to one character, so the table is the decoder run backwards.

export function encode8bit(text: string, encoding: 'windows-1251' | 'koi8-r'): Uint8Array {
  const table = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...text].map((char) => {
    const byte = table.indexOf(char);
    if (byte < 0) throw new Error(`"${char}" is not in ${encoding}`);
    return byte;
  }));
}

export const cp1251 = (text: string): Uint8Array => encode8bit(text, 'windows-1251');

/** The bytes of several parts joined: text parts as UTF-8, number arrays as they are. */
export function bytesOf(...parts: (string | readonly number[])[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part)));
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
