import { browser } from 'wxt/browser';
import type { ClientDeskDb } from '@/lib/db/database';
import { contractChannelRef, countNewClientContractsInMonth } from '@/lib/db/contracts';
import { countClientsOnDay, countOnDay } from '@/lib/db/sends';
import { dayKey, monthOf, nextDayStart } from '@/lib/domain/day-key';
import { badgeTitle, pace, PACE_COLORS, progressItems, type Counts } from '@/lib/domain/progress';
import type { Settings } from '@/lib/domain/types';

// The toolbar badge: today's confirmed e-mail offers, coloured by pace; every counter in its
// tooltip. Always recomputed from the database (the service worker may have just started), and
// rolled over by an alarm at local midnight while the browser stays open.

export const MIDNIGHT_ALARM = 'clientdesk:midnight';
const SAFETY_ALARM = 'clientdesk:badge-refresh';

// Firefox MV2 has browserAction, not action (toolchain.md).
const action = () => browser.action ?? browser.browserAction;

/**
 * Contracts with new clients concluded in the month of `today` (the monthly quota).
 * Until issue 7 this counted the month's 'contract' activities, whatever they were. Now a contract
 * record counts when it is a first contract signed this month; its own signing activity (channelRef
 * `contract:<id>`) is left out, since every signed contract gets one, new client or not. Any other
 * 'contract' activity (restored or imported from before contract records existed) still counts
 * as before, so no month's count drops.
 */
export async function countNewContracts(db: ClientDeskDb, today: string): Promise<number> {
  const month = monthOf(today);
  const recordRef = contractChannelRef('');
  const [contracts, olderActivities] = await Promise.all([
    countNewClientContractsInMonth(db, today),
    db.activities
      .where('[type+dayKey]')
      .between(['contract', month.first], ['contract', month.last], true, true)
      .filter((a) => !a.deletedAt && !(a.channelRef ?? '').startsWith(recordRef))
      .count(),
  ]);
  return contracts + olderActivities;
}

export async function todayCounts(db: ClientDeskDb, settings: Settings, now = new Date()): Promise<Counts> {
  const today = dayKey(now, settings.timeZone);
  const [emailOffers, phoneOffers, calls, newContracts] = await Promise.all([
    countOnDay(db, 'email_offer', today),
    countClientsOnDay(db, 'phone_offer', today),
    countOnDay(db, 'call', today),
    countNewContracts(db, today),
  ]);
  return { emailOffers, phoneOffers, calls, newContracts };
}

export async function refreshBadge(db: ClientDeskDb, settings: Settings): Promise<Counts> {
  const counts = await todayCounts(db, settings);
  const quota = settings.quotas.emailOffersPerDay;
  const badge = action();
  await Promise.all([
    badge.setBadgeText({ text: String(counts.emailOffers) }),
    badge.setBadgeBackgroundColor({ color: PACE_COLORS[pace(counts.emailOffers, quota)] }),
    badge.setTitle({ title: badgeTitle(progressItems(counts, settings.quotas)) }),
    // Chromium 110+ only; white text reads on all three colours.
    'setBadgeTextColor' in badge ? badge.setBadgeTextColor({ color: '#ffffff' }) : undefined,
  ]);
  await browser.alarms.create(MIDNIGHT_ALARM, { when: nextDayStart(new Date(), settings.timeZone).getTime() + 1000 });
  return counts;
}

/** Keeps the badge right: now, at each local midnight, and every 30 minutes as a safety net. */
export function keepBadge(db: ClientDeskDb, settings: () => Promise<Settings>): void {
  const refresh = () => settings().then((s) => refreshBadge(db, s)).catch((error: unknown) => console.warn('[ClientDesk] badge:', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MIDNIGHT_ALARM || alarm.name === SAFETY_ALARM) void refresh();
  });
  void browser.alarms.create(SAFETY_ALARM, { periodInMinutes: 30 });
  void refresh();
}
