// Birthdays and professional holidays coming up (issue 7: "greet clients on birthdays and
// professional holidays"). Both recur every year, whatever year is stored with them.
import type { GreetingItem } from './agenda-types';
import type { Client, Contact } from './types';
import { daysBetween, isLeapYear } from './work-calendar';

/** Today and the six days after it: a week to prepare a greeting. */
export const GREETING_WINDOW_DAYS = 7;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Month and day of a stored date (YYYY-MM-DD, or --MM-DD without a year); null when unreadable. */
function monthAndDay(value: string | null): { month: number; day: number } | null {
  const m = value ? /(?:^|-)(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  return { month, day };
}

function occurrenceIn(year: number, month: number, day: number): string {
  // 29 February in a common year is greeted on 28 February: still in February, and before the
  // day has passed (1 March would be late).
  const onDay = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return `${year}-${pad2(month)}-${pad2(onDay)}`;
}

/** The day a yearly date next falls on, today or later (this year, or next year once passed). */
export function nextOccurrence(stored: string, today: string): string | null {
  const date = monthAndDay(stored);
  if (!date) return null;
  const year = Number(today.slice(0, 4));
  const thisYear = occurrenceIn(year, date.month, date.day);
  return thisYear >= today ? thisYear : occurrenceIn(year + 1, date.month, date.day);
}

function whenWords(on: string, daysUntil: number): string {
  if (daysUntil === 0) return 'today';
  if (daysUntil === 1) return 'tomorrow';
  return `in ${daysUntil} days, ${Number(on.slice(8, 10))} ${MONTH_NAMES[Number(on.slice(5, 7)) - 1]}`;
}

interface Upcoming {
  on: string;
  daysUntil: number;
  /** Stored as 29 February, greeted on the 28th this year. */
  movedFromLeapDay: boolean;
}

function upcoming(stored: string | null, today: string): Upcoming | null {
  if (!stored) return null;
  const on = nextOccurrence(stored, today);
  if (on === null) return null;
  const daysUntil = daysBetween(today, on);
  if (daysUntil >= GREETING_WINDOW_DAYS) return null;
  return { on, daysUntil, movedFromLeapDay: stored.endsWith('02-29') && on.endsWith('02-28') };
}

function reasonOf(what: string, when: Upcoming): string {
  return `${what} ${whenWords(when.on, when.daysUntil)}${when.movedFromLeapDay ? ' (29 Feb, greeted on 28 Feb this year)' : ''}`;
}

/**
 * The greetings due in the next seven days, today included: contacts' birthdays (of live contacts
 * of the given clients, by id) and the clients' professional holidays. Unsorted.
 */
export function greetingsFor(liveClients: ReadonlyMap<string, Client>, contacts: readonly Contact[], today: string): GreetingItem[] {
  const items: GreetingItem[] = [];
  for (const client of liveClients.values()) {
    const when = upcoming(client.holidayDate, today);
    if (!when) continue;
    items.push({
      kind: 'holiday',
      clientId: client.id,
      clientName: client.name,
      sortKey: when.daysUntil,
      reason: reasonOf('Professional holiday', when),
      contactId: null,
      name: client.name,
      on: when.on,
      daysUntil: when.daysUntil,
    });
  }
  for (const contact of contacts) {
    const client = liveClients.get(contact.clientId);
    if (contact.deletedAt !== null || !client) continue;
    const when = upcoming(contact.birthday, today);
    if (!when) continue;
    items.push({
      kind: 'birthday',
      clientId: client.id,
      clientName: client.name,
      sortKey: when.daysUntil,
      reason: reasonOf('Birthday', when),
      contactId: contact.id,
      name: contact.name,
      on: when.on,
      daysUntil: when.daysUntil,
    });
  }
  return items;
}
