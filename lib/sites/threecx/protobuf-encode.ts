// The protobuf wire-format writer matching protobuf.ts: for unit tests and the browser tests' frame
// builders (tests/fixtures/threecx/frames.ts) only. The adapter never imports it.

import { WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT } from './protobuf';

/** A non-negative integer (exact up to 2^53) as varint bytes. */
export function encodeVarint(value: number): number[] {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

const tag = (no: number, wire: number) => encodeVarint(no * 8 + wire);
const utf8 = new TextEncoder();

/** One field: a number or boolean as a varint, a string as UTF-8 bytes, bytes (a nested message) as they are. */
export function encodeField(no: number, value: number | boolean | string | Uint8Array): Uint8Array {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return Uint8Array.from([...tag(no, WIRE_VARINT), ...encodeVarint(Number(value))]);
  }
  const bytes = typeof value === 'string' ? utf8.encode(value) : value;
  return concatBytes(Uint8Array.from([...tag(no, WIRE_BYTES), ...encodeVarint(bytes.length)]), bytes);
}

/** A fixed32 or fixed64 field of zeros (for "unknown field" tests). */
export function encodeFixed(no: number, size: 4 | 8): Uint8Array {
  return Uint8Array.from([...tag(no, size === 4 ? WIRE_FIXED32 : WIRE_FIXED64), ...new Array<number>(size).fill(0)]);
}

/** Concatenates encoded fields into one message. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A message from `[fieldNo, value]` pairs; undefined values are left out (a delta update). */
export function encodeMessage(fields: Array<[number, number | boolean | string | Uint8Array | undefined]>): Uint8Array {
  return concatBytes(...fields.flatMap(([no, v]) => (v === undefined ? [] : [encodeField(no, v)])));
}
