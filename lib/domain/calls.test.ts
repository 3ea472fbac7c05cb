import { describe, expect, it } from 'vitest';
import { awaitsOutcome, callSummary, callSummaryLine, countCalls, countPhoneOffers, countsAsContact, formatCallDuration, narrowByExtension } from './calls';
import { testClient, testContact } from './client-list-fixtures';
import type { ClientMatch } from './match';
import type { Activity, ActivityType } from './types';

let seq = 0;
function activity(type: ActivityType, clientId: string | null, day = '2026-06-01', extra: Partial<Activity> = {}): Activity {
  seq++;
  return {
    id: `a${seq}`, ownerId: 'm1', createdAt: '', updatedAt: '', deletedAt: null, type, clientId, contactId: null,
    at: `${day}T10:00:00.000Z`, dayKey: day, channelRef: `call:${seq}`, templateId: null, outcome: null, summary: '', retractsId: null, ...extra,
  };
}

describe('countPhoneOffers: one per client a day', () => {
  it('counts two offers to one company on one day once', () => {
    expect(countPhoneOffers([activity('phone_offer', 'c1'), activity('phone_offer', 'c1')], '2026-06-01')).toBe(1);
  });

  it('counts offers to two companies twice, and each offer to a number without a client', () => {
    const offers = [activity('phone_offer', 'c1'), activity('phone_offer', 'c2'), activity('phone_offer', null), activity('phone_offer', null)];
    expect(countPhoneOffers(offers, '2026-06-01')).toBe(4);
  });

  it('counts only that day, only phone offers, never deleted rows', () => {
    const list = [
      activity('phone_offer', 'c1', '2026-05-31'),
      activity('email_offer', 'c2'),
      activity('call', 'c3'),
      activity('phone_offer', 'c4', '2026-06-01', { deletedAt: '2026-06-01T12:00:00.000Z' }),
    ];
    expect(countPhoneOffers(list, '2026-06-01')).toBe(0);
    expect(countPhoneOffers(list, '2026-05-31')).toBe(1);
  });
});

describe('countCalls: each call counts', () => {
  it('counts two calls to one company on one day twice, whatever their outcome', () => {
    const calls = [activity('call', 'c1', '2026-06-01', { outcome: 'reached' }), activity('call', 'c1', '2026-06-01', { outcome: 'no-answer' })];
    expect(countCalls([...calls, activity('phone_offer', 'c1')], '2026-06-01')).toBe(2);
  });

  it('counts a dial not logged yet and a call without a client, not other days or deleted rows', () => {
    const list = [
      activity('call', null, '2026-06-01', { outcome: 'attempted' }),
      activity('call', 'c1', '2026-06-02'),
      activity('call', 'c1', '2026-06-01', { deletedAt: '2026-06-01T12:00:00.000Z' }),
    ];
    expect(countCalls(list, '2026-06-01')).toBe(1);
  });
});

describe('callSummaryLine and formatCallDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [200, '3 min 20 s'],
    [3600, '1 h'],
    [3900, '1 h 5 min'],
    [59.6, '1 min'],
  ])('reads %s seconds as %s', (sec, text) => {
    expect(formatCallDuration(sec)).toBe(text);
  });

  it('says the direction, the duration when known, and the outcome', () => {
    expect(callSummaryLine({ direction: 'out', durationSec: 200, outcome: 'reached' })).toBe('Outgoing call, 3 min 20 s, reached');
    expect(callSummaryLine({ direction: 'in', durationSec: null, outcome: 'wrong-number' })).toBe('Incoming call, wrong number');
    expect(callSummaryLine({ direction: 'out', durationSec: null, outcome: 'attempted' })).toBe('Outgoing call, dialled');
  });

  it('puts the note under the line, and no blank line without a note', () => {
    expect(callSummary('Outgoing call, busy', '  Call back after 3 ')).toBe('Outgoing call, busy\nCall back after 3');
    expect(callSummary('Outgoing call, busy', ' ')).toBe('Outgoing call, busy');
  });
});

describe('countsAsContact', () => {
  it('is a contact only when someone was reached or an offer made', () => {
    expect(countsAsContact('reached', false)).toBe(true);
    expect(countsAsContact('voicemail', true)).toBe(true);
    for (const outcome of ['no-answer', 'busy', 'wrong-number', 'voicemail', 'attempted'] as const) expect(countsAsContact(outcome, false)).toBe(false);
  });
});

describe('awaitsOutcome', () => {
  it('is true for a click-to-call not logged yet only', () => {
    expect(awaitsOutcome({ type: 'call', outcome: 'attempted' })).toBe(true);
    expect(awaitsOutcome({ type: 'call', outcome: 'reached' })).toBe(false);
    expect(awaitsOutcome({ type: 'note', outcome: 'attempted' })).toBe(false);
  });
});

describe('narrowByExtension', () => {
  const board = '+74951234567';
  const rosstal = testClient({ id: 'c1', name: 'Rosstal', phones: [{ raw: '', e164: board, ext: null }] });
  const volga = testClient({ id: 'c2', name: 'Volga' });
  const olga = testContact({ id: 'p2', clientId: 'c2', phones: [{ raw: '', e164: board, ext: '34' }] });
  const matches: ClientMatch[] = [
    { client: rosstal, contact: null, by: 'phone', confirmed: true },
    { client: volga, contact: olga, by: 'phone', confirmed: true },
  ];

  it('keeps the card holding the exact extension', () => {
    expect(narrowByExtension(matches, { e164: board, ext: '34' }).map((m) => m.client.id)).toEqual(['c2']);
  });

  it('keeps every match without an extension, or when no card holds it', () => {
    expect(narrowByExtension(matches, { e164: board, ext: null })).toHaveLength(2);
    expect(narrowByExtension(matches, { e164: board, ext: '99' })).toHaveLength(2);
  });
});
