// Today's agenda (issue 7): who to call back, who has gone a month without contact, whom to greet,
// who owes money, which contract obligations and complaints need attention. Pure functions over
// plain arrays, so the service worker (reminder alarm) and the pages build the same list.
import { greetingsFor } from './agenda-greetings';
import type {
  Agenda,
  AgendaInput,
  AgendaSettings,
  ComplaintItem,
  ComplaintLike,
  ContractLike,
  FollowUpItem,
  NotContactedItem,
  ObligationItem,
  ObligationKind,
  ReceivableItem,
} from './agenda-types';
import { CLOSED_CONTRACT_STATUSES } from './agenda-types';
import { foldText } from './client-list-query';
import { calendarDay } from './day-key';
import { formatMoney } from './format';
import { isContactActivity, NOT_EXPECTED_TO_CONTACT } from './contact-activity';
import type { Activity, Client } from './types';
import { addDaysToKey, daysBetween } from './work-calendar';

export * from './agenda-types';
export { greetingsFor, nextOccurrence, GREETING_WINDOW_DAYS } from './agenda-greetings';
export { isContactActivity, NOT_EXPECTED_TO_CONTACT } from './contact-activity';
export { calendarDay } from './day-key';
export { agendaSummary, reminderText, type AgendaSummary } from './agenda-summary';

export const DEFAULT_CONTACT_EVERY_DAYS = 30;
/** Obligations due within this many days after today are listed before they become overdue. */
export const OBLIGATION_LOOKAHEAD_DAYS = 7;

export type ContactActivity = Pick<Activity, 'type' | 'outcome' | 'clientId' | 'dayKey' | 'at' | 'deletedAt'>;

/**
 * The latest local day of a contact activity per client, in one pass. The stored dayKey is the day
 * in the user's zone when it happened (what the badge counted); `timeZone` only dates a row
 * without one. Retractions are not consulted: an undone send is nearly always sent again.
 */
export function lastContactDays(activities: Iterable<ContactActivity>, timeZone: string): Map<string, string> {
  const latest = new Map<string, string>();
  for (const activity of activities) {
    if (activity.deletedAt || activity.clientId === null || !isContactActivity(activity)) continue;
    const day = activity.dayKey || calendarDay(activity.at, timeZone);
    if (day === null) continue;
    const known = latest.get(activity.clientId);
    if (known === undefined || day > known) latest.set(activity.clientId, day);
  }
  return latest;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function isVip(client: Client): boolean {
  return client.status === 'vip' || client.tags.some((tag) => tag.trim().toLowerCase() === 'vip');
}

/** The order in which clients gone quiet are listed: the ones that bring the money first. */
function contactTier(client: Client): number {
  if (isVip(client) || client.status === 'active') return 0;
  return client.status === 'prospect' ? 1 : 2;
}

function followUpOf(client: Client, today: string, timeZone: string): FollowUpItem | null {
  const dueDay = calendarDay(client.nextContactAt, timeZone);
  if (dueDay === null || dueDay > today) return null;
  const daysOverdue = daysBetween(dueDay, today);
  const reason = daysOverdue === 0 ? 'Follow-up due today' : `Follow-up ${plural(daysOverdue, 'day')} overdue`;
  return { kind: 'follow-up', clientId: client.id, clientName: client.name, sortKey: -daysOverdue, reason, dueDay, daysOverdue };
}

interface ContactClock {
  /** Contacted on this day or before = due. */
  cutoff: string;
  /** A stored timestamp whose own date is after this is after the cut-off in any zone (±2 days). */
  clearlyAfter: string;
}

function notContactedOf(client: Client, lastActivityDay: string | undefined, clock: ContactClock, today: string, timeZone: string): NotContactedItem | null {
  if (NOT_EXPECTED_TO_CONTACT.has(client.status)) return null;
  // Cheap exits first: most clients were contacted recently, and Intl is the slow part.
  if (lastActivityDay !== undefined && lastActivityDay > clock.cutoff) return null;
  if (client.lastContactAt !== null && client.lastContactAt.slice(0, 10) > clock.clearlyAfter) return null;
  const storedDay = calendarDay(client.lastContactAt, timeZone);
  const candidates = [storedDay, lastActivityDay ?? null].filter((day): day is string => day !== null);
  const lastContactDay = candidates.length > 0 ? candidates.reduce((a, b) => (a > b ? a : b)) : null;
  if (lastContactDay !== null && lastContactDay > clock.cutoff) return null;
  const daysSinceContact = lastContactDay === null ? null : daysBetween(lastContactDay, today);
  return {
    kind: 'not-contacted',
    clientId: client.id,
    clientName: client.name,
    // Within a tier, never contacted first, then the longest without contact.
    sortKey: contactTier(client) * 1_000_000 - (daysSinceContact ?? 999_999),
    reason: daysSinceContact === null ? 'Never contacted' : `No contact for ${plural(daysSinceContact, 'day')}`,
    status: client.status,
    vip: isVip(client),
    lastContactDay,
    daysSinceContact,
  };
}

/** Overdue debt: the overdue amount, or the whole amount once its due date has passed
 *  (the client list's effectiveOverdue, on the card itself). */
function receivableOf(client: Client, today: string, timeZone: string): ReceivableItem | null {
  const { amount, overdueAmount, dueDate } = client.receivables;
  const dueDay = calendarDay(dueDate, timeZone);
  const pastDue = dueDay !== null && dueDay < today;
  let owed: number | null = null;
  if (overdueAmount !== null && overdueAmount > 0) owed = overdueAmount;
  else if (amount !== null && amount > 0 && pastDue) owed = amount;
  if (owed === null) return null;
  const daysOverdue = pastDue ? daysBetween(dueDay, today) : null;
  const reason = `${formatMoney(owed)} overdue${daysOverdue === null ? '' : `, ${plural(daysOverdue, 'day')} past due`}`;
  return { kind: 'receivable', clientId: client.id, clientName: client.name, sortKey: -owed, reason, amount: owed, dueDay, daysOverdue };
}

const OBLIGATION_LABELS: Record<ObligationKind, string> = { delivery: 'Delivery', payment: 'Payment', other: 'Obligation' };

function dueWords(daysOverdue: number): string {
  if (daysOverdue > 0) return `${plural(daysOverdue, 'day')} overdue`;
  if (daysOverdue === 0) return 'due today';
  return daysOverdue === -1 ? 'due tomorrow' : `due in ${plural(-daysOverdue, 'day')}`;
}

function obligationsOf(contract: ContractLike, clientName: string, today: string, timeZone: string): ObligationItem[] {
  if (contract.deletedAt || CLOSED_CONTRACT_STATUSES.includes(contract.status)) return [];
  const horizon = addDaysToKey(today, OBLIGATION_LOOKAHEAD_DAYS);
  const items: ObligationItem[] = [];
  for (const obligation of contract.obligations) {
    const dueDay = calendarDay(obligation.dueDate, timeZone);
    if (obligation.done || dueDay === null || dueDay > horizon) continue;
    const daysOverdue = daysBetween(dueDay, today);
    items.push({
      kind: 'obligation',
      clientId: contract.clientId,
      clientName,
      sortKey: -daysOverdue,
      reason: `${OBLIGATION_LABELS[obligation.kind]} under contract ${contract.number}: ${dueWords(daysOverdue)}`,
      contractId: contract.id,
      contractNumber: contract.number,
      obligationId: obligation.id,
      obligationKind: obligation.kind,
      title: obligation.title,
      dueDay,
      daysOverdue,
    });
  }
  return items;
}

function complaintOf(complaint: ComplaintLike, clientName: string, today: string, timeZone: string): ComplaintItem | null {
  if (complaint.deletedAt || complaint.status === 'resolved') return null;
  const openedDay = calendarDay(complaint.openedAt, timeZone) ?? today;
  const daysOpen = Math.max(0, daysBetween(openedDay, today));
  const openedAt = Date.parse(complaint.openedAt);
  return {
    kind: 'complaint',
    clientId: complaint.clientId,
    clientName,
    // Oldest first, to the millisecond when the time is known.
    sortKey: Number.isNaN(openedAt) ? 0 : openedAt,
    reason: `${daysOpen === 0 ? 'Opened today' : `Open for ${plural(daysOpen, 'day')}`}${complaint.status === 'in-progress' ? ', in progress' : ''}`,
    complaintId: complaint.id,
    subject: complaint.subject,
    status: complaint.status,
    openedDay,
    daysOpen,
  };
}

/**
 * By sort key, then client name, then id: the same order on every build. Ties are many (every
 * never-contacted client of a tier), and the collator would be asked a million times for a large
 * base, so names are folded once (lower case, ё as е) and compared by code unit.
 */
export function sortAgendaItems<T extends { sortKey: number; clientName: string; clientId: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, name: foldText(item.clientName) }));
  keyed.sort((a, b) => a.item.sortKey - b.item.sortKey || compareStrings(a.name, b.name) || compareStrings(a.item.clientId, b.item.clientId));
  return keyed.map((entry) => entry.item);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function contactEveryDaysOf(settings: AgendaSettings): number {
  const days = settings.quotas.contactEveryDays;
  return Number.isFinite(days) && days > 0 ? Math.floor(days) : DEFAULT_CONTACT_EVERY_DAYS;
}

