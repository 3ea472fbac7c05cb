// What counts as a contact with a client (DESIGN.md: "contact with every client at least once a
// month"), shared by the agenda and the monthly report.
import type { Activity, CallActivityOutcome, ClientStatus } from './types';

// A dial that rang out, was busy, reached a wrong number or a voicemail box is not a contact with
// the client (lib/domain/calls.ts countsAsContact: it does not move client.lastContactAt either).
const CALLS_WITHOUT_CONTACT: ReadonlySet<string> = new Set<CallActivityOutcome>(['attempted', 'no-answer', 'busy', 'wrong-number', 'voicemail']);

/**
 * Whether an activity resets the "contact every client" clock: any mail, offer, meeting or call
 * that reached someone (a call without an outcome, logged before outcomes were, counts). Notes,
 * greetings and the rest do not.
 */
export function isContactActivity(activity: Pick<Activity, 'type' | 'outcome'>): boolean {
  switch (activity.type) {
    case 'email':
    case 'email_offer':
    case 'phone_offer':
    case 'meeting':
      return true;
    case 'call':
      return activity.outcome === null || !CALLS_WITHOUT_CONTACT.has(activity.outcome);
    default:
      return false;
  }
}

// Inactive and lost clients are not expected to be contacted every month: they would bury the
// clients who are. (They stay in the agenda's other sections: a lost client still owes what it owes.)
export const NOT_EXPECTED_TO_CONTACT: ReadonlySet<ClientStatus> = new Set<ClientStatus>(['inactive', 'lost']);
