// The one place the 3CX call state machine lives: LocalConnection updates from the web client's
// WebSocket (messages.ts), applied by connection id with the time they arrived, become call contexts.
//   Ringing + incoming → 'ringing' in     Ringing + outgoing → 'ringing' out
//   Dialing → 'dialing' out               Connected → 'connected' (connectedAt set once)
//   Deleted → 'ended' (endedAt; durationSec = ended − connected, 0 if it never connected)
// The direction is fixed once known (IsIncoming, or a Dialing state); until then a ringing call counts
// as incoming. An update carries only the fields it changes, so fields it leaves out are kept.
// An ended call stays (for the outcome form) until a new call starts or `keepEndedMs` passes.
// Pure: the caller passes the time; no DOM, no timers.

import type { CallState, MailContext } from '../types';
import { ACTION, STATE, type LocalConnectionUpdate } from './messages';

export const KEEP_ENDED_MS = 10 * 60_000;

interface Connection {
  connectionId: string;
  /** The context id, fixed at first sight: the 3CX call id, else the connection id. */
  contextId: string;
  callId: string | undefined;
  name: string;
  callerId: string;
  dn: string;
  direction: 'in' | 'out';
  directionKnown: boolean;
  state: CallState;
  startedAt: number;
  connectedAt: number | null;
  endedAt: number | null;
}

export interface CallConnections {
  /** Applies one LocalConnection entry received at `at`; true when anything changed. */
  apply(update: LocalConnectionUpdate, at: number): boolean;
  /** The calls as contexts (oldest first), ended ones older than `keepEndedMs` dropped. */
  contexts(now: number): MailContext[];
  /** When the next ended call expires (epoch ms), or null. */
  nextExpiryAt(): number | null;
  /** Whether a call is in progress (not ended). */
  hasLive(): boolean;
  /** When the newest call was first seen, or null. */
  latestStartedAt(): number | null;
}

// Bidi marks some clients wrap numbers in; the background normalizes the rest.
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const clean = (text: string | undefined) => (text ?? '').replace(BIDI, '').trim();

/** The state a LocalConnection.state value means; undefined for none or one we do not know. */
function stateOf(raw: number | undefined): CallState | undefined {
  if (raw === STATE.ringing) return 'ringing';
  if (raw === STATE.dialing) return 'dialing';
  if (raw === STATE.connected) return 'connected';
  return undefined;
}

export function createCallConnections(keepEndedMs = KEEP_ENDED_MS): CallConnections {
  const byId = new Map<string, Connection>();

  function contextIdFor(update: LocalConnectionUpdate): string {
    const callIdTaken = update.callId !== undefined && [...byId.values()].some((c) => c.callId === update.callId);
    return update.callId !== undefined && !callIdTaken ? update.callId : `conn-${update.id}`;
  }

  function create(update: LocalConnectionUpdate, at: number): Connection {
    // A new call: the calls that ended before it are done with (their outcome forms were shown).
    for (const [id, c] of byId) if (c.state === 'ended') byId.delete(id);
    const connection: Connection = {
      connectionId: update.id,
      contextId: contextIdFor(update),
      callId: update.callId,
      name: '',
      callerId: '',
      dn: '',
      direction: 'in',
      directionKnown: false,
      state: 'ringing',
      startedAt: at,
      connectedAt: null,
      endedAt: null,
    };
    byId.set(update.id, connection);
    return connection;
  }

  function merge(c: Connection, update: LocalConnectionUpdate, at: number, isNew: boolean): void {
    if (update.otherPartyDisplayName !== undefined) c.name = clean(update.otherPartyDisplayName);
    if (update.otherPartyCallerId !== undefined) c.callerId = clean(update.otherPartyCallerId);
    if (update.otherPartyDn !== undefined) c.dn = clean(update.otherPartyDn);
    if (update.callId !== undefined) c.callId = update.callId;
    const state = stateOf(update.state);
    if (!c.directionKnown) {
      if (update.isIncoming !== undefined) {
        c.direction = update.isIncoming ? 'in' : 'out';
        c.directionKnown = true;
      } else if (state === 'dialing') {
        c.direction = 'out';
        c.directionKnown = true;
      }
    }
    if (state) c.state = state;
    else if (isNew) c.state = c.direction === 'out' ? 'dialing' : 'ringing';
    if (c.state === 'connected' && c.connectedAt === null) c.connectedAt = at;
  }

  function apply(update: LocalConnectionUpdate, at: number): boolean {
    const existing = byId.get(update.id);
    const before = existing ? JSON.stringify(existing) : '';
    if (update.action === ACTION.deleted) {
      if (!existing || existing.state === 'ended') return false;
      existing.state = 'ended';
      existing.endedAt = at;
      return true;
    }
    // Inserted, Updated, or an action we do not know: an upsert. A connection id seen again after it
    // ended is a new call; an update for an id we never saw (we started late) creates it.
    if (existing && existing.state === 'ended' && update.action !== ACTION.inserted) return false;
    const isNew = !existing || existing.state === 'ended';
    const connection = isNew ? create(update, at) : existing;
    merge(connection, update, at, isNew);
    return isNew || JSON.stringify(connection) !== before;
  }

  function toContext(c: Connection): MailContext {
    const durationSec = c.endedAt === null ? null : c.connectedAt === null ? 0 : Math.max(0, Math.round((c.endedAt - c.connectedAt) / 1000));
    return {
      kind: 'call',
      id: c.contextId,
      subject: '',
      correspondents: [{ email: null, name: c.name, role: c.direction === 'in' ? 'from' : 'to', phone: c.callerId || c.dn || null }],
      call: {
        direction: c.direction,
        state: c.state,
        startedAt: c.startedAt,
        connectedAt: c.connectedAt,
        endedAt: c.endedAt,
        durationSec,
      },
    };
  }

  return {
    apply,
    contexts(now) {
      for (const [id, c] of byId) if (c.endedAt !== null && now - c.endedAt >= keepEndedMs) byId.delete(id);
      return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt).map(toContext);
    },
    nextExpiryAt() {
      const ends = [...byId.values()].flatMap((c) => (c.endedAt === null ? [] : [c.endedAt + keepEndedMs]));
      return ends.length ? Math.min(...ends) : null;
    },
    hasLive: () => [...byId.values()].some((c) => c.state !== 'ended'),
    latestStartedAt() {
      const starts = [...byId.values()].map((c) => c.startedAt);
      return starts.length ? Math.max(...starts) : null;
    },
  };
}
