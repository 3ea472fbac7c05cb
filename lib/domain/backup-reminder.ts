// When Options reminds the user to back up (issue 5: "reminds after 7 days"). Pure.

export const BACKUP_REMINDER_DAYS = 7;

/** True when there is no backup yet, or the last one is older than the reminder period. */
export function backupIsDue(lastBackupAt: string | null, now = Date.now()): boolean {
  if (lastBackupAt === null) return true;
  const at = Date.parse(lastBackupAt);
  return Number.isNaN(at) || now - at > BACKUP_REMINDER_DAYS * 86_400_000;
}
