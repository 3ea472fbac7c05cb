import { describe, expect, it } from 'vitest';
import {
  agendaSummary,
  buildAgenda,
  isContactActivity,
  lastContactDays,
  nextOccurrence,
  reminderText,
  type AgendaInput,
  type ComplaintLike,
  type ContactActivity,
  type ContractLike,
} from './agenda';
import { testClient, testContact } from './client-list-fixtures';
import type { Client, Contact } from './types';

const TODAY = '2026-03-16';
const settings = { timeZone: 'Europe/Moscow', quotas: { contactEveryDays: 30 } };

function input(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return { clients: [], contacts: [], lastActivityDayByClient: new Map(), contracts: [], complaints: [], ...overrides };
}

function activity(overrides: Partial<ContactActivity>): ContactActivity {
  return { type: 'email', outcome: null, clientId: 'c1', dayKey: '2026-03-10', at: '2026-03-10T09:00:00.000Z', deletedAt: null, ...overrides };
}

const ids = (items: readonly { clientId: string }[]) => items.map((item) => item.clientId);

describe('not contacted for 30 days', () => {
  it('lists a client whose last contact is 30 or more days ago, or who was never contacted', () => {
    const clients = [
      testClient({ id: 'c30', name: 'Thirty', lastContactAt: '2026-02-14T10:00:00.000Z' }), // 30 days before 16 Mar
      testClient({ id: 'c29', name: 'Twenty-nine', lastContactAt: '2026-02-15T10:00:00.000Z' }),
      testClient({ id: 'never', name: 'Never' }),
    ];
    const agenda = buildAgenda(input({ clients }), TODAY, settings);
    expect(ids(agenda.notContacted)).toEqual(['never', 'c30']);
    expect(agenda.notContacted[1]).toMatchObject({ lastContactDay: '2026-02-14', daysSinceContact: 30, reason: 'No contact for 30 days' });
    expect(agenda.notContacted[0]).toMatchObject({ lastContactDay: null, reason: 'Never contacted' });
  });

  it('dates a stored timestamp in the settings zone', () => {
    // 22:00 UTC on 14 Feb is already 15 Feb in Moscow: 29 days ago, not due.
    const clients = [testClient({ id: 'c1', lastContactAt: '2026-02-14T22:00:00.000Z' })];
    expect(buildAgenda(input({ clients }), TODAY, settings).notContacted).toEqual([]);
    expect(buildAgenda(input({ clients }), TODAY, { ...settings, timeZone: 'UTC' }).notContacted).toHaveLength(1);
  });

  it('resets the clock on any logged mail, offer, meeting or reached call, but not on a note', () => {
    const clients = [testClient({ id: 'c1', lastContactAt: '2026-01-01T10:00:00.000Z' })];
    const dueWith = (activities: ContactActivity[]) =>
      buildAgenda(input({ clients, lastActivityDayByClient: lastContactDays(activities, settings.timeZone) }), TODAY, settings).notContacted.length;

    expect(dueWith([])).toBe(1);
    expect(dueWith([activity({ type: 'email_offer' })])).toBe(0);
    expect(dueWith([activity({ type: 'phone_offer' })])).toBe(0);
    expect(dueWith([activity({ type: 'call', outcome: 'reached' })])).toBe(0);
    expect(dueWith([activity({ type: 'note' })])).toBe(1);
    // A dial nobody answered is not a contact (calls.ts countsAsContact).
    expect(dueWith([activity({ type: 'call', outcome: 'no-answer' })])).toBe(1);
    expect(dueWith([activity({ type: 'email', deletedAt: '2026-03-11T00:00:00.000Z' })])).toBe(1);
    // A contact 30 days ago does not reset it.
    expect(dueWith([activity({ type: 'email', dayKey: '2026-02-14' })])).toBe(1);
  });

  it('keeps the latest contact day per client from the log', () => {
    const days = lastContactDays(
      [
        activity({ clientId: 'a', dayKey: '2026-03-01' }),
        activity({ clientId: 'a', dayKey: '2026-03-12', type: 'meeting' }),
        activity({ clientId: 'a', dayKey: '2026-03-14', type: 'note' }),
        activity({ clientId: 'b', dayKey: '', at: '2026-03-05T22:30:00.000Z' }), // no day key: dated in Moscow
        activity({ clientId: null, dayKey: '2026-03-15' }),
      ],
      'Europe/Moscow',
    );
    expect([...days]).toEqual([
      ['a', '2026-03-12'],
      ['b', '2026-03-06'],
    ]);
    expect(isContactActivity({ type: 'call', outcome: null })).toBe(true);
    expect(isContactActivity({ type: 'greeting', outcome: null })).toBe(false);
  });

  it('lists VIP and active clients first, then prospects; leaves out inactive and lost ones', () => {
    const old = '2026-01-10T10:00:00.000Z';
    const clients = [
      testClient({ id: 'prospect', name: 'A prospect', status: 'prospect' }),
      testClient({ id: 'active', name: 'B active', status: 'active', lastContactAt: old }),
      testClient({ id: 'vip', name: 'C vip', status: 'vip', lastContactAt: '2026-02-01T10:00:00.000Z' }),
      testClient({ id: 'tagged', name: 'D tagged', status: 'prospect', tags: ['VIP'], lastContactAt: old }),
      testClient({ id: 'inactive', name: 'E', status: 'inactive' }),
      testClient({ id: 'lost', name: 'F', status: 'lost' }),
      testClient({ id: 'gone', name: 'G', deletedAt: '2026-03-01T00:00:00.000Z' }),
    ];
    const agenda = buildAgenda(input({ clients }), TODAY, settings);
    // Top tier by days without contact (active and the VIP-tagged prospect tie at 65, by name).
    expect(ids(agenda.notContacted)).toEqual(['active', 'tagged', 'vip', 'prospect']);
    expect(agenda.notContacted.find((item) => item.clientId === 'tagged')?.vip).toBe(true);
  });
});

