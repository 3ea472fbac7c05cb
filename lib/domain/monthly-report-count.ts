// The monthly report's pass over the month's activities: per-day counters and contacts per client.
// The bench feeds it a million activities, so each one costs a few comparisons and a counter bump;
// nothing is allocated per activity (the per-day sets hold the day's distinct clients only).
import { isContactActivity } from './contact-activity';
import type { Activity } from './types';

export type ReportActivity = Pick<Activity, 'id' | 'type' | 'clientId' | 'dayKey' | 'deletedAt' | 'retractsId' | 'outcome'>;

export interface ActivityCounts {
  calls: Int32Array;
  /** One per client per day (calls.ts countPhoneOffers). */
  phoneOffers: Int32Array;
  /** Confirmed and not undone (the badge's count, retractions taken out). */
  emailOffers: Int32Array;
  /** Contact activities per client id in the month (contact-activity.ts). */
  contactsByClient: Map<string, number>;
}

/**
 * The index of a day key in its month (0 for the 1st), or −1 when it is not in `month`. Days are
 * the stored dayKey, the local day the activity was counted on by the badge; a row read by the `at`
 * range whose day falls outside the month (the zone was changed since) is left out.
 */
function dayIndex(key: string, monthPrefix: string, dayCount: number): number {
  if (key.length !== 10 || !key.startsWith(monthPrefix)) return -1;
  const index = (key.charCodeAt(8) - 48) * 10 + (key.charCodeAt(9) - 48) - 1;
  return index >= 0 && index < dayCount ? index : -1;
}

// Only a send can be undone (Undo after Send writes a retraction of it); nothing retracts a call or
// a phone offer (calls.ts), which is why their counters need no undoing.
const isUndoable = (type: Activity['type']) => type === 'email_offer' || type === 'email';

export function countActivities(activities: readonly ReportActivity[], month: string, dayCount: number): ActivityCounts {
  const counts: ActivityCounts = {
    calls: new Int32Array(dayCount),
    phoneOffers: new Int32Array(dayCount),
    emailOffers: new Int32Array(dayCount),
    contactsByClient: new Map(),
  };
  const phoneOfferClients: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(dayCount);
  const monthPrefix = `${month}-`;
  /** Ids of sends undone, from the retractions met so far. */
  const retracted = new Set<string>();
  /** Undone sends met after their retraction, so never counted. */
  const skipped = new Set<string>();

  const tally = (activity: ReportActivity, day: number, by: 1 | -1) => {
    if (activity.type === 'call') counts.calls[day]! += by;
    else if (activity.type === 'email_offer') counts.emailOffers[day]! += by;
    if (activity.clientId !== null && isContactActivity(activity)) {
      counts.contactsByClient.set(activity.clientId, (counts.contactsByClient.get(activity.clientId) ?? 0) + by);
    }
  };

  for (const activity of activities) {
    if (activity.deletedAt) continue;
    if (activity.type === 'retraction') {
      if (activity.retractsId) retracted.add(activity.retractsId);
      continue;
    }
    if (retracted.size > 0 && isUndoable(activity.type) && retracted.has(activity.id)) {
      skipped.add(activity.id);
      continue;
    }
    const day = dayIndex(activity.dayKey, monthPrefix, dayCount);
    if (day < 0) continue;
    if (activity.type === 'phone_offer') {
      // An offer to a number without a client counts by itself (its own id).
      (phoneOfferClients[day] ??= new Set()).add(activity.clientId ?? activity.id);
    }
    tally(activity, day, 1);
  }

  // A retraction usually comes after the send it undoes (in time and in the type index): take
  // those sends back out. Only when there are some, so a month without an Undo is read once.
  if (retracted.size > skipped.size) {
    for (const activity of activities) {
      if (activity.deletedAt || !isUndoable(activity.type) || !retracted.has(activity.id) || skipped.has(activity.id)) continue;
      const day = dayIndex(activity.dayKey, monthPrefix, dayCount);
      if (day >= 0) tally(activity, day, -1);
    }
  }

  for (let day = 0; day < dayCount; day += 1) counts.phoneOffers[day] = phoneOfferClients[day]?.size ?? 0;
  return counts;
}
