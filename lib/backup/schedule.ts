// When an automatic backup is due, and what its file is called (issue 12.9). Pure.

export const BACKUP_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

export interface AutoBackupPrefs {
  frequency: BackupFrequency;
  /** How many of ClientDesk's automatic backup files to keep in the Downloads folder. */
  keep: number;
}

export const DEFAULT_AUTO_BACKUP_PREFS: AutoBackupPrefs = { frequency: 'daily', keep: 7 };
export const MIN_KEEP = 1;
export const MAX_KEEP = 100;

/** The folder under the browser's Downloads folder that automatic backups go to. */
export const BACKUP_FOLDER = 'ClientDesk';

const DAY_MS = 86_400_000;
const PERIOD_MS: Record<Exclude<BackupFrequency, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
// An alarm fires a little late or early (Chromium rounds to the minute, and a browser started at
// 09:01 after yesterday's 09:03 backup should not wait a day): a backup this close to the period is due.
const EARLY_MS = 10 * 60_000;

/**
 * True when the schedule wants a backup now: never when off; otherwise when there is none yet,
 * the last one is a period old, or its time is unreadable or in the future (a clock set back).
 */
export function backupDue(prefs: AutoBackupPrefs, lastAutoBackupAt: string | null, now = Date.now()): boolean {
  if (prefs.frequency === 'off') return false;
  if (lastAutoBackupAt === null) return true;
  const at = Date.parse(lastAutoBackupAt);
  if (Number.isNaN(at) || at > now + EARLY_MS) return true;
  return now - at >= PERIOD_MS[prefs.frequency] - EARLY_MS;
}

/** `ClientDesk/clientdesk-backup-2026-12-02-1830.json`, in local time (the browser uniquifies a clash). */
export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${BACKUP_FOLDER}/clientdesk-backup-${stamp}.json`;
}

/** Prefs read from storage or a message, with anything out of range replaced by the default. */
export function normalizePrefs(raw: Partial<AutoBackupPrefs> | null | undefined): AutoBackupPrefs {
  const frequency = BACKUP_FREQUENCIES.includes(raw?.frequency as BackupFrequency) ? (raw!.frequency as BackupFrequency) : DEFAULT_AUTO_BACKUP_PREFS.frequency;
  const keep = Number.isInteger(raw?.keep) && raw!.keep! >= MIN_KEEP && raw!.keep! <= MAX_KEEP ? raw!.keep! : DEFAULT_AUTO_BACKUP_PREFS.keep;
  return { frequency, keep };
}
