import { createBackup } from '@/lib/db/backup';
import type { ClientDeskDb } from '@/lib/db/database';
import { encryptBackupText, type BackupKey } from './envelope';

// The text of one backup file: the full backup (tombstones scrubbed), encrypted when a key is set.

export interface BackupFileText {
  text: string;
  createdAt: string;
  encrypted: boolean;
}

export async function makeBackupFileText(db: ClientDeskDb, key: BackupKey | null): Promise<BackupFileText> {
  const backup = await createBackup(db);
  const plain = JSON.stringify(backup);
  if (!key) return { text: plain, createdAt: backup.createdAt, encrypted: false };
  return { text: await encryptBackupText(plain, key, backup.createdAt), createdAt: backup.createdAt, encrypted: true };
}