describe('follow-ups', () => {
  it('lists due and overdue next contacts, overdue first', () => {
    const clients = [
      testClient({ id: 'today', name: 'Today', nextContactAt: TODAY }),
      testClient({ id: 'late', name: 'Late', nextContactAt: '2026-03-13' }),
      testClient({ id: 'iso', name: 'Iso', nextContactAt: '2026-03-14T23:00:00.000Z' }), // 15 Mar in Moscow
      testClient({ id: 'later', name: 'Later', nextContactAt: '2026-03-17' }),
    ];
    const { followUps } = buildAgenda(input({ clients }), TODAY, settings);
    expect(followUps.map((item) => [item.clientId, item.daysOverdue, item.reason])).toEqual([
      ['late', 3, 'Follow-up 3 days overdue'],
      ['iso', 1, 'Follow-up 1 day overdue'],
      ['today', 0, 'Follow-up due today'],
    ]);
  });
});

describe('greetings', () => {
  const client = testClient({ id: 'c1', name: 'Acme' });
  const greet = (contacts: Contact[], today: string, clients: Client[] = [client]) => buildAgenda(input({ clients, contacts }), today, settings).greetings;

  it('looks seven days ahead across the year end', () => {
    const contacts = [
      testContact({ id: 'jan3', name: 'Jan Third', birthday: '1980-01-03' }),
      testContact({ id: 'jan4', name: 'Jan Fourth', birthday: '1980-01-04' }),
      testContact({ id: 'dec27', name: 'Dec 27', birthday: '1975-12-27' }),
      testContact({ id: 'dec28', name: 'Dec 28', birthday: '1975-12-28' }),
    ];
    const holiday = testClient({ id: 'c2', name: 'Bank', holidayDate: '2000-12-31' });
    const items = greet(contacts, '2026-12-28', [client, holiday]);
    expect(items.map((item) => [item.kind, item.contactId, item.on, item.daysUntil])).toEqual([
      ['birthday', 'dec28', '2026-12-28', 0],
      ['holiday', null, '2026-12-31', 3],
      ['birthday', 'jan3', '2027-01-03', 6],
    ]);
    expect(items[0]!.reason).toBe('Birthday today');
    expect(items[2]!.reason).toBe('Birthday in 6 days, 3 Jan');
  });

  it('greets a 29 February birthday on 28 February in a common year', () => {
    const contacts = [testContact({ id: 'leap', birthday: '1988-02-29' })];
    const common = greet(contacts, '2027-02-25');
    expect(common.map((item) => [item.on, item.daysUntil])).toEqual([['2027-02-28', 3]]);
    expect(common[0]!.reason).toContain('greeted on 28 Feb');
    expect(greet(contacts, '2027-02-28')[0]?.daysUntil).toBe(0);
    expect(greet(contacts, '2028-02-25').map((item) => item.on)).toEqual(['2028-02-29']);
    expect(greet(contacts, '2027-03-01')).toEqual([]);
    expect(nextOccurrence('1988-02-29', '2027-03-01')).toBe('2028-02-29');
  });

  it('skips tombstoned contacts and the contacts of tombstoned clients', () => {
    const gone = testClient({ id: 'c9', deletedAt: '2026-01-01T00:00:00.000Z' });
    const contacts = [
      testContact({ id: 'deleted', birthday: '1980-03-16', deletedAt: '2026-01-01T00:00:00.000Z' }),
      testContact({ id: 'orphan', clientId: 'c9', birthday: '1980-03-16' }),
      testContact({ id: 'kept', birthday: '1980-03-16' }),
    ];
    expect(greet(contacts, TODAY, [client, gone]).map((item) => item.contactId)).toEqual(['kept']);
  });
});

