import { describe, expect, it } from 'vitest';
import { createCallTracker, type CallTracker, type TrackedCall } from './call-tracker';
import { IDLE_READING, type CallPanelReading } from './parse-call';

const T0 = 1_750_000_000_000;
const IVAN = { number: '+7 495 123-45-67', name: 'Ivan Petrov' };
const reading = (r: Partial<CallPanelReading>): CallPanelReading => ({ ...IDLE_READING, active: true, ...r });
const ringingIn = reading({ ...IVAN, incoming: true });
const callingOut = reading({ ...IVAN, incoming: false });
const connected = (timerSec: number | null) => reading({ ...IVAN, incoming: null, connected: true, timerSec });

/** Feeds [ms after T0, reading] pairs; returns what each step showed. */
function run(tracker: CallTracker, steps: [number, CallPanelReading][]): (TrackedCall | null)[] {
  return steps.map(([at, r]) => tracker.update(r, T0 + at));
}
const states = (shown: (TrackedCall | null)[]) => shown.map((s) => s && `${s.call.direction}:${s.call.state}`);

describe('call tracker', () => {
  it('shows nothing while idle', () => {
    const tracker = createCallTracker();
    expect(tracker.update(IDLE_READING, T0)).toBeNull();
    expect(tracker.nextChangeAt()).toBeNull();
  });

  it('incoming, missed: ringing → ended with 0 s', () => {
    const shown = run(createCallTracker(), [
      [0, ringingIn],
      [5000, ringingIn],
      [20_000, IDLE_READING],
    ]);
    expect(states(shown)).toEqual(['in:ringing', 'in:ringing', 'in:ended']);
    expect(shown[2]).toEqual({
      id: `gv-call-1-${T0}`,
      phone: '+7 495 123-45-67',
      name: 'Ivan Petrov',
      call: { direction: 'in', state: 'ended', startedAt: T0, connectedAt: null, endedAt: T0 + 20_000, durationSec: 0 },
    });
  });

  it("incoming, answered, hung up: direction stays 'in' after the pickup button goes; duration from the timer", () => {
    const tracker = createCallTracker();
    const shown = run(tracker, [
      [0, ringingIn],
      [3000, connected(0)],
    ]);
    for (let s = 1; s <= 14; s += 1) tracker.noteTimer(s, T0 + 3000 + s * 1000);
    shown.push(tracker.update(IDLE_READING, T0 + 17_600));
    expect(states(shown)).toEqual(['in:ringing', 'in:connected', 'in:ended']);
    expect(shown[1]?.call).toMatchObject({ connectedAt: T0 + 3000, durationSec: null });
    expect(shown[2]?.call).toMatchObject({ connectedAt: T0 + 3000, endedAt: T0 + 17_600, durationSec: 14 });
    expect(new Set(shown.map((s) => s?.id)).size).toBe(1);
  });

  it('outgoing, connected: dialing → connected (timer seen in readings) → ended', () => {
    const shown = run(createCallTracker(), [
      [0, callingOut],
      [8000, connected(0)],
      [9000, connected(1)],
      [68_000, connected(60)],
      [68_400, IDLE_READING],
    ]);
    expect(states(shown)).toEqual(['out:dialing', 'out:connected', 'out:connected', 'out:connected', 'out:ended']);
    expect(shown[4]?.call).toMatchObject({ connectedAt: T0 + 8000, durationSec: 60 });
  });

  it('outgoing, no answer: dialing → ended with 0 s', () => {
    const shown = run(createCallTracker(), [
      [0, callingOut],
      [30_000, IDLE_READING],
    ]);
    expect(states(shown)).toEqual(['out:dialing', 'out:ended']);
    expect(shown[1]?.call.durationSec).toBe(0);
  });

  it('extends a stale last timer value by the time since', () => {
    const shown = run(createCallTracker(), [
      [0, callingOut],
      [1000, connected(0)],
      [15_000, connected(14)],
      [25_000, IDLE_READING],
    ]);
    expect(shown[3]?.call.durationSec).toBe(24);
  });

  it('without any timer, the talk time is endedAt − connectedAt', () => {
    const shown = run(createCallTracker(), [
      [0, callingOut],
      [2000, connected(null)],
      [47_400, IDLE_READING],
    ]);
    expect(shown[2]?.call).toMatchObject({ state: 'ended', connectedAt: T0 + 2000, durationSec: 45 });
  });

  it('dates the connection back by a timer first seen late, but never before the call was seen', () => {
    const tracker = createCallTracker();
    expect(run(tracker, [[0, callingOut], [10_000, connected(3)]])[1]?.call.connectedAt).toBe(T0 + 7000);
    // Started mid-call: the adapter first sees the call at 00:14.
    const late = createCallTracker();
    const shown = run(late, [[0, connected(14)], [1000, connected(15)], [1500, IDLE_READING]]);
    expect(shown[0]?.call).toMatchObject({ state: 'connected', startedAt: T0, connectedAt: T0 });
    expect(shown[2]?.call.durationSec).toBe(15);
  });

  it('fixes the direction at the first reading that knows it', () => {
    const shown = run(createCallTracker(), [
      [0, reading({ ...IVAN, incoming: null })], // not known yet: shown as outgoing for now
      [500, ringingIn],
      [3000, reading({ ...IVAN, incoming: false })], // answered: mute enabled, no pickup
      [4000, connected(0)],
    ]);
    expect(states(shown)).toEqual(['out:dialing', 'in:ringing', 'in:connected', 'in:connected']);
    expect(shown.map((s) => s?.call.direction)).toEqual(['out', 'in', 'in', 'in']);
  });

  it('counts a ringing incoming call that loses its pickup button while on as answered', () => {
    const shown = run(createCallTracker(), [
      [0, ringingIn],
      [2000, reading({ ...IVAN, incoming: null })],
      [12_000, IDLE_READING],
    ]);
    expect(states(shown)).toEqual(['in:ringing', 'in:connected', 'in:ended']);
    expect(shown[2]?.call.durationSec).toBe(10);
  });

  it('takes a ring heard just before (or during) an unknown-direction call as incoming', () => {
    const before = createCallTracker();
    before.noteRing(T0 - 500);
    expect(before.update(reading({ ...IVAN }), T0)?.call).toMatchObject({ direction: 'in', state: 'ringing' });

    const during = createCallTracker();
    during.update(reading({ ...IVAN }), T0);
    during.noteRing(T0 + 100);
    expect(during.update(reading({ ...IVAN }), T0 + 200)?.call.direction).toBe('in');

    const long = createCallTracker();
    long.noteRing(T0 - 60_000);
    expect(long.update(reading({ ...IVAN }), T0)?.call.direction).toBe('out');
  });

  it('never goes back from connected, and keeps the first number it read when one goes missing', () => {
    const shown = run(createCallTracker(), [
      [0, callingOut],
      [1000, connected(0)],
      [2000, reading({ number: null, name: '', incoming: false })],
    ]);
    expect(shown[2]?.call.state).toBe('connected');
    expect(shown[2]).toMatchObject({ phone: '+7 495 123-45-67', name: 'Ivan Petrov' });
  });

  it('keeps the ended call ~10 minutes, or until the next call starts, which gets a new id', () => {
    const tracker = createCallTracker({ keepEndedMs: 600_000 });
    const first = run(tracker, [[0, ringingIn], [5000, IDLE_READING]])[1];
    expect(tracker.nextChangeAt()).toBe(T0 + 5000 + 600_000);
    expect(tracker.update(IDLE_READING, T0 + 604_999)?.id).toBe(first?.id);
    expect(tracker.update(IDLE_READING, T0 + 605_000)).toBeNull();
    expect(tracker.nextChangeAt()).toBeNull();

    const again = createCallTracker();
    const [a, , b] = run(again, [[0, ringingIn], [5000, IDLE_READING], [9000, callingOut]]);
    expect(b?.id).not.toBe(a?.id);
    expect(b?.id).toBe(`gv-call-2-${T0 + 9000}`);
    expect(b?.call).toMatchObject({ direction: 'out', state: 'dialing', startedAt: T0 + 9000 });
  });
});