/** Today's agenda; `today` is the local day (YYYY-MM-DD) in the settings' zone. Tombstoned
 *  clients, contacts, contracts and complaints are left out. */
export function buildAgenda(input: AgendaInput, today: string, settings: AgendaSettings): Agenda {
  const { timeZone } = settings;
  const contactEveryDays = contactEveryDaysOf(settings);
  const cutoff = addDaysToKey(today, -contactEveryDays);
  const clock: ContactClock = { cutoff, clearlyAfter: addDaysToKey(cutoff, 2) };

  const liveClients = new Map<string, Client>();
  for (const client of input.clients) if (client.deletedAt === null) liveClients.set(client.id, client);
  const nameOf = (clientId: string) => liveClients.get(clientId)?.name ?? '';
  const followUps: FollowUpItem[] = [];
  const notContacted: NotContactedItem[] = [];
  const receivablesOverdue: ReceivableItem[] = [];
  for (const client of liveClients.values()) {
    const followUp = followUpOf(client, today, timeZone);
    if (followUp) followUps.push(followUp);
    const quiet = notContactedOf(client, input.lastActivityDayByClient.get(client.id), clock, today, timeZone);
    if (quiet) notContacted.push(quiet);
    const receivable = receivableOf(client, today, timeZone);
    if (receivable) receivablesOverdue.push(receivable);
  }

  const obligationsDue = input.contracts.flatMap((contract) => obligationsOf(contract, nameOf(contract.clientId), today, timeZone));
  const openComplaints = input.complaints.flatMap((complaint) => complaintOf(complaint, nameOf(complaint.clientId), today, timeZone) ?? []);

  return {
    today,
    contactEveryDays,
    followUps: sortAgendaItems(followUps),
    notContacted: sortAgendaItems(notContacted),
    greetings: sortAgendaItems(greetingsFor(liveClients, input.contacts, today)),
    receivablesOverdue: sortAgendaItems(receivablesOverdue),
    obligationsDue: sortAgendaItems(obligationsDue),
    openComplaints: sortAgendaItems(openComplaints),
  };
}
