import { browser } from 'wxt/browser';
import { makeBackupFileText } from '@/lib/backup/make-file';
import { getBackupKey, type AutoBackupDb } from '@/lib/db/auto-backup-store';
import type { ClientDeskDb } from '@/lib/db/database';
import { OFFSCREEN_PATH, type MakeBackupFileReply, type MakeBackupFileRequest } from './offscreen-messages';

// A URL the downloads API can save the backup file from, alive while `save` runs.
// Firefox's background is a page: it makes a blob: URL itself. Chrome's service worker cannot, so an
// offscreen document (reason BLOBS) makes the file and its blob: URL (backup-offscreen.ts).

export interface BackupFileUrl {
  url: string;
  createdAt: string;
  encrypted: boolean;
  bytes: number;
}

export async function withBackupFileUrl<T>(db: ClientDeskDb, store: AutoBackupDb, save: (file: BackupFileUrl) => Promise<T>): Promise<T> {
  if (typeof URL.createObjectURL === 'function') {
    const file = await makeBackupFileText(db, await getBackupKey(store));
    const blob = new Blob([file.text], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    try {
      return await save({ url, createdAt: file.createdAt, encrypted: file.encrypted, bytes: blob.size });
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  await openOffscreen();
  try {
    const request: MakeBackupFileRequest = { type: 'backgroundToOffscreen.makeBackupFile' };
    const reply = (await browser.runtime.sendMessage(request)) as MakeBackupFileReply | undefined;
    if (!reply) throw new Error('the backup page did not answer');
    if (!reply.ok) throw new Error(reply.error);
    return await save(reply);
  } finally {
    // Closing the document revokes its blob: URL; the download has finished by now.
    await browser.offscreen.closeDocument().catch(() => undefined);
  }
}

async function openOffscreen(): Promise<void> {
  // One offscreen document per extension: one left by a worker stopped mid-backup is reused.
  if (await browser.offscreen.hasDocument()) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: ['BLOBS'],
    justification: 'Save the automatic backup file: a service worker cannot create blob: URLs.',
  });
}
