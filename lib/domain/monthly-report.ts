// The monthly performance report (issue 7; DESIGN.md: "by the 3rd day of each month, for the
// previous month"): each day's calls, phone offers and e-mail offers against the daily quotas, the
// month's totals against the plan, and the month's clients, contracts, complaints and receivables.
//
// Performance: a month of a busy team can be a million activities, so they are read in one pass
// that only bumps counters (a second look happens only for offers undone after being met).
import type { ComplaintLike, ContractLike } from './agenda-types';
import { NOT_EXPECTED_TO_CONTACT } from './contact-activity';
import { isDayKey } from './day-key';
import { countActivities, type ReportActivity } from './monthly-report-count';
import type { Client, Quotas } from './types';
import { isWorkingDay, monthDays, monthRange, previousMonth, weekdayOf, type WorkCalendar } from './work-calendar';

export { reportToTable } from './monthly-report-table';
export type { ReportActivity } from './monthly-report-count';

export type ReportClient = Pick<Client, 'id' | 'status' | 'createdAt' | 'deletedAt' | 'receivables'>;

export interface ReportContract extends Pick<ContractLike, 'id' | 'clientId' | 'status' | 'deletedAt'> {
  /** ISO timestamp or YYYY-MM-DD; null while not signed. */
  signedAt: string | null;
  /** The client's first contract: a contract with a new client (the monthly quota counts these). */
  firstContract: boolean;
}

export interface ReportComplaint extends Pick<ComplaintLike, 'id' | 'clientId' | 'openedAt' | 'status' | 'deletedAt'> {
  /** ISO timestamp or YYYY-MM-DD; null while not resolved. */
  resolvedAt: string | null;
}

export type ReportQuotas = Pick<Quotas, 'callsPerDay' | 'phoneOffersPerDay' | 'emailOffersPerDay' | 'newContractsPerMonth'>;

export interface MonthlyReportInput {
  /** YYYY-MM, in the user's time zone. */
  month: string;
  timeZone: string;
  calendar: WorkCalendar;
  quotas: ReportQuotas;
  /** The month's activities (by the [type+dayKey] index or the `at` range), retractions included.
   *  An array: it is looked at a second time when an offer was undone after being met. */
  activities: readonly ReportActivity[];
  /** Every client, tombstoned ones included (a client deleted after the month existed in it). */
  clients: readonly ReportClient[];
  contracts: readonly ReportContract[];
  complaints: readonly ReportComplaint[];
}

export interface DailyCounts {
  calls: number;
  phoneOffers: number;
  emailOffers: number;
}

export interface ReportDay extends DailyCounts {
  day: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  /** The daily quotas on a working day; zeros on a day off (what is done then still counts). */
  quota: DailyCounts;
}

export interface ChartPoint extends DailyCounts {
  day: string;
  quota: DailyCounts;
}

export interface PlanFigure {
  done: number;
  /** Daily quota × working days. */
  plan: number;
  /** Rounded; null when there is no plan. May exceed 100. */
  percent: number | null;
}

export interface MonthlyReport {
  month: string;
  timeZone: string;
  /** The month's instants: startIso <= at < endIso. */
  range: { startIso: string; endIso: string };
  workingDays: number;
  days: ReportDay[];
  totals: { calls: PlanFigure; phoneOffers: PlanFigure; emailOffers: PlanFigure };
  /** Clients whose card was created in the month (and still existed at its end). */
  newClients: number;
  contracts: { signed: number; withNewClients: PlanFigure };
  /** Clients that existed at the month's end: with a contact activity in the month, and without. */
  clients: { contacted: number; notContacted: number; notContactedIds: string[] };
  complaints: { opened: number; resolved: number; openAtMonthEnd: number };
  /** Sums of the cards' receivables. History is not kept, so a report built after the month shows
   *  the figures as they are when it is built, not as they were on the month's last day. */
  receivablesAtMonthEnd: { amount: number; overdue: number };
  chart: ChartPoint[];
}

function planFigure(done: number, plan: number): PlanFigure {
  return { done, plan, percent: plan > 0 ? Math.round((done / plan) * 100) : null };
}

/** Where a stored date or instant falls against the month: before, in or after it; null when
 *  it cannot be read (then it is in no month). */
type MonthPlace = -1 | 0 | 1 | null;

