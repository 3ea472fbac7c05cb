// Encoders for the 3CX frames messages.ts reads: for unit tests and the browser tests' frame builders
// (tests/fixtures/threecx/frames.ts) only. The adapter never imports it.
// Ids are written as varints when they are numbers and as strings otherwise (the reader takes both).

import {
  CONNECTION,
  CONNECTIONS,
  EXTENSION_INFO,
  GENERIC,
  MAKE_CALL,
  MSG_MY_EXTENSION_INFO,
  MSG_REQUEST_MAKE_CALL,
} from './messages';
import { concatBytes, encodeField, encodeMessage } from './protobuf-encode';

export interface LocalConnectionFields {
  /** 2 Inserted, 3 Updated, 4 Deleted (messages.ts ACTION). */
  action: number;
  id: number | string;
  callId?: number | string;
  /** 1 Ringing, 2 Dialing, 3 Connected (messages.ts STATE). */
  state?: number;
  otherPartyDisplayName?: string;
  otherPartyCallerId?: string;
  isIncoming?: boolean;
  otherPartyDn?: number | string;
}

export function encodeLocalConnection(c: LocalConnectionFields): Uint8Array {
  return encodeMessage([
    [CONNECTION.action, c.action],
    [CONNECTION.id, c.id],
    [CONNECTION.callId, c.callId],
    [CONNECTION.state, c.state],
    [CONNECTION.otherPartyDisplayName, c.otherPartyDisplayName],
    [CONNECTION.otherPartyCallerId, c.otherPartyCallerId],
    [CONNECTION.isIncoming, c.isIncoming],
    [CONNECTION.otherPartyDn, c.otherPartyDn],
  ]);
}

export interface MyExtensionInfoFields {
  ownExtension?: string;
  connections: LocalConnectionFields[];
  /** Which of the two container fields carries them (18 or 20); 18 by default. */
  containerField?: 18 | 20;
  /** The container's own action field, when set. */
  containerAction?: number;
}

/** The MyExtensionInfo payload (not yet wrapped in a GenericMessage). */
export function encodeMyExtensionInfo(info: MyExtensionInfoFields): Uint8Array {
  const container = concatBytes(
    encodeMessage([[CONNECTIONS.action, info.containerAction]]),
    ...info.connections.map((c) => encodeField(CONNECTIONS.connection, encodeLocalConnection(c))),
  );
  return encodeMessage([
    [EXTENSION_INFO.ownExtension, info.ownExtension],
    [info.containerField ?? EXTENSION_INFO.connectionsA, container],
  ]);
}

/** A GenericMessage: the MessageId in field 1 and the payload in the field numbered like it. */
export function encodeGenericMessage(messageId: number, payload: Uint8Array): Uint8Array {
  return encodeMessage([
    [GENERIC.messageId, messageId],
    [messageId, payload],
  ]);
}

/** A whole MyExtensionInfo frame (MessageId 201), as the server sends it. */
export function encodeExtensionInfoFrame(info: MyExtensionInfoFields): Uint8Array {
  return encodeGenericMessage(MSG_MY_EXTENSION_INFO, encodeMyExtensionInfo(info));
}

/** A whole RequestMakeCall frame (MessageId 119), as the web client sends it to dial. */
export function encodeRequestMakeCallFrame(destination: string): Uint8Array {
  return encodeGenericMessage(
    MSG_REQUEST_MAKE_CALL,
    encodeMessage([
      [MAKE_CALL.destination, destination],
      [MAKE_CALL.enableCallControl, true],
    ]),
  );
}
