import { describe, expect, it } from 'vitest';
import { decodeFrame, decodeGenericMessage, decodeMyExtensionInfo } from './messages';
import { encodeExtensionInfoFrame, encodeRequestMakeCallFrame } from './messages-encode';
import { idField, intField, readMessage, readVarint, stringField } from './protobuf';
import { concatBytes, encodeFixed, encodeField, encodeMessage, encodeVarint } from './protobuf-encode';

/** Bytes from numbers and strings (UTF-8): frames written out by hand, independent of the encoder. */
const bytes = (...parts: Array<number | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : [p])));

// LocalConnection { 1 action: 2, 2 id: 7, 3 callId: 501, 5 state: 1, 10 name: "Ivan", 11 caller id: "+7495", 12 incoming: 1 }
const CONNECTION = bytes(0x08, 2, 0x10, 7, 0x18, 0xf5, 0x03, 0x28, 1, 0x52, 4, 'Ivan', 0x5a, 5, '+7495', 0x60, 1);
// LocalConnections { 2: CONNECTION }
const CONTAINER = bytes(0x12, CONNECTION.length, ...CONNECTION);
// MyExtensionInfo { 3 own extension: "101", 18: CONTAINER } (field 18, wire 2: tag 146 = 0x92 0x01)
const INFO = bytes(0x1a, 3, '101', 0x92, 0x01, CONTAINER.length, ...CONTAINER);
// GenericMessage { 1: 201, 201: INFO } (201 = 0xC9 0x01; field 201, wire 2: tag 1610 = 0xCA 0x0C)
const FRAME = bytes(0x08, 0xc9, 0x01, 0xca, 0x0c, INFO.length, ...INFO);

const RINGING = {
  action: 2,
  id: '7',
  callId: '501',
  state: 1,
  otherPartyDisplayName: 'Ivan',
  otherPartyCallerId: '+7495',
  isIncoming: true,
};

