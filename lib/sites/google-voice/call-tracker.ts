// The one place the Google Voice call state machine lives (softphones.md 1.2-1.4). It is fed successive
// readings of the call panel (parse-call.ts) with the time, plus early hints (the inbound ring's `play`,
// the in-call timer's ticks, a clicked "Call …" button), and says which call to show:
//
//   (no call) ──active──▶ dialing (out) / ringing (in) ──connected──▶ connected ──inactive──▶ ended
//                                   └────────────────────inactive─────────────────────────▶ ended (0 s)
//
// - Direction is fixed by the first reading that knows it (the pickup button is there only while an
//   incoming call rings and goes once it is answered); a ring heard just before counts as incoming;
//   until then the call shows as outgoing.
// - Connected when the panel says so (timer, quiet status), or when a ringing incoming call loses its
//   pickup button while still on (answered; the fallback when GV's status and timer are not found).
// - Ended when the panel goes. Talk time: the last timer value seen (GV's own clock), extended by the
//   time since if that value is stale; else endedAt − connectedAt; 0 for a call that never connected
//   (missed, declined, not answered).
// - The ended call stays shown (for the outcome form) until a new call starts or `keepEndedMs` passes.
// Pure: no DOM, no timers; the adapter asks `nextChangeAt()` when to read again.

import type { CallInfo } from '../types';
import type { CallPanelReading } from './parse-call';
import { samePhone } from './parse-call';

export interface CallTrackerOptions {
  /** How long an ended call stays shown (default 10 min). */
  keepEndedMs?: number;
  /** A ring this close before a call's first reading makes it incoming (default 10 s). */
  ringHintMs?: number;
  /** A last timer value older than this at the end is extended by the time since (default 2.5 s). */
  timerFreshMs?: number;
  /** How long a clicked "Call …" number stands for the dialled one when no call shows (default 10 min). */
  dialHintMs?: number;
}

/** The call to show: its id, the other party, and its CallInfo. */
export interface TrackedCall {
  id: string;
  phone: string | null;
  name: string;
  call: CallInfo;
}

/** A number being dialled while no call is on, and since when one has been. */
export interface TrackedDial {
  phone: string;
  since: number;
}

export interface CallTracker {
  /** One reading of the panel at `now`: returns the call to show (on, or recently ended), or null. */
  update(reading: CallPanelReading, now: number): TrackedCall | null;
  /** The inbound ring started playing: an incoming call. */
  noteRing(now: number): void;
  /** The in-call timer shows `sec` (read between panel readings, as it ticks). */
  noteTimer(sec: number, now: number): void;
  /** The user clicked a button that calls `phone` (a history row's "Call …"). */
  noteDialHint(phone: string, now: number): void;
  /**
   * The dialled-number context while no call is on. `typed` is what the dialler shows (null when a
   * call is on or nothing is typed); a clicked number stands in when nothing is typed. Not shown when
   * it is the number of the ended call still shown.
   */
  dial(typed: string | null, now: number): TrackedDial | null;
  /** When what `update`/`dial` return changes without the page changing (an expiry), or null. */
  nextChangeAt(): number | null;
}

interface Call {
  id: string;
  startedAt: number;
  direction: 'in' | 'out' | null;
  connectedAt: number | null;
  endedAt: number | null;
  durationSec: number | null;
  phone: string | null;
  name: string;
  /** An incoming call was seen ringing (pickup button shown). */
  sawRinging: boolean;
  lastTimer: { sec: number; at: number } | null;
}

const KEEP_ENDED_MS = 10 * 60_000;
const RING_HINT_MS = 10_000;
const TIMER_FRESH_MS = 2500;
const DIAL_HINT_MS = 10 * 60_000;

