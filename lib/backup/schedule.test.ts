import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_BACKUP_PREFS, backupDue, backupFileName, normalizePrefs } from './schedule';
import { planRetention, type BackupFileRecord, type DownloadFacts } from './retention';

const now = Date.parse('2026-12-02T09:00:00.000Z');
const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();

describe('the automatic backup schedule', () => {
  it('is daily, keeping 7 files, by default', () => {
    expect(DEFAULT_AUTO_BACKUP_PREFS).toEqual({ frequency: 'daily', keep: 7 });
  });

  it('daily: due with no backup yet, after a day (or a missed one), not within the day', () => {
    const daily = { frequency: 'daily', keep: 7 } as const;
    expect(backupDue(daily, null, now)).toBe(true);
    expect(backupDue(daily, hoursAgo(23), now)).toBe(false);
    expect(backupDue(daily, hoursAgo(24), now)).toBe(true);
    expect(backupDue(daily, hoursAgo(72), now)).toBe(true);
    // An alarm a few minutes early still makes today's backup.
    expect(backupDue(daily, hoursAgo(23.9), now)).toBe(true);
  });

  it('weekly: due after seven days', () => {
    const weekly = { frequency: 'weekly', keep: 4 } as const;
    expect(backupDue(weekly, hoursAgo(6 * 24), now)).toBe(false);
    expect(backupDue(weekly, hoursAgo(7 * 24), now)).toBe(true);
  });

  it('off: never due, whatever the last backup', () => {
    expect(backupDue({ frequency: 'off', keep: 7 }, null, now)).toBe(false);
    expect(backupDue({ frequency: 'off', keep: 7 }, hoursAgo(1000), now)).toBe(false);
  });

  it('a last time in the future (the clock was set back) or unreadable does not stop backups', () => {
    expect(backupDue(DEFAULT_AUTO_BACKUP_PREFS, hoursAgo(-48), now)).toBe(true);
    expect(backupDue(DEFAULT_AUTO_BACKUP_PREFS, 'yesterday', now)).toBe(true);
  });

  it('names the file in the ClientDesk folder by local date and time', () => {
    expect(backupFileName(new Date(2026, 0, 5, 7, 3))).toBe('ClientDesk/clientdesk-backup-2026-01-05-0703.json');
  });

  it('replaces prefs out of range by the default', () => {
    expect(normalizePrefs({ frequency: 'weekly', keep: 3 })).toEqual({ frequency: 'weekly', keep: 3 });
    expect(normalizePrefs({ frequency: 'hourly' as never, keep: 0 })).toEqual(DEFAULT_AUTO_BACKUP_PREFS);
    expect(normalizePrefs(null)).toEqual(DEFAULT_AUTO_BACKUP_PREFS);
  });
});

describe('which backup files to remove', () => {
  const file = (downloadId: number, day: number): BackupFileRecord => ({ downloadId, fileName: `/d/ClientDesk/clientdesk-backup-2026-12-0${day}-0900.json`, at: `2026-12-0${day}T09:00:00.000Z` });
  const complete: DownloadFacts = { state: 'complete', exists: true };

  it('keeps the newest N complete files and removes the older ones', () => {
    const records = [file(1, 1), file(3, 3), file(2, 2), file(4, 4)];
    const facts = new Map(records.map((r) => [r.downloadId, complete]));
    const plan = planRetention(records, facts, 2);
    expect(plan.kept.map((r) => r.downloadId)).toEqual([4, 3]);
    expect(plan.remove.map((r) => r.downloadId)).toEqual([2, 1]);
    expect(plan.forget).toEqual([]);
  });

  it('never counts or removes a download in progress; forgets failed, deleted and unknown downloads without touching them', () => {
    const records = [file(1, 1), file(2, 2), file(3, 3), file(4, 4), file(5, 5)];
    const facts = new Map<number, DownloadFacts>([
      [1, complete],
      [2, { state: 'complete', exists: false }],
      [3, { state: 'interrupted', exists: false }],
      [5, { state: 'in_progress', exists: true }],
    ]);
    const plan = planRetention(records, facts, 1);
    expect(plan.kept.map((r) => r.downloadId)).toEqual([5, 1]);
    expect(plan.remove).toEqual([]);
    expect(plan.forget.map((r) => r.downloadId)).toEqual([2, 3, 4]);
  });
});