describe('protobuf wire reader', () => {
  it('reads varints of one to ten bytes, and refuses truncated or over-long ones', () => {
    expect(readVarint(bytes(0x00), 0)).toEqual({ value: 0, next: 1 });
    expect(readVarint(bytes(0xac, 0x02), 0)).toEqual({ value: 300, next: 2 });
    expect(readVarint(bytes(0xff, 0xff, 0xff, 0xff, 0x0f), 0)).toEqual({ value: 2 ** 32 - 1, next: 5 });
    // A negative int32 goes out as 10 bytes: read (rounded), not refused.
    expect(readVarint(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 0)?.next).toBe(10);
    expect(readVarint(bytes(0xac), 0)).toBeNull();
    expect(readVarint(bytes(...new Array<number>(11).fill(0x80)), 0)).toBeNull();
  });

  it('reads a message level: varints, strings and nested bytes in order', () => {
    const fields = readMessage(CONNECTION);
    expect(fields?.map((f) => f.no)).toEqual([1, 2, 3, 5, 10, 11, 12]);
    expect(intField(fields!, 3)).toBe(501);
    expect(stringField(fields!, 10)).toBe('Ivan');
    expect(idField(fields!, 2)).toBe('7');
    expect(idField(fields!, 11)).toBe('+7495');
  });

  it('the last occurrence of a scalar wins', () => {
    const fields = readMessage(bytes(0x08, 1, 0x08, 3))!;
    expect(intField(fields, 1)).toBe(3);
  });

  it('skips fixed32, fixed64 and unknown fields', () => {
    const withUnknown = concatBytes(encodeFixed(40, 4), CONNECTION, encodeFixed(41, 8), encodeField(99, 'x'), encodeField(98, 12345));
    const fields = readMessage(withUnknown)!;
    expect(fields).not.toBeNull();
    expect(stringField(fields, 10)).toBe('Ivan');
  });

  it('returns null for truncated frames and garbage instead of throwing', () => {
    for (let cut = 1; cut < FRAME.length; cut++) {
      // A frame cut anywhere reads as nothing: either malformed, or a MessageId without its payload.
      const frame = decodeFrame(FRAME.subarray(0, cut));
      expect(frame).toBeNull();
    }
    expect(readMessage(bytes(0x0b))).toBeNull(); // wire type 3 (group)
    expect(readMessage(bytes(0x07, 1))).toBeNull(); // wire type 7
    expect(readMessage(bytes(0x00, 1))).toBeNull(); // field number 0
    expect(readMessage(bytes(0x0a, 5, 1, 2))).toBeNull(); // length beyond the end
    expect(readMessage(bytes(0x0d, 1, 2))).toBeNull(); // fixed32 cut short
    expect(readMessage(new Uint8Array(0))).toEqual([]);
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      const junk = Uint8Array.from({ length: (i % 64) + 1 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
      expect(() => decodeFrame(junk)).not.toThrow();
    }
  });
});

describe('3CX frames', () => {
  it('decodes a hand-written GenericMessage 201 with its LocalConnection', () => {
    expect(decodeGenericMessage(FRAME)).toEqual({ messageId: 201, payload: INFO });
    expect(decodeFrame(FRAME)).toEqual({ kind: 'extensionInfo', info: { ownExtension: '101', connections: [RINGING] } });
  });

  it('the encoder writes exactly those bytes (the fixtures build frames with it)', () => {
    const encoded = encodeExtensionInfoFrame({
      ownExtension: '101',
      connections: [{ action: 2, id: 7, callId: 501, state: 1, otherPartyDisplayName: 'Ivan', otherPartyCallerId: '+7495', isIncoming: true }],
    });
    expect([...encoded]).toEqual([...FRAME]);
  });

  it('reads connections from field 20 as from 18, several per container, ids as strings or varints', () => {
    const info = encodeMessage([
      [20, encodeMessage([[1, 1], [2, encodeMessage([[1, 3], [2, 'conn-a'], [5, 3]])], [2, encodeMessage([[1, 4], [2, 9]])]])],
      [18, encodeMessage([[2, encodeMessage([[1, 2], [2, 10], [3, 'call-x'], [22, 205], [12, false]])]])],
    ]);
    expect(decodeMyExtensionInfo(info)?.connections).toEqual([
      { action: 3, id: 'conn-a', state: 3 },
      { action: 4, id: '9' },
      { action: 2, id: '10', callId: 'call-x', otherPartyDn: '205', isIncoming: false },
    ]);
  });

  it('skips a connection without an id, and a malformed one, keeping the others', () => {
    const good = encodeMessage([[1, 2], [2, 1], [5, 2]]);
    const container = concatBytes(
      encodeField(2, encodeMessage([[1, 2], [5, 1]])), // no id
      encodeField(2, bytes(0x0a, 9)), // truncated inside
      encodeField(2, good),
    );
    expect(decodeMyExtensionInfo(encodeField(18, container))?.connections).toEqual([{ action: 2, id: '1', state: 2 }]);
  });

  it('ignores other message ids, a missing payload, and a 201 payload that is not a message', () => {
    expect(decodeFrame(encodeMessage([[1, 150], [150, encodeMessage([[1, 1]])]]))).toBeNull();
    expect(decodeFrame(encodeMessage([[1, 201]]))).toBeNull();
    expect(decodeFrame(encodeMessage([[1, 201], [201, bytes(0xff)]]))).toBeNull();
    expect(decodeFrame(encodeMessage([[1, 1], [1, 1]]))).toBeNull();
  });

  it('decodes the RequestMakeCall a web client sends to dial', () => {
    expect(decodeFrame(encodeRequestMakeCallFrame(' +74951234567 '))).toEqual({ kind: 'makeCall', destination: '+74951234567' });
    expect(decodeFrame(encodeMessage([[1, 119], [119, encodeMessage([[3, true]])]]))).toBeNull();
  });

  it('encodes varints the way the reader reads them', () => {
    for (const n of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 53 - 1]) expect(readVarint(Uint8Array.from(encodeVarint(n)), 0)?.value).toBe(n);
    expect(() => encodeVarint(-1)).toThrow();
  });
});