export function createCallTracker(options: CallTrackerOptions = {}): CallTracker {
  const {
    keepEndedMs = KEEP_ENDED_MS,
    ringHintMs = RING_HINT_MS,
    timerFreshMs = TIMER_FRESH_MS,
    dialHintMs = DIAL_HINT_MS,
  } = options;
  let counter = 0;
  let current: Call | null = null;
  let ringAt = -Infinity;
  let hint: { phone: string; at: number } | null = null;
  let dialSince: number | null = null;

  const live = () => (current && current.endedAt === null ? current : null);

  function expire(now: number) {
    if (current?.endedAt != null && now - current.endedAt >= keepEndedMs) current = null;
    if (hint && now - hint.at >= dialHintMs) hint = null;
  }

  function begin(now: number): Call {
    counter += 1;
    hint = null;
    dialSince = null;
    return {
      id: `gv-call-${counter}-${now}`,
      startedAt: now,
      direction: null,
      connectedAt: null,
      endedAt: null,
      durationSec: null,
      phone: null,
      name: '',
      sawRinging: false,
      lastTimer: null,
    };
  }

  function end(call: Call, now: number) {
    call.endedAt = now;
    if (call.connectedAt === null) call.durationSec = 0;
    else if (call.lastTimer) {
      const since = now - call.lastTimer.at;
      call.durationSec = call.lastTimer.sec + (since <= timerFreshMs ? 0 : Math.round(since / 1000));
    } else call.durationSec = Math.max(0, Math.round((now - call.connectedAt) / 1000));
  }

  function connect(call: Call, now: number, timerSec: number | null) {
    if (call.connectedAt !== null) return;
    // A timer first seen at 00:03 (the connection fell between two reads) dates it back, never before
    // the call was first seen.
    call.connectedAt = Math.max(call.startedAt, now - (timerSec ?? 0) * 1000);
  }

  function view(call: Call): TrackedCall {
    const direction = call.direction ?? 'out';
    const state: CallInfo['state'] =
      call.endedAt !== null ? 'ended' : call.connectedAt !== null ? 'connected' : direction === 'in' ? 'ringing' : 'dialing';
    return {
      id: call.id,
      phone: call.phone,
      name: call.name,
      call: {
        direction,
        state,
        startedAt: call.startedAt,
        connectedAt: call.connectedAt,
        endedAt: call.endedAt,
        // Only once ended: a live count would change every second (the sidebar can count from connectedAt).
        durationSec: call.endedAt !== null ? call.durationSec : null,
      },
    };
  }

  function noteTimer(sec: number, now: number) {
    const call = live();
    if (!call) return;
    call.lastTimer = { sec, at: now };
    connect(call, now, sec);
  }

  return {
    update(reading, now) {
      expire(now);
      if (!reading.active) {
        const call = live();
        if (call) end(call, now);
        return current && view(current);
      }
      const call = live() ?? (current = begin(now));
      if (reading.number) call.phone = reading.number;
      if (reading.name) call.name = reading.name;
      if (call.direction === null) {
        if (reading.incoming !== null) call.direction = reading.incoming ? 'in' : 'out';
        else if (now - ringAt <= ringHintMs) call.direction = 'in';
      }
      const ringing = reading.incoming === true && !reading.connected;
      if (ringing) call.sawRinging = true;
      if (reading.timerSec !== null) noteTimer(reading.timerSec, now);
      else if (reading.connected || (call.sawRinging && !ringing)) connect(call, now, null);
      return view(call);
    },

    noteRing(now) {
      ringAt = now;
      const call = live();
      if (call && call.direction === null) call.direction = 'in';
    },

    noteTimer,

    noteDialHint(phone, now) {
      hint = { phone, at: now };
    },

    dial(typed, now) {
      expire(now);
      if (live()) {
        dialSince = null;
        return null;
      }
      // What is typed supersedes a number clicked earlier.
      if (typed) hint = null;
      const phone = typed ?? hint?.phone ?? null;
      if (!phone || (current && samePhone(current.phone, phone))) {
        dialSince = null;
        return null;
      }
      dialSince ??= now;
      return { phone, since: dialSince };
    },

    nextChangeAt() {
      const times = [current?.endedAt != null ? current.endedAt + keepEndedMs : Infinity, hint ? hint.at + dialHintMs : Infinity];
      const next = Math.min(...times);
      return next === Infinity ? null : next;
    },
  };
}
