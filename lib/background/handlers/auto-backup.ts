import { deriveBackupKey } from '@/lib/backup/envelope';
import { autoBackupView, getAutoBackupDb, saveBackupKey, savePrefs } from '@/lib/db/auto-backup-store';
import { runBackup } from '../auto-backup/run';
import type { Handlers } from './context';

// Automatic backups in Options (issue 12.9): the schedule, the passphrase, "Back up now". Every
// reply is the new AutoBackupView.

export const autoBackupHandlers: Pick<
  Handlers,
  | 'optionsToBackground.getAutoBackup'
  | 'optionsToBackground.saveAutoBackupPrefs'
  | 'optionsToBackground.setBackupPassphrase'
  | 'optionsToBackground.removeBackupPassphrase'
  | 'optionsToBackground.backupNow'
> = {
  async 'optionsToBackground.getAutoBackup'() {
    return autoBackupView(getAutoBackupDb());
  },

  async 'optionsToBackground.saveAutoBackupPrefs'(message) {
    const store = getAutoBackupDb();
    await savePrefs(store, { frequency: message.frequency, keep: message.keep });
    return autoBackupView(store);
  },

  async 'optionsToBackground.setBackupPassphrase'(message) {
    const store = getAutoBackupDb();
    // Only the derived, non-extractable key is kept (auto-backup-store.ts); the passphrase is dropped here.
    await saveBackupKey(store, await deriveBackupKey(message.passphrase));
    return autoBackupView(store);
  },

  async 'optionsToBackground.removeBackupPassphrase'() {
    const store = getAutoBackupDb();
    await saveBackupKey(store, null);
    return autoBackupView(store);
  },

  async 'optionsToBackground.backupNow'(_message, ctx) {
    const store = getAutoBackupDb();
    await runBackup({ db: ctx.db, store });
    return autoBackupView(store);
  },
};
