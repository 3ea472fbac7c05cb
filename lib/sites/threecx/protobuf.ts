// A minimal protobuf wire-format reader: enough to walk the 3CX web client's frames (messages.ts).
// It reads one message level at a time (a length-delimited field's bytes can be read again as a
// nested message), skips what it does not need (fixed32/fixed64, unknown fields), and never throws:
// a truncated or malformed message reads as null. No schema, no code generation, no dependency.
// Decoding only; the matching writer (protobuf-encode.ts) is for tests and fixtures.

/** Wire types we accept. Groups (3, 4) are deprecated and treated as malformed. */
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** One field occurrence, in the order it appears in the message. */
export type ProtoField =
  | { no: number; wire: typeof WIRE_VARINT; int: number }
  | { no: number; wire: typeof WIRE_BYTES; bytes: Uint8Array }
  | { no: number; wire: typeof WIRE_FIXED32 | typeof WIRE_FIXED64 };

/** More fields than this in one message is not a frame we want to walk. */
const MAX_FIELDS = 100_000;
/** Field numbers are 29 bits. */
const MAX_FIELD_NO = 2 ** 29 - 1;

/**
 * Reads a varint at `pos`: its value (as a number, exact up to 2^53; larger ones, such as negative
 * int32s sent as 10 bytes, come out rounded) and the position after it, or null when truncated or
 * longer than 10 bytes.
 */
export function readVarint(bytes: Uint8Array, pos: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const b = bytes[pos + i];
    if (b === undefined) return null;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return { value, next: pos + i + 1 };
    scale *= 128;
  }
  return null;
}

/** All fields of one message level, or null when the bytes are not a well-formed message. */
export function readMessage(bytes: Uint8Array): ProtoField[] | null {
  const fields: ProtoField[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (fields.length >= MAX_FIELDS) return null;
    const tag = readVarint(bytes, pos);
    if (!tag) return null;
    const no = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (no < 1 || no > MAX_FIELD_NO) return null;
    pos = tag.next;
    if (wire === WIRE_VARINT) {
      const v = readVarint(bytes, pos);
      if (!v) return null;
      fields.push({ no, wire, int: v.value });
      pos = v.next;
    } else if (wire === WIRE_BYTES) {
      const len = readVarint(bytes, pos);
      if (!len || len.next + len.value > bytes.length) return null;
      fields.push({ no, wire, bytes: bytes.subarray(len.next, len.next + len.value) });
      pos = len.next + len.value;
    } else if (wire === WIRE_FIXED32 || wire === WIRE_FIXED64) {
      const size = wire === WIRE_FIXED32 ? 4 : 8;
      if (pos + size > bytes.length) return null;
      fields.push({ no, wire });
      pos += size;
    } else {
      return null;
    }
  }
  return fields;
}

/** The last varint value of field `no` (protobuf: the last occurrence of a scalar wins). */
export function intField(fields: ProtoField[], no: number): number | undefined {
  let found: number | undefined;
  for (const f of fields) if (f.no === no && f.wire === WIRE_VARINT) found = f.int;
  return found;
}

/** The bytes of every occurrence of length-delimited field `no` (a repeated message or string). */
export function bytesFields(fields: ProtoField[], no: number): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (const f of fields) if (f.no === no && f.wire === WIRE_BYTES) found.push(f.bytes);
  return found;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The last string value of field `no` (invalid UTF-8 becomes U+FFFD, never an exception). */
export function stringField(fields: ProtoField[], no: number): string | undefined {
  const all = bytesFields(fields, no);
  const last = all[all.length - 1];
  return last === undefined ? undefined : utf8.decode(last);
}

/**
 * A field whose type we do not know for sure (an id): a varint as its decimal digits, or a string.
 * The 3CX facts give field numbers, not types, so both encodings are accepted.
 */
export function idField(fields: ProtoField[], no: number): string | undefined {
  let found: string | undefined;
  for (const f of fields) {
    if (f.no !== no) continue;
    if (f.wire === WIRE_VARINT) found = String(f.int);
    else if (f.wire === WIRE_BYTES) found = utf8.decode(f.bytes);
  }
  return found;
}
