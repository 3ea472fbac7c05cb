import { describe, expect, it } from 'vitest';
import { createCallConnections } from './connections';
import type { LocalConnectionUpdate } from './messages';

const T0 = Date.UTC(2026, 4, 12, 9, 0, 0);
const s = (sec: number) => T0 + sec * 1000;
const INSERTED = 2;
const UPDATED = 3;
const DELETED = 4;
const RINGING = 1;
const DIALING = 2;
const CONNECTED = 3;

const update = (u: Partial<LocalConnectionUpdate> & { action: number }): LocalConnectionUpdate => ({ id: '7', ...u });

describe('3CX call state machine', () => {
  it('an incoming call that is missed: ringing in, then ended with no talk time', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, callId: '501', state: RINGING, isIncoming: true, otherPartyCallerId: '+7 495 123-45-67', otherPartyDisplayName: 'Ivan Petrov' }), s(0));
    expect(calls.contexts(s(1))).toEqual([
      {
        kind: 'call',
        id: '501',
        subject: '',
        correspondents: [{ email: null, name: 'Ivan Petrov', role: 'from', phone: '+7 495 123-45-67' }],
        call: { direction: 'in', state: 'ringing', startedAt: s(0), connectedAt: null, endedAt: null, durationSec: null },
      },
    ]);
    expect(calls.hasLive()).toBe(true);
    expect(calls.apply(update({ action: DELETED }), s(20))).toBe(true);
    expect(calls.contexts(s(21))[0]?.call).toEqual({ direction: 'in', state: 'ended', startedAt: s(0), connectedAt: null, endedAt: s(20), durationSec: 0 });
    expect(calls.hasLive()).toBe(false);
  });

  it('an incoming call answered and hung up: the duration runs from connected to deleted', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, callId: '501', state: RINGING, isIncoming: true, otherPartyCallerId: '+74951234567' }), s(0));
    calls.apply(update({ action: UPDATED, state: CONNECTED }), s(8));
    const talking = calls.contexts(s(30))[0]!;
    expect(talking.call).toMatchObject({ direction: 'in', state: 'connected', connectedAt: s(8), durationSec: null });
    // The delta update kept the number and direction it did not repeat.
    expect(talking.correspondents[0]).toMatchObject({ role: 'from', phone: '+74951234567' });
    calls.apply(update({ action: DELETED }), s(8 + 125.4));
    expect(calls.contexts(s(140))[0]?.call).toMatchObject({ state: 'ended', connectedAt: s(8), endedAt: s(133.4), durationSec: 125 });
  });

  it('an outgoing call: dialing → ringing → connected → ended, always out', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, callId: '900', state: DIALING, isIncoming: false, otherPartyDn: '+74957654321' }), s(0));
    expect(calls.contexts(s(0))[0]).toMatchObject({ id: '900', correspondents: [{ role: 'to', phone: '+74957654321', name: '' }], call: { direction: 'out', state: 'dialing' } });
    calls.apply(update({ action: UPDATED, state: RINGING }), s(2));
    expect(calls.contexts(s(2))[0]?.call).toMatchObject({ direction: 'out', state: 'ringing' });
    calls.apply(update({ action: UPDATED, state: CONNECTED, otherPartyDisplayName: 'Acme reception' }), s(10));
    expect(calls.contexts(s(10))[0]).toMatchObject({ correspondents: [{ name: 'Acme reception', role: 'to' }], call: { state: 'connected', connectedAt: s(10) } });
    calls.apply(update({ action: DELETED }), s(70));
    expect(calls.contexts(s(70))[0]?.call).toEqual({ direction: 'out', state: 'ended', startedAt: s(0), connectedAt: s(10), endedAt: s(70), durationSec: 60 });
  });

  it('the direction is fixed once known', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, state: DIALING }), s(0)); // Dialing means outgoing
    calls.apply(update({ action: UPDATED, isIncoming: true, state: RINGING }), s(1));
    expect(calls.contexts(s(1))[0]?.call?.direction).toBe('out');

    const other = createCallConnections();
    // Ringing without IsIncoming counts as incoming until the flag arrives; then it is fixed.
    other.apply(update({ action: INSERTED, state: RINGING }), s(0));
    expect(other.contexts(s(0))[0]?.call?.direction).toBe('in');
    other.apply(update({ action: UPDATED, isIncoming: false }), s(1));
    other.apply(update({ action: UPDATED, isIncoming: true }), s(2));
    expect(other.contexts(s(2))[0]).toMatchObject({ correspondents: [{ role: 'to' }], call: { direction: 'out', state: 'ringing' } });
  });

  it('connectedAt is set once, even if the call is connected again (after hold)', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, state: CONNECTED, isIncoming: true }), s(0));
    calls.apply(update({ action: UPDATED, state: CONNECTED }), s(30));
    calls.apply(update({ action: DELETED }), s(45));
    expect(calls.contexts(s(45))[0]?.call).toMatchObject({ connectedAt: s(0), durationSec: 45 });
  });

  it('an ended call stays until a new call starts', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, id: '1', callId: 'a', state: RINGING, isIncoming: true }), s(0));
    calls.apply(update({ action: DELETED, id: '1' }), s(5));
    expect(calls.contexts(s(100)).map((c) => c.id)).toEqual(['a']);
    calls.apply(update({ action: INSERTED, id: '2', callId: 'b', state: DIALING }), s(120));
    expect(calls.contexts(s(121)).map((c) => c.id)).toEqual(['b']);
  });

  it('an ended call expires after keepEndedMs', () => {
    const calls = createCallConnections(60_000);
    calls.apply(update({ action: INSERTED, state: RINGING, isIncoming: true }), s(0));
    expect(calls.nextExpiryAt()).toBeNull();
    calls.apply(update({ action: DELETED }), s(10));
    expect(calls.nextExpiryAt()).toBe(s(70));
    expect(calls.contexts(s(69))).toHaveLength(1);
    expect(calls.contexts(s(70))).toEqual([]);
    expect(calls.nextExpiryAt()).toBeNull();
  });

  it('two calls at once (call waiting) are two contexts, oldest first', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, id: '1', callId: 'a', state: CONNECTED, isIncoming: false }), s(0));
    calls.apply(update({ action: INSERTED, id: '2', callId: 'b', state: RINGING, isIncoming: true }), s(30));
    expect(calls.contexts(s(31)).map((c) => [c.id, c.call?.state])).toEqual([
      ['a', 'connected'],
      ['b', 'ringing'],
    ]);
    expect(calls.latestStartedAt()).toBe(s(30));
  });

  it('context ids: the call id, else the connection id; a call id two connections share is not reused', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, id: '1', state: DIALING }), s(0));
    calls.apply(update({ action: INSERTED, id: '2', callId: 'x', state: RINGING }), s(1));
    calls.apply(update({ action: INSERTED, id: '3', callId: 'x', state: RINGING }), s(2));
    expect(calls.contexts(s(3)).map((c) => c.id)).toEqual(['conn-1', 'x', 'conn-3']);
    // A call id learned later does not move the context.
    calls.apply(update({ action: UPDATED, id: '1', callId: 'late' }), s(4));
    expect(calls.contexts(s(4))[0]?.id).toBe('conn-1');
  });

  it('the number: caller id first, else the dn; bidi marks and outer spaces removed', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, id: '1', state: RINGING, isIncoming: true, otherPartyDn: '205', otherPartyCallerId: ' \u202A+7 495 123\u202C ' }), s(0));
    calls.apply(update({ action: INSERTED, id: '2', state: RINGING, isIncoming: true, otherPartyDn: '205', otherPartyCallerId: '' }), s(1));
    calls.apply(update({ action: INSERTED, id: '3', state: RINGING, isIncoming: true }), s(2));
    expect(calls.contexts(s(2)).map((c) => c.correspondents[0]?.phone)).toEqual(['+7 495 123', '205', null]);
  });

  it('updates we cannot place: an unknown id is created (we started late), a delete of one we never saw or a late update after the end is ignored', () => {
    const calls = createCallConnections();
    expect(calls.apply(update({ action: DELETED, id: '40' }), s(0))).toBe(false);
    expect(calls.apply(update({ action: UPDATED, id: '41', state: CONNECTED, isIncoming: true }), s(1))).toBe(true);
    expect(calls.contexts(s(1))[0]?.call).toMatchObject({ state: 'connected', connectedAt: s(1) });
    calls.apply(update({ action: DELETED, id: '41' }), s(9));
    expect(calls.apply(update({ action: UPDATED, id: '41', state: CONNECTED }), s(10))).toBe(false);
    expect(calls.apply(update({ action: DELETED, id: '41' }), s(11))).toBe(false);
    expect(calls.contexts(s(12))[0]?.call).toMatchObject({ state: 'ended', endedAt: s(9), durationSec: 8 });
  });

  it('reports whether an update changed anything', () => {
    const calls = createCallConnections();
    expect(calls.apply(update({ action: INSERTED, state: RINGING, isIncoming: true }), s(0))).toBe(true);
    expect(calls.apply(update({ action: UPDATED, state: RINGING }), s(1))).toBe(false);
    expect(calls.apply(update({ action: UPDATED, state: CONNECTED }), s(2))).toBe(true);
  });

  it('a connection id inserted again after it ended is a new call', () => {
    const calls = createCallConnections();
    calls.apply(update({ action: INSERTED, state: RINGING, isIncoming: true }), s(0));
    calls.apply(update({ action: DELETED }), s(5));
    calls.apply(update({ action: INSERTED, state: DIALING, isIncoming: false }), s(60));
    expect(calls.contexts(s(60)).map((c) => c.call)).toEqual([
      { direction: 'out', state: 'dialing', startedAt: s(60), connectedAt: null, endedAt: null, durationSec: null },
    ]);
  });
});
