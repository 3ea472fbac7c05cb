import { describe, expect, it } from 'vitest';
import { testClient } from './client-list-fixtures';
import { dayKey } from './day-key';
import {
  buildMonthlyReport,
  reportDue,
  reportToTable,
  type MonthlyReportInput,
  type ReportActivity,
  type ReportClient,
  type ReportComplaint,
  type ReportContract,
} from './monthly-report';
import type { ContractLike, ComplaintLike } from './agenda-types';
import type { Activity, Client, Complaint, Contract } from './types';

let nextId = 0;
function act(type: Activity['type'], day: string, clientId: string | null, extra: Partial<ReportActivity> = {}): ReportActivity {
  nextId += 1;
  return { id: `a${nextId}`, type, clientId, dayKey: day, deletedAt: null, retractsId: null, outcome: null, ...extra };
}

function client(id: string, createdAt: string, overrides: Partial<Client> = {}): ReportClient {
  return testClient({ id, createdAt, ...overrides });
}

const quotas = { callsPerDay: 2, phoneOffersPerDay: 1, emailOffersPerDay: 1, newContractsPerMonth: 4 };
// Monday to Friday; Monday 9 March is a public holiday (8 March fell on a Sunday).
const calendar = { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-03-09'], extraWorkingDays: [] };

function input(overrides: Partial<MonthlyReportInput>): MonthlyReportInput {
  return { month: '2026-03', timeZone: 'Europe/Moscow', calendar, quotas, activities: [], clients: [], contracts: [], complaints: [], ...overrides };
}

describe('buildMonthlyReport: a seeded March 2026 in Moscow (UTC+3, no DST)', () => {
  // Working days: 22 weekdays (2–6, 9–13, 16–20, 23–27, 30–31) less the holiday on 9 March = 21.
  // Plans: calls 2 × 21 = 42, phone offers 1 × 21 = 21, e-mail offers 1 × 21 = 21.
  const retractedAfter = act('email_offer', '2026-03-03', 'c5');
  const retractedBefore = act('email_offer', '2026-03-03', 'c6');
  const retractedMail = act('email', '2026-03-03', 'c6');
  const activities: ReportActivity[] = [
    // Mon 2 Mar: 3 calls (a 4th deleted); two phone offers to c2 count once, one to c3: 2.
    act('call', '2026-03-02', 'c1', { outcome: 'no-answer' }),
    act('call', '2026-03-02', 'c2', { outcome: 'reached' }),
    act('call', '2026-03-02', 'c3', { outcome: 'reached' }),
    act('call', '2026-03-02', 'c3', { deletedAt: '2026-03-02T12:00:00.000Z' }),
    act('phone_offer', '2026-03-02', 'c2'),
    act('phone_offer', '2026-03-02', 'c2'),
    act('phone_offer', '2026-03-02', 'c3'),
    // Tue 3 Mar: two phone offers to numbers without a client count one each: 2.
    act('phone_offer', '2026-03-03', null),
    act('phone_offer', '2026-03-03', null),
    // Tue 3 Mar: offers to c1 and c4 count; the offers to c5 and c6 were undone (one retraction
    // met after its offer, one before it), and so was a plain mail to c6: 2.
    act('email_offer', '2026-03-03', 'c1'),
    act('email_offer', '2026-03-03', 'c4'),
    act('retraction', '2026-03-03', 'c6', { retractsId: retractedBefore.id }),
    act('retraction', '2026-03-03', 'c6', { retractsId: retractedMail.id }),
    retractedAfter,
    retractedBefore,
    retractedMail,
    act('retraction', '2026-03-03', 'c5', { retractsId: retractedAfter.id }),
    // Sat 7 Mar: a call on a day off counts, with no quota.
    act('call', '2026-03-07', 'c4', { outcome: 'reached' }),
    // Mon 9 Mar, the holiday: an offer counts, with no quota.
    act('email_offer', '2026-03-09', 'c1'),
    // A note is not a contact; a row of another month is left out.
    act('note', '2026-03-12', 'c7'),
    act('call', '2026-04-01', 'c7', { outcome: 'reached' }),
  ];
  const receivables = (amount: number | null, overdueAmount: number | null) => ({ amount, overdueAmount, dueDate: null });
  const clients: ReportClient[] = [
    client('c1', '2026-01-10T09:00:00.000Z', { receivables: receivables(1000, 200) }), // contacted (offer on the 3rd)
    client('c2', '2026-03-05T10:00:00.000Z'), // new; contacted
    client('c3', '2026-03-20T10:00:00.000Z', { status: 'prospect' }), // new; contacted
    client('c4', '2025-06-01T09:00:00.000Z', { status: 'vip', receivables: receivables(500, null) }), // contacted
    client('c5', '2025-06-01T09:00:00.000Z'), // only an undone offer: not contacted
    client('c6', '2025-06-01T09:00:00.000Z'), // only undone sends: not contacted
    client('c7', '2025-06-01T09:00:00.000Z', { status: 'prospect' }), // only a note: not contacted
    client('c8', '2025-06-01T09:00:00.000Z', { status: 'lost' }), // lost: not expected to be contacted
    client('c9', '2026-04-01T10:00:00.000Z', { receivables: receivables(300, 100) }), // created after the month
    client('c10', '2026-03-02T10:00:00.000Z', { deletedAt: '2026-03-15T10:00:00.000Z', receivables: receivables(9999, 9999) }), // gone before the end
    client('c11', '2026-03-10T10:00:00.000Z', { deletedAt: '2026-04-05T10:00:00.000Z' }), // new, deleted after the month: not contacted
    client('c12', '2026-02-28T22:00:00.000Z', { status: 'inactive' }), // 1 Mar 01:00 in Moscow: new
  ];
  const contract = (id: string, signedAt: string | null, firstContract: boolean, status = 'active'): ReportContract => ({ id, clientId: 'c1', status, signedAt, firstContract });
  const contracts = [
    contract('k1', '2026-03-05T09:00:00.000Z', true),
    contract('k2', '2026-03-31', false),
    contract('k3', '2026-03-31T21:30:00.000Z', true), // 1 Apr 00:30 in Moscow
    contract('k4', '2026-03-10', true, 'cancelled'),
    contract('k5', null, true, 'draft'),
    contract('k6', '2026-02-28T21:00:00.000Z', true), // 1 Mar 00:00 in Moscow
  ];
  const complaint = (id: string, openedAt: string, resolvedAt: string | null): ReportComplaint => ({ id, clientId: 'c1', openedAt, resolvedAt, status: resolvedAt ? 'resolved' : 'open' });
  const complaints = [
    complaint('q1', '2026-02-20T09:00:00.000Z', '2026-03-04T09:00:00.000Z'), // resolved in March
    complaint('q2', '2026-03-10T09:00:00.000Z', null), // opened, still open
    complaint('q3', '2026-03-12T09:00:00.000Z', '2026-04-02T09:00:00.000Z'), // opened, open at the end
    complaint('q4', '2026-04-01T09:00:00.000Z', null), // April
    complaint('q5', '2026-03-01T09:00:00.000Z', '2026-03-02T09:00:00.000Z'), // opened and resolved
  ];
  const report = buildMonthlyReport(input({ activities, clients, contracts, complaints }));

  it('counts each day against its quota, days off with none', () => {
    expect(report.workingDays).toBe(21);
    expect(report.days).toHaveLength(31);
    const day = (d: string) => report.days.find((x) => x.day === d)!;
    expect(day('2026-03-02')).toMatchObject({ weekday: 1, working: true, calls: 3, phoneOffers: 2, emailOffers: 0, quota: { calls: 2, phoneOffers: 1, emailOffers: 1 } });
    expect(day('2026-03-03')).toMatchObject({ calls: 0, phoneOffers: 2, emailOffers: 2 });
    expect(day('2026-03-07')).toMatchObject({ weekday: 6, working: false, calls: 1, quota: { calls: 0, phoneOffers: 0, emailOffers: 0 } });
    expect(day('2026-03-09')).toMatchObject({ working: false, emailOffers: 1, quota: { emailOffers: 0 } });
    expect(day('2026-03-31')).toMatchObject({ working: true, calls: 0 });
  });

  it('totals the month against the plan', () => {
    // Calls 3 + 1 = 4 of 42 (9.5 %); phone offers 2 + 2 = 4 of 21 (19.0 %); e-mail offers 2 + 1 = 3 of 21 (14.3 %).
    expect(report.totals).toEqual({
      calls: { done: 4, plan: 42, percent: 10 },
      phoneOffers: { done: 4, plan: 21, percent: 19 },
      emailOffers: { done: 3, plan: 21, percent: 14 },
    });
    expect(report.chart[6]).toEqual({ day: '2026-03-07', calls: 1, phoneOffers: 0, emailOffers: 0, quota: { calls: 0, phoneOffers: 0, emailOffers: 0 } });
  });

  it('counts clients, contracts, complaints and receivables', () => {
    expect(report.newClients).toBe(4); // c2, c3, c11, c12
    expect(report.clients).toEqual({ contacted: 4, notContacted: 4, notContactedIds: ['c5', 'c6', 'c7', 'c11'] });
    // k1, k2, k6 signed; k1 and k6 with new clients: 2 of 4.
    expect(report.contracts).toEqual({ signed: 3, withNewClients: { done: 2, plan: 4, percent: 50 } });
    expect(report.complaints).toEqual({ opened: 3, resolved: 2, openAtMonthEnd: 2 });
    // Today's cards, the tombstoned c10 left out: 1000 + 500 + 300, 200 + 100.
    expect(report.receivablesAtMonthEnd).toEqual({ amount: 1800, overdue: 300 });
  });

  it('exports a header, the days, the totals and the summary', () => {
    const table = reportToTable(report);
    expect(table[0]![0]).toBe('Date');
    expect(table[7]).toEqual(['2026-03-07', 'Sat', 'no', '1', '0', '0', '0', '0', '0']);
    expect(table[32]).toEqual(['Total', '', '21', '4', '42', '4', '21', '3', '21']);
    expect(table[33]).toEqual(['Percent of plan', '', '', '10%', '', '19%', '', '14%', '']);
    expect(table[34]).toEqual([]);
    expect(table).toContainEqual(['Contracts with new clients', '2', 'plan', '4', '50%']);
    expect(table).toContainEqual(['Clients not contacted', '4']);
  });
});

describe('buildMonthlyReport: month boundaries in the user zone', () => {
  it('puts 23:30 on 31 March in New York (after the DST change) in March', () => {
    const at = new Date('2026-03-31T23:30:00-04:00'); // 03:30 UTC on 1 April
    const late = act('call', dayKey(at, 'America/New_York'), 'c1', { outcome: 'reached' });
    const clients = [
      client('c1', '2026-04-01T03:30:00.000Z'), // 31 Mar 23:30 EDT: new in March
      client('c2', '2026-04-01T04:00:00.000Z'), // 1 Apr 00:00 EDT: April
      client('c3', '2026-03-01T04:59:00.000Z'), // 28 Feb 23:59 EST: February
    ];
    const report = buildMonthlyReport(input({ timeZone: 'America/New_York', activities: [late], clients }));
    expect(report.range).toEqual({ startIso: '2026-03-01T05:00:00.000Z', endIso: '2026-04-01T04:00:00.000Z' });
    expect(report.days[30]).toMatchObject({ day: '2026-03-31', calls: 1 });
    expect(report.newClients).toBe(1);
    expect(report.clients).toMatchObject({ contacted: 1, notContacted: 1, notContactedIds: ['c3'] });
  });

  it('dates instants on either side of the date line', () => {
    const clients = [client('c1', '2026-02-28T10:00:00.000Z')]; // 1 Mar 00:00 in Kiritimati, 27 Feb 23:00 in Pago Pago
    expect(buildMonthlyReport(input({ timeZone: 'Pacific/Kiritimati', clients })).newClients).toBe(1);
    expect(buildMonthlyReport(input({ timeZone: 'Pacific/Pago_Pago', clients })).newClients).toBe(0);
  });

  it('has no plan percent without working days', () => {
    const report = buildMonthlyReport(input({ calendar: { workingDays: [], holidays: [] }, activities: [act('call', '2026-03-02', null)] }));
    expect(report.totals.calls).toEqual({ done: 1, plan: 0, percent: null });
  });
});

describe('the stored models', () => {
  it('fit the shapes the rules read', () => {
    // Compile-time: tsc fails here if the Contract or Complaint model drifts from these shapes.
    const contractFits = (contract: Contract): ContractLike & ReportContract => contract;
    const complaintFits = (complaint: Complaint): ComplaintLike & ReportComplaint => complaint;
    expect([contractFits, complaintFits]).toHaveLength(2);
  });
});

describe('reportDue', () => {
  it('is due from the 1st, late after the 3rd, until submitted', () => {
    expect(reportDue('2026-04-01', [])).toEqual({ month: '2026-03', dueDay: '2026-04-03', due: true, overdue: false });
    expect(reportDue('2026-04-03', ['2026-02'])).toEqual({ month: '2026-03', dueDay: '2026-04-03', due: true, overdue: false });
    expect(reportDue('2026-04-04', [])).toMatchObject({ due: true, overdue: true });
    expect(reportDue('2026-04-04', ['2026-03'])).toMatchObject({ due: false, overdue: false });
    expect(reportDue('2026-01-02', [])).toMatchObject({ month: '2025-12', dueDay: '2026-01-03' });
  });

  it('is not asked of a month that ended before ClientDesk first ran', () => {
    // Installed on 20 April: no March report in April; the April report is due in May.
    expect(reportDue('2026-04-21', [], '2026-04-20')).toMatchObject({ month: '2026-03', due: false, overdue: false });
    expect(reportDue('2026-05-04', [], '2026-04-20')).toMatchObject({ month: '2026-04', due: true, overdue: true });
    // Installed on the 1st: that day belongs to the new month, the old month had no ClientDesk.
    expect(reportDue('2026-05-01', [], '2026-05-01')).toMatchObject({ due: false });
    // Installed on the last day of the month: that month counts.
    expect(reportDue('2026-05-01', [], '2026-04-30')).toMatchObject({ month: '2026-04', due: true });
    // Settings from before the day was kept: every month, as before.
    expect(reportDue('2026-05-04', [], '')).toMatchObject({ due: true, overdue: true });
  });
});
