import type { ClientMatch } from './match';
import type { Activity, CallActivityOutcome, CallDirection, PhoneNumber } from './types';

// Calls and phone offers (issue 6): how a logged call reads on the timeline, when it counts as a
// contact with the client, and how calls and phone offers count toward the day's quotas.

export { CALL_OUTCOMES, type CallOutcome } from './types';

/** For the log form and the timeline; 'attempted' is a click-to-call not logged yet. */
export const OUTCOME_LABELS: Record<CallActivityOutcome, string> = {
  reached: 'Reached',
  'no-answer': 'No answer',
  busy: 'Busy',
  'wrong-number': 'Wrong number',
  voicemail: 'Voicemail',
  attempted: 'Dialled',
};

/** One client a number belongs to, with the contact it came through. */
export interface PhoneMatch {
  clientId: string;
  clientName: string;
  contactId: string | null;
  contactName: string | null;
}

/** Reply to matchPhone: the number read, or why not; whose it is. */
export interface MatchPhoneResult {
  phone: PhoneNumber | null;
  /** Why the number could not be read, or null. */
  error: string | null;
  matches: PhoneMatch[];
  /** Several clients have this number (a switchboard): the user picks one before logging. */
  shared: boolean;
}

/** "45 s", "3 min 20 s", "3 min", "1 h 5 min". */
export function formatCallDuration(totalSec: number): string {
  const sec = Math.max(0, Math.round(totalSec));
  if (sec < 60) return `${sec} s`;
  if (sec < 3600) return sec % 60 ? `${Math.floor(sec / 60)} min ${sec % 60} s` : `${sec / 60} min`;
  const minutes = Math.floor((sec % 3600) / 60);
  return minutes ? `${Math.floor(sec / 3600)} h ${minutes} min` : `${sec / 3600} h`;
}

/** The timeline's first line for a call: "Outgoing call, 3 min 20 s, reached". */
export function callSummaryLine(call: { direction: CallDirection; durationSec: number | null; outcome: CallActivityOutcome }): string {
  return [
    call.direction === 'out' ? 'Outgoing call' : 'Incoming call',
    ...(call.durationSec === null ? [] : [formatCallDuration(call.durationSec)]),
    OUTCOME_LABELS[call.outcome].toLowerCase(),
  ].join(', ');
}

/** The call's line, then the user's note. */
export function callSummary(line: string, note: string): string {
  const text = note.trim();
  return text ? `${line}\n${text}` : line;
}

/**
 * Whether a call is a contact with the client (it moves the client's last contact). Only when
 * someone was spoken to, or an offer made: a dial that rang out, was busy, reached a wrong number
 * or a voicemail box must not satisfy "contact with every client at least once a month".
 */
export function countsAsContact(outcome: CallActivityOutcome, offer: boolean): boolean {
  return outcome === 'reached' || offer;
}

/** The channel reference of a call placed or logged in ClientDesk (a softphone's own id otherwise). */
export function callChannelRef(id: string): string {
  return `call:${id}`;
}

// The two counting rules below are the badge's (lib/db/sends.ts countOnDay, countClientsOnDay),
// written over a list of activities: deleted rows never count. Retractions are not consulted,
// as the badge does not consult them either (nothing retracts a call or a phone offer yet).

const countedOn = (activity: Activity, type: Activity['type'], day: string) => activity.type === type && activity.dayKey === day && !activity.deletedAt;

/** Calls on a day: each call counts, whatever its outcome (a dial is a call made). */
export function countCalls(activities: readonly Activity[], day: string): number {
  return activities.filter((a) => countedOn(a, 'call', day)).length;
}

/**
 * Phone offers on a day: one per client ("offers to 20 companies a day"), however many calls
 * carried an offer to it; an offer to a number without a client counts by itself.
 */
export function countPhoneOffers(activities: readonly Activity[], day: string): number {
  return new Set(activities.filter((a) => countedOn(a, 'phone_offer', day)).map((a) => a.clientId ?? a.id)).size;
}

/**
 * The matches of a number dialled with an extension, narrowed to the cards that hold that exact
 * extension ("доб. 12" is one person at a switchboard). Without an extension, or when no card
 * holds it, every match stays: the switchboard is then shared and the user picks.
 */
export function narrowByExtension(matches: readonly ClientMatch[], phone: Pick<PhoneNumber, 'e164' | 'ext'>): ClientMatch[] {
  if (!phone.ext) return [...matches];
  const holds = (phones: readonly PhoneNumber[]) => phones.some((p) => p.e164 === phone.e164 && p.ext === phone.ext);
  const exact = matches.filter((m) => holds(m.client.phones) || (m.contact !== null && holds(m.contact.phones)));
  return exact.length ? exact : [...matches];
}

/** A click-to-call whose outcome the user has not logged yet (the log form completes it). */
export function awaitsOutcome(activity: Pick<Activity, 'type' | 'outcome'>): boolean {
  return activity.type === 'call' && activity.outcome === 'attempted';
}
