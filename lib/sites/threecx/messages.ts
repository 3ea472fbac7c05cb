// The 3CX web client's WebSocket frames we read (shared/research/softphones.md §2, reverse-engineered
// for v20 by public code): a binary frame is a protobuf GenericMessage whose field 1 is the MessageId
// and whose payload sits in the field numbered like the MessageId. We read two of them:
//   201 MyExtensionInfo (server → page): field 3 own extension; fields 18 and 20 a LocalConnections
//       container (field 1 action, field 2 repeated LocalConnection).
//   119 RequestMakeCall (page → server): field 1 destination.
// Everything else is skipped. Field types are not documented: ids are read as varints or strings.
// Pure; never throws (protobuf.ts returns null for malformed input).

import { bytesFields, idField, intField, readMessage, stringField, WIRE_BYTES } from './protobuf';

export const MSG_REQUEST_MAKE_CALL = 119;
export const MSG_MY_EXTENSION_INFO = 201;

/** GenericMessage field numbers. */
export const GENERIC = { messageId: 1 } as const;
/** MyExtensionInfo field numbers. */
export const EXTENSION_INFO = { ownExtension: 3, connectionsA: 18, connectionsB: 20 } as const;
/** LocalConnections container field numbers. */
export const CONNECTIONS = { action: 1, connection: 2 } as const;
/** LocalConnection field numbers. */
export const CONNECTION = {
  action: 1,
  id: 2,
  callId: 3,
  state: 5,
  otherPartyDisplayName: 10,
  otherPartyCallerId: 11,
  isIncoming: 12,
  otherPartyDn: 22,
} as const;
/** RequestMakeCall field numbers. */
export const MAKE_CALL = { destination: 1, enableCallControl: 3 } as const;

/** LocalConnection.action values. */
export const ACTION = { inserted: 2, updated: 3, deleted: 4 } as const;
/** LocalConnection.state values. */
export const STATE = { ringing: 1, dialing: 2, connected: 3 } as const;

/** One LocalConnection entry as it came: an update carries only the fields it sets. */
export interface LocalConnectionUpdate {
  action: number | undefined;
  /** The connection id (the key of updates and deletes). */
  id: string;
  callId?: string;
  state?: number;
  otherPartyDisplayName?: string;
  otherPartyCallerId?: string;
  isIncoming?: boolean;
  otherPartyDn?: string;
}

export interface MyExtensionInfo {
  ownExtension?: string;
  connections: LocalConnectionUpdate[];
}

/** What one frame told us, or null for frames we do not read. */
export type ThreecxFrame =
  | { kind: 'extensionInfo'; info: MyExtensionInfo }
  | { kind: 'makeCall'; destination: string };

/** GenericMessage: its MessageId and the payload field's bytes (null when it has none). */
export function decodeGenericMessage(bytes: Uint8Array): { messageId: number; payload: Uint8Array | null } | null {
  const fields = readMessage(bytes);
  if (!fields) return null;
  const messageId = intField(fields, GENERIC.messageId);
  if (messageId === undefined || messageId === GENERIC.messageId) return null;
  const payloads = bytesFields(fields, messageId);
  return { messageId, payload: payloads[payloads.length - 1] ?? null };
}

function decodeConnection(bytes: Uint8Array): LocalConnectionUpdate | null {
  const f = readMessage(bytes);
  if (!f) return null;
  const id = idField(f, CONNECTION.id);
  if (id === undefined || id === '') return null;
  const update: LocalConnectionUpdate = { action: intField(f, CONNECTION.action), id };
  const callId = idField(f, CONNECTION.callId);
  if (callId !== undefined && callId !== '') update.callId = callId;
  const state = intField(f, CONNECTION.state);
  if (state !== undefined) update.state = state;
  const name = stringField(f, CONNECTION.otherPartyDisplayName);
  if (name !== undefined) update.otherPartyDisplayName = name;
  const callerId = stringField(f, CONNECTION.otherPartyCallerId);
  if (callerId !== undefined) update.otherPartyCallerId = callerId;
  const incoming = intField(f, CONNECTION.isIncoming);
  if (incoming !== undefined) update.isIncoming = incoming !== 0;
  const dn = idField(f, CONNECTION.otherPartyDn);
  if (dn !== undefined) update.otherPartyDn = dn;
  return update;
}

/** MyExtensionInfo: the own extension and every LocalConnection entry, in order. Malformed entries are skipped. */
export function decodeMyExtensionInfo(payload: Uint8Array): MyExtensionInfo | null {
  const fields = readMessage(payload);
  if (!fields) return null;
  const info: MyExtensionInfo = { connections: [] };
  const own = idField(fields, EXTENSION_INFO.ownExtension);
  if (own !== undefined) info.ownExtension = own;
  for (const field of fields) {
    if (field.wire !== WIRE_BYTES || (field.no !== EXTENSION_INFO.connectionsA && field.no !== EXTENSION_INFO.connectionsB)) continue;
    const container = readMessage(field.bytes);
    if (!container) continue;
    for (const entry of bytesFields(container, CONNECTIONS.connection)) {
      const update = decodeConnection(entry);
      if (update) info.connections.push(update);
    }
  }
  return info;
}

/** One WebSocket frame, as the page hook forwarded it. */
export function decodeFrame(bytes: Uint8Array): ThreecxFrame | null {
  const message = decodeGenericMessage(bytes);
  if (!message?.payload) return null;
  if (message.messageId === MSG_MY_EXTENSION_INFO) {
    const info = decodeMyExtensionInfo(message.payload);
    return info ? { kind: 'extensionInfo', info } : null;
  }
  if (message.messageId === MSG_REQUEST_MAKE_CALL) {
    const fields = readMessage(message.payload);
    const destination = fields ? idField(fields, MAKE_CALL.destination)?.trim() : undefined;
    return destination ? { kind: 'makeCall', destination } : null;
  }
  return null;
}
