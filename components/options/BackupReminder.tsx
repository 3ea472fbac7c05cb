import { useEffect, useState } from 'react';
import { getLastBackupAt } from '@/lib/db/backup';
import { getDb } from '@/lib/db/database';
import { formatDay } from '@/lib/domain/format';
import { BACKUP_REMINDER_DAYS, backupIsDue } from '@/lib/domain/backup-reminder';

// On the client list: a base with clients and no backup in the last week gets a reminder, since
// the base lives only in this browser.

export function BackupReminder({ clientCount }: { clientCount: number }) {
  const [lastBackupAt, setLastBackupAt] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void getLastBackupAt(getDb()).then(setLastBackupAt);
  }, []);
  if (lastBackupAt === undefined || clientCount === 0 || !backupIsDue(lastBackupAt)) return null;
  return (
    <p className="notice" data-testid="backup-reminder">
      {lastBackupAt ? `Your last backup was on ${formatDay(lastBackupAt)}.` : 'You have not made a backup yet.'} Your base lives only in this browser:{' '}
      <a href="#backup">make a backup</a> at least every {BACKUP_REMINDER_DAYS} days.
    </p>
  );
}
