import { useEffect, useState } from 'react';
import { createBackup, getLastBackupAt } from '@/lib/db/backup';
import { getDb } from '@/lib/db/database';
import { BACKUP_REMINDER_DAYS, backupIsDue } from '@/lib/domain/backup-reminder';
import { formatDay } from '@/lib/domain/format';
import { sendToBackground } from '@/lib/messaging/send';
import { downloadFile, todayForFileName } from '../download';
import { AutoBackupSettings } from './AutoBackupSettings';
import { RestoreSection } from './RestoreSection';

// A full backup (every table, with a format version) to one JSON file, and restoring one
// (RestoreSection: checked whole first, then replaced or merged, with progress and Cancel).

export function BackupPanel({ onRestored }: { onRestored(): void }) {
  const [lastBackupAt, setLastBackupAt] = useState<string | null | undefined>(undefined);
  const [backupError, setBackupError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);

  useEffect(() => {
    void getLastBackupAt(getDb()).then(setLastBackupAt);
  }, []);

  const makeBackup = async () => {
    setMaking(true);
    setBackupError(null);
    try {
      const backup = await createBackup(getDb());
      downloadFile(`clientdesk-backup-${todayForFileName()}.json`, JSON.stringify(backup), 'application/json');
      await sendToBackground({ type: 'optionsToBackground.backupMade', at: backup.createdAt });
      setLastBackupAt(backup.createdAt);
    } catch (e) {
      setBackupError(`The backup failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setMaking(false);
    }
  };

  return (
    <section aria-label="Backup">
      <h2>Backup and restore</h2>
      <p data-testid="last-backup" className={lastBackupAt !== undefined && backupIsDue(lastBackupAt) ? 'warning' : 'muted'}>
        {lastBackupAt === undefined ? '…' : lastBackupAt === null ? 'No backup made yet.' : `Last backup: ${formatDay(lastBackupAt)}.`}
        {lastBackupAt !== undefined && backupIsDue(lastBackupAt) && ` Your base lives only in this browser: make a backup at least every ${BACKUP_REMINDER_DAYS} days.`}
      </p>
      <button type="button" disabled={making} onClick={() => void makeBackup()}>{making ? 'Making the backup…' : 'Download a full backup'}</button>
      {backupError && <p className="error" role="alert">{backupError}</p>}
      <AutoBackupSettings onBackedUp={setLastBackupAt} />
      <RestoreSection onRestored={onRestored} />
    </section>
  );
}