describe('receivables and obligations', () => {
  it('lists overdue receivables, biggest first', () => {
    const receivables = (amount: number | null, overdueAmount: number | null, dueDate: string | null) => ({ amount, overdueAmount, dueDate });
    const clients = [
      testClient({ id: 'stated', name: 'Stated', receivables: receivables(5000, 500, null) }),
      testClient({ id: 'pastDue', name: 'Past due', receivables: receivables(1000, null, '2026-03-15') }),
      testClient({ id: 'notYet', name: 'Not yet', receivables: receivables(2000, 0, TODAY) }),
      testClient({ id: 'lost', name: 'Lost', status: 'lost', receivables: receivables(null, 9000, '2026-01-16') }),
    ];
    const { receivablesOverdue } = buildAgenda(input({ clients }), TODAY, settings);
    expect(receivablesOverdue.map((item) => [item.clientId, item.amount, item.daysOverdue])).toEqual([
      ['lost', 9000, 59],
      ['pastDue', 1000, 1],
      ['stated', 500, null],
    ]);
  });

  it('lists undone obligations due within a week, overdue first, of open contracts only', () => {
    const obligation = (id: string, dueDate: string | null, done = false) => ({ id, kind: 'payment' as const, title: id, dueDate, done });
    const contracts: ContractLike[] = [
      {
        id: 'k1',
        clientId: 'c1',
        number: '12/2026',
        status: 'active',
        obligations: [obligation('in7', '2026-03-23'), obligation('in8', '2026-03-24'), obligation('late', '2026-03-11'), obligation('done', '2026-03-10', true), obligation('undated', null)],
      },
      { id: 'k2', clientId: 'c1', number: '13/2026', status: 'signed', obligations: [obligation('today', TODAY)] },
      { id: 'k3', clientId: 'c1', number: '14/2026', status: 'cancelled', obligations: [obligation('cancelled', '2026-03-01')] },
      { id: 'k4', clientId: 'c1', number: '15/2026', status: 'fulfilled', obligations: [obligation('fulfilled', '2026-03-01')] },
    ];
    const { obligationsDue } = buildAgenda(input({ clients: [testClient({ id: 'c1' })], contracts }), TODAY, settings);
    expect(obligationsDue.map((item) => [item.obligationId, item.daysOverdue])).toEqual([
      ['late', 5],
      ['today', 0],
      ['in7', -7],
    ]);
    expect(obligationsDue[0]!.reason).toBe('Payment under contract 12/2026: 5 days overdue');
    expect(obligationsDue[2]!.reason).toBe('Payment under contract 12/2026: due in 7 days');
  });

  it('lists complaints not resolved, oldest first', () => {
    const complaint = (id: string, openedAt: string, status: ComplaintLike['status']): ComplaintLike => ({ id, clientId: 'c1', subject: id, openedAt, status });
    const complaints = [
      complaint('new', '2026-03-16T08:00:00.000Z', 'open'),
      complaint('old', '2026-03-02T08:00:00.000Z', 'in-progress'),
      complaint('done', '2026-02-01T08:00:00.000Z', 'resolved'),
    ];
    const { openComplaints } = buildAgenda(input({ clients: [testClient({ id: 'c1' })], complaints }), TODAY, settings);
    expect(openComplaints.map((item) => [item.complaintId, item.daysOpen, item.reason])).toEqual([
      ['old', 14, 'Open for 14 days, in progress'],
      ['new', 0, 'Opened today'],
    ]);
  });
});

describe('summary and reminder', () => {
  it('counts the sections and says them in one or two lines', () => {
    const clients = [
      testClient({ id: 'a', name: 'A', nextContactAt: '2026-03-10', lastContactAt: '2026-03-10T10:00:00.000Z' }),
      testClient({ id: 'b', name: 'B', nextContactAt: TODAY, lastContactAt: '2026-03-10T10:00:00.000Z' }),
      testClient({ id: 'c', name: 'C', receivables: { amount: null, overdueAmount: 700, dueDate: null }, lastContactAt: '2026-03-10T10:00:00.000Z' }),
      testClient({ id: 'd', name: 'D' }),
    ];
    const contacts = [testContact({ id: 'p', clientId: 'a', birthday: '1990-03-18' })];
    const agenda = buildAgenda(input({ clients, contacts }), TODAY, settings);
    expect(agendaSummary(agenda)).toMatchObject({ followUps: 2, followUpsOverdue: 1, notContacted: 1, birthdays: 1, receivablesOverdueTotal: 700, total: 5 });
    expect(reminderText(agenda)).toBe('2 follow-ups due, 1 client not contacted for 30+ days, 1 birthday\n1 client with overdue receivables');
    expect(reminderText(buildAgenda(input(), TODAY, settings))).toBe('Nothing due today.');
  });
});
