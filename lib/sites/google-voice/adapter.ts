// The Google Voice softphone adapter (issue 6): watches the page (shared/page-watcher.ts), reads the call
// panel and the dialler READ_DELAY_MS after a change, feeds the call tracker (call-tracker.ts, the one
// place call state lives) and reports a snapshot only when it changed. It inserts nothing and reports no
// sends. DOM APIs only.
//
// What it listens to, and why the cost stays small:
// - The page watcher's MutationObserver: a call starting or ending adds and removes the in-call section
//   (childList); GV's test ids, aria-labels (the call button's carries the dialled number) and the mute
//   button's disabled state are watched attributes. `class` is not: GV toggles classes on hover, and
//   every change we need also adds or removes nodes or flips one of those attributes.
// - The in-call timer: its text changes every second (characterData), which the page watcher does not
//   observe. A second observer on the timer element alone notes each tick in the tracker (one string
//   parsed per second, no page read), so the talk time is GV's own last value when the call ends.
// - `play` of the inbound ring (`audio[gv-id="inbound_ring"]`, facts 1.3), caught on the document in the
//   capture phase (media events do not bubble): an incoming call rings, before or as the panel shows.
// - `input` in the dial input is caught by the page watcher (every input and textarea, capture phase).
// - A click on a "Call …" button (a history row, the call button): its number drives the card even if
//   the call panel then cannot be read.
// - A timer for the tracker's expiries (the ended call's 10 minutes, a clicked number's).

import { elementOf } from '../shared/element-of';
import { startPageWatcher } from '../shared/page-watcher';
import type { AdapterEvents, SiteAdapter } from '../types';
import { createCallTracker, type CallTrackerOptions } from './call-tracker';
import { findCallTimer, findPhoneIn, parseTimer } from './parse-call';
import { closestFirst, matchesAny } from './selectors';
import { readGoogleVoiceSnapshot, SITE } from './snapshot';

export interface GoogleVoiceAdapterOptions {
  /** Trailing delay that coalesces bursts of mutations into one read. */
  readDelayMs?: number;
  /** A problem must persist this long before it is reported. */
  problemGraceMs?: number;
  /** Call tracker timings (how long an ended call stays shown, …). */
  tracker?: CallTrackerOptions;
  /** The clock; replaceable in tests. */
  now?: () => number;
  /** The reader; replaceable in tests. */
  read?: typeof readGoogleVoiceSnapshot;
}

const READ_DELAY_MS = 50;
const PROBLEM_GRACE_MS = 1500;
const WATCHED_ATTRIBUTES = ['gv-test-id', 'gv-id', 'aria-label', 'aria-disabled', 'disabled'];
// GV's message box: typing there needs no re-read.
const GV_EDITABLE = '[contenteditable=true], [contenteditable=""]';
// Any of GV's sound effects starting or stopping is a moment the call may have changed.
const GV_AUDIO = 'audio[gv-id]';

export const INSERT_REFUSED = 'Google Voice has no compose to insert into';

export function startGoogleVoiceAdapter(
  doc: Document,
  events: AdapterEvents,
  signal: AbortSignal,
  options: GoogleVoiceAdapterOptions = {},
): void {
  if (signal.aborted) return;
  const { readDelayMs = READ_DELAY_MS, problemGraceMs = PROBLEM_GRACE_MS, now = Date.now, read = readGoogleVoiceSnapshot } = options;
  const tracker = createCallTracker(options.tracker);

  // The in-call timer, watched on its own while it shows.
  let timer: Element | null = null;
  const timerObserver = new MutationObserver(() => {
    const sec = parseTimer(timer?.textContent);
    if (sec !== null) tracker.noteTimer(sec, now());
  });
  function followTimer() {
    const found = findCallTimer(doc);
    if (found === timer) return;
    timerObserver.disconnect();
    timer = found;
    if (found) timerObserver.observe(found, { characterData: true, childList: true, subtree: true });
  }

  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    const at = tracker.nextChangeAt();
    if (at !== null) expiryTimer = setTimeout(() => watcher.schedule(), Math.max(0, at - now()) + 1);
  }

  const watcher = startPageWatcher(doc, signal, {
    read: () => {
      const snapshot = read(doc, tracker, now());
      followTimer();
      scheduleExpiry();
      return snapshot;
    },
    report: (snapshot) => events.snapshot(snapshot),
    readDelayMs,
    problemGraceMs,
    watchedAttributes: WATCHED_ATTRIBUTES,
    editableSelector: GV_EDITABLE,
  });

  const onMedia = (event: Event) => {
    const audio = elementOf(event.target);
    if (!audio?.matches(GV_AUDIO)) return;
    if (event.type === 'play' && matchesAny(audio, 'inboundRing')) tracker.noteRing(now());
    watcher.schedule();
  };
  for (const type of ['play', 'pause', 'ended']) doc.addEventListener(type, onMedia, { capture: true, signal });

  const onClick = (event: Event) => {
    const target = elementOf(event.target);
    const button = target && closestFirst(target, 'callNumberButton');
    const phone = findPhoneIn(button?.getAttribute('aria-label'));
    if (!phone) return;
    tracker.noteDialHint(phone, now());
    watcher.schedule();
  };
  doc.addEventListener('click', onClick, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      timerObserver.disconnect();
      clearTimeout(expiryTimer);
    },
    { once: true },
  );
}

export const googleVoiceAdapter: SiteAdapter = {
  site: SITE,
  kind: 'softphone',
  start(events, signal) {
    startGoogleVoiceAdapter(document, events, signal);
  },
  // A softphone has nothing to insert a template into; `sent` is never reported either.
  async insert() {
    return { ok: false, reason: INSERT_REFUSED };
  },
};
