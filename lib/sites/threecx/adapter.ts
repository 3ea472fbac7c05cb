// The 3CX web client adapter (isolated world). The call state comes from the web client's WebSocket:
// the page-world hook (page-hook.ts) posts each frame to this window, and everything it posts is
// untrusted page data: checked for its window, origin, shape and size before it is decoded
// (messages.ts) and applied to the one call state machine (connections.ts). Where the socket tells
// nothing, the number the user dials by other means (dial-watch.ts) shows as a 'dialing' call, so the
// card and a manual log still work. A snapshot is reported at once on every change.

import type { AdapterEvents, SiteAdapter } from '../types';
import { createCallConnections, KEEP_ENDED_MS } from './connections';
import { cleanPhone, nextIntent, type DialIntent, type DialSource } from './dial-intent';
import { watchDialIntents } from './dial-watch';
import { decodeFrame } from './messages';
import { buildCallSnapshot, THREECX_SITE } from './snapshot';

/** What the page hook posts (page-hook.ts), and what we post to ask it for the frames it kept. */
export const HOOK_SOURCE = 'clientdesk-3cx';
export const ADAPTER_SOURCE = 'clientdesk-3cx-adapter';
/** The largest frame we decode; the hook forwards no larger ones either. */
export const MAX_FRAME_BYTES = 1 << 20;

export interface ThreecxAdapterOptions {
  now?: () => number;
  /** How long an ended call stays (its outcome form) unless a new call starts first. */
  keepEndedMs?: number;
  /** How long a number dialled without the socket's confirmation stays (for the card and a manual log). */
  keepIntentMs?: number;
  /** Typing settles this long before the number typed is shown. */
  typingDelayMs?: number;
  maxFrameBytes?: number;
  /** The PBX region (Options, per 3CX host): the country of the numbers it shows without a country code. */
  region?: string;
}

const KEEP_INTENT_MS = 60 * 60_000;
const TYPING_DELAY_MS = 300;
/** How far the time a frame says it arrived may be from ours (it comes from the page). */
const FRAME_CLOCK_SLACK_MS = 5_000;

/** A Uint8Array from the page: checked by its tag, which holds across worlds (Firefox Xrays). */
function isPageBytes(value: unknown, max: number): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) &&
    Object.prototype.toString.call(value) === '[object Uint8Array]' &&
    value.byteLength > 0 &&
    value.byteLength <= max
  );
}

export function startThreecxAdapter(win: Window, events: AdapterEvents, signal: AbortSignal, options: ThreecxAdapterOptions = {}): void {
  if (signal.aborted) return;
  const { now = () => Date.now(), keepEndedMs = KEEP_ENDED_MS, keepIntentMs = KEEP_INTENT_MS } = options;
  const { typingDelayMs = TYPING_DELAY_MS, maxFrameBytes = MAX_FRAME_BYTES } = options;
  const calls = createCallConnections(keepEndedMs);
  let intent: DialIntent | null = null;
  let intentSeq = 0;
  let lastKey = '';
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  function report() {
    if (signal.aborted) return;
    const at = now();
    if (intent && at - intent.startedAt >= keepIntentMs) intent = null;
    const snapshot = buildCallSnapshot(calls.contexts(at), intent, options.region);
    const key = JSON.stringify(snapshot);
    if (key !== lastKey) {
      lastKey = key;
      events.snapshot(snapshot);
    }
    // Wake up when an ended call or the intent expires.
    clearTimeout(expiryTimer);
    const due = Math.min(calls.nextExpiryAt() ?? Infinity, intent ? intent.startedAt + keepIntentMs : Infinity);
    if (due !== Infinity) expiryTimer = setTimeout(report, Math.max(0, due - at) + 1);
  }

  /** The socket shows a call in progress, or one newer than the intent: the intent is done. */
  function supersedeIntent() {
    if (intent && (calls.hasLive() || (calls.latestStartedAt() ?? -Infinity) >= intent.startedAt)) intent = null;
  }

  function dial(phone: string, source: DialSource, continuesTyping: boolean) {
    // During a call the socket knows better (digits typed now are DTMF or a transfer).
    if (calls.hasLive()) return;
    const at = now();
    intent = nextIntent(intent, phone, source, at, { continuesTyping, newId: () => `dial-${at.toString(36)}-${++intentSeq}` });
    report();
  }

  function onFrame(direction: 'in' | 'out', bytes: Uint8Array, at: number) {
    const frame = decodeFrame(bytes);
    if (direction === 'in' && frame?.kind === 'extensionInfo') {
      let changed = false;
      for (const update of frame.info.connections) changed = calls.apply(update, at) || changed;
      if (!changed) return;
      supersedeIntent();
      report();
    } else if (direction === 'out' && frame?.kind === 'makeCall') {
      const phone = cleanPhone(frame.destination);
      if (phone) dial(phone, 'makeCall', false);
    }
  }

  function onMessage(event: MessageEvent) {
    try {
      if (event.source !== win || event.origin !== win.location.origin) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null) return;
      const { source, direction, bytes, at } = data as Record<string, unknown>;
      if (source !== HOOK_SOURCE || (direction !== 'in' && direction !== 'out')) return;
      if (!isPageBytes(bytes, maxFrameBytes)) return;
      const ours = now();
      const when = typeof at === 'number' && at >= ours - keepEndedMs && at <= ours + FRAME_CLOCK_SLACK_MS ? at : ours;
      // Copied into this world before reading: the page keeps no handle on what we decode.
      onFrame(direction, new Uint8Array(bytes), Math.min(when, ours));
    } catch {
      // A malformed message from the page is ignored.
    }
  }

  win.addEventListener('message', onMessage, { signal });
  watchDialIntents(win, signal, (d) => dial(d.phone, d.source, d.continuesTyping), { typingDelayMs });
  // The hook keeps the frames that arrived before we started (we run at document_idle).
  try {
    win.postMessage({ source: ADAPTER_SOURCE, request: 'replay' }, win.location.origin);
  } catch {
    // An opaque origin: no hook can have posted either.
  }
  signal.addEventListener('abort', () => clearTimeout(expiryTimer), { once: true });
  report();
}

/** The adapter for this PBX; `region` is its PBX region setting (null: the background's default applies). */
export function threecxAdapterFor(region: string | null): SiteAdapter {
  return {
    site: THREECX_SITE,
    kind: 'softphone',
    start(events, signal) {
      startThreecxAdapter(window, events, signal, region ? { region } : {});
    },
    // A softphone: nothing to insert templates into, and `events.sent` is never called.
    async insert() {
      return { ok: false, reason: '3CX has no compose to insert into' };
    },
  };
}