describe('call tracker: the dialled number', () => {
  it('shows a typed number with a stable start while it is edited, none during a call', () => {
    const tracker = createCallTracker();
    expect(tracker.dial(null, T0)).toBeNull();
    expect(tracker.dial('+1 12', T0 + 100)).toEqual({ phone: '+1 12', since: T0 + 100 });
    expect(tracker.dial('+1 123', T0 + 300)).toEqual({ phone: '+1 123', since: T0 + 100 });
    tracker.update(callingOut, T0 + 500);
    expect(tracker.dial('+1 123', T0 + 600)).toBeNull();
  });

  it('hides the dialled number while it is the number of the ended call still shown', () => {
    const tracker = createCallTracker();
    run(tracker, [[0, callingOut], [5000, IDLE_READING]]);
    expect(tracker.dial('74951234567', T0 + 6000)).toBeNull();
    expect(tracker.dial('+1 202 555 0143', T0 + 7000)).toEqual({ phone: '+1 202 555 0143', since: T0 + 7000 });
  });

  it('stands a clicked number in for the dialled one until a call starts or it expires', () => {
    const tracker = createCallTracker({ dialHintMs: 60_000 });
    tracker.noteDialHint('(202) 555-0143', T0);
    expect(tracker.dial(null, T0 + 10)).toEqual({ phone: '(202) 555-0143', since: T0 + 10 });
    expect(tracker.nextChangeAt()).toBe(T0 + 60_000);
    expect(tracker.dial(null, T0 + 60_000)).toBeNull();

    tracker.noteDialHint('(202) 555-0143', T0 + 70_000);
    tracker.update(callingOut, T0 + 71_000);
    tracker.update(IDLE_READING, T0 + 72_000);
    expect(tracker.dial(null, T0 + 73_000)).toBeNull();
  });

  it('lets a typed number supersede a clicked one', () => {
    const tracker = createCallTracker();
    tracker.noteDialHint('(202) 555-0143', T0);
    expect(tracker.dial('+1123', T0 + 10)?.phone).toBe('+1123');
    expect(tracker.dial(null, T0 + 20)).toBeNull();
  });
});
