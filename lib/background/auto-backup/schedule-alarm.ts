import { browser } from 'wxt/browser';
import { backupDue } from '@/lib/backup/schedule';
import { getAutoBackupDb, getPrefs, getStatus, updateStatus } from '@/lib/db/auto-backup-store';
import type { ClientDeskDb } from '@/lib/db/database';
import { scrubExpiredTombstones } from '@/lib/db/tombstones';
import { runBackup, type AutoBackupDeps } from './run';

// The schedule (issue 12.9): an hourly alarm asks the pure rule whether a backup is due, so a day
// missed while the browser was closed is made up soon after the next start (alarms survive
// restarts; onStartup checks at once). The same check scrubs expired tombstones once a day.

export const AUTO_BACKUP_ALARM = 'clientdesk:auto-backup';
const CHECK_EVERY_MINUTES = 60;
// After an install the user imports their clients first; the first check waits a little for them.
const FIRST_CHECK_MINUTES = 10;
const DAY_MS = 86_400_000;

export async function checkSchedule({ db, store }: AutoBackupDeps, now = new Date()): Promise<void> {
  const [prefs, status] = await Promise.all([getPrefs(store), getStatus(store)]);
  if (!status.lastScrubAt || now.getTime() - Date.parse(status.lastScrubAt) >= DAY_MS || Number.isNaN(Date.parse(status.lastScrubAt))) {
    await scrubExpiredTombstones(db, now);
    await updateStatus(store, { lastScrubAt: now.toISOString() });
  }
  if (!backupDue(prefs, status.lastAt, now.getTime())) return;
  // A new install has nothing to protect yet: no file in Downloads until there is a client.
  if ((await db.clients.count()) === 0) return;
  await runBackup({ db, store });
}

export function keepAutoBackups(db: ClientDeskDb): void {
  const deps = { db, store: getAutoBackupDb() };
  const check = () => void checkSchedule(deps).catch((error: unknown) => console.warn('[ClientDesk] the backup schedule check failed:', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_BACKUP_ALARM) check();
  });
  browser.runtime.onStartup.addListener(check);
  // Created once; the worker starts often, and re-creating it would push the next check back.
  void browser.alarms.get(AUTO_BACKUP_ALARM).then((existing) => {
    if (!existing) return browser.alarms.create(AUTO_BACKUP_ALARM, { delayInMinutes: FIRST_CHECK_MINUTES, periodInMinutes: CHECK_EVERY_MINUTES });
  });
}