function placeIn(value: string, month: string, startMs: number, endMs: number): MonthPlace {
  if (isDayKey(value)) {
    const valueMonth = value.slice(0, 7);
    return valueMonth < month ? -1 : valueMonth > month ? 1 : 0;
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return at < startMs ? -1 : at >= endMs ? 1 : 0;
}

export function buildMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { month, quotas, calendar } = input;
  const range = monthRange(month, input.timeZone);
  const startMs = Date.parse(range.startIso);
  const endMs = Date.parse(range.endIso);
  const place = (value: string | null) => (value === null ? null : placeIn(value, month, startMs, endMs));

  const dayKeys = monthDays(month);
  const counts = countActivities(input.activities, month, dayKeys.length);
  const dailyQuota: DailyCounts = { calls: quotas.callsPerDay, phoneOffers: quotas.phoneOffersPerDay, emailOffers: quotas.emailOffersPerDay };
  const noQuota: DailyCounts = { calls: 0, phoneOffers: 0, emailOffers: 0 };
  const days: ReportDay[] = dayKeys.map((day, i) => {
    const working = isWorkingDay(day, calendar);
    return { day, weekday: weekdayOf(day), working, calls: counts.calls[i]!, phoneOffers: counts.phoneOffers[i]!, emailOffers: counts.emailOffers[i]!, quota: working ? dailyQuota : noQuota };
  });
  const workingDays = days.filter((day) => day.working).length;
  const total = (key: keyof DailyCounts) => planFigure(days.reduce((sum, day) => sum + day[key], 0), dailyQuota[key] * workingDays);

  // A client existed at the month's end if created before it and not deleted before it.
  let newClients = 0;
  let contacted = 0;
  const notContactedIds: string[] = [];
  const receivables = { amount: 0, overdue: 0 };
  for (const client of input.clients) {
    if (client.deletedAt === null) {
      receivables.amount += client.receivables.amount ?? 0;
      receivables.overdue += client.receivables.overdueAmount ?? 0;
    }
    const created = place(client.createdAt);
    const existedAtEnd = created !== 1 && (client.deletedAt === null || place(client.deletedAt) === 1);
    if (!existedAtEnd) continue;
    if (created === 0) newClients += 1;
    if ((counts.contactsByClient.get(client.id) ?? 0) > 0) contacted += 1;
    // Today's status: the card keeps no history of it.
    else if (!NOT_EXPECTED_TO_CONTACT.has(client.status)) notContactedIds.push(client.id);
  }

  // A cancelled contract is not one concluded; a tombstoned one was entered by mistake.
  const signed = input.contracts.filter((contract) => !contract.deletedAt && contract.status !== 'cancelled' && place(contract.signedAt) === 0);
  const complaints = input.complaints.filter((complaint) => !complaint.deletedAt);
  const openedBy = (c: ReportComplaint) => place(c.openedAt) !== 1;
  // Resolved without a date: taken as resolved before the month's end.
  const resolvedBy = (c: ReportComplaint) => (c.resolvedAt === null ? c.status === 'resolved' : place(c.resolvedAt) !== 1);

  return {
    month,
    timeZone: input.timeZone,
    range,
    workingDays,
    days,
    totals: { calls: total('calls'), phoneOffers: total('phoneOffers'), emailOffers: total('emailOffers') },
    newClients,
    contracts: { signed: signed.length, withNewClients: planFigure(signed.filter((c) => c.firstContract).length, quotas.newContractsPerMonth) },
    clients: { contacted, notContacted: notContactedIds.length, notContactedIds },
    complaints: {
      opened: complaints.filter((c) => place(c.openedAt) === 0).length,
      resolved: complaints.filter((c) => c.resolvedAt !== null && place(c.resolvedAt) === 0).length,
      openAtMonthEnd: complaints.filter((c) => openedBy(c) && !resolvedBy(c)).length,
    },
    receivablesAtMonthEnd: receivables,
    chart: days.map(({ day, calls, phoneOffers, emailOffers, quota }) => ({ day, calls, phoneOffers, emailOffers, quota })),
  };
}

export interface ReportDue {
  /** The month the report is for: the previous one. */
  month: string;
  /** The 3rd of the current month. */
  dueDay: string;
  /** Not yet marked submitted. */
  due: boolean;
  /** Still not submitted after the due day. */
  overdue: boolean;
}

/**
 * The previous month's report is due from the 1st until it is marked submitted; late after the 3rd.
 * Not for a month that ended before ClientDesk first ran (`startedOn`, '' = unknown): a user who
 * installs it today has no report of last month to make here.
 */
export function reportDue(today: string, submittedMonths: readonly string[], startedOn = ''): ReportDue {
  const thisMonth = today.slice(0, 7);
  const month = previousMonth(thisMonth);
  const dueDay = `${thisMonth}-03`;
  const usedThatMonth = startedOn === '' || startedOn < `${thisMonth}-01`;
  const due = usedThatMonth && !submittedMonths.includes(month);
  return { month, dueDay, due, overdue: due && today > dueDay };
}
