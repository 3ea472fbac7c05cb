import { browser, type Browser } from 'wxt/browser';
import { makeBackupFileText } from '@/lib/backup/make-file';
import { getAutoBackupDb, getBackupKey } from '@/lib/db/auto-backup-store';
import { getDb } from '@/lib/db/database';
import type { MakeBackupFileReply, MakeBackupFileRequest } from './offscreen-messages';

// The offscreen document's one job (Chrome): a service worker cannot make blob: URLs
// (URL.createObjectURL is not exposed there), and a data: URL is capped by the browser's URL length
// limit (2 MiB; see README's backup section), so the backup file is built here, a first-party
// extension page that may read the base, and handed to downloads.download as a blob: URL. The
// worker closes this document when the download has finished, which revokes the URL.

const isRequest = (message: unknown): message is MakeBackupFileRequest =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'backgroundToOffscreen.makeBackupFile';

export function serveBackupFiles(): void {
  // Every runtime message reaches every extension page; this one answers only the worker's request.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isRequest(message) || sender.id !== browser.runtime.id || sender.tab || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    return makeFileUrl();
  });
}

async function makeFileUrl(): Promise<MakeBackupFileReply> {
  try {
    const file = await makeBackupFileText(getDb(), await getBackupKey(getAutoBackupDb()));
    const blob = new Blob([file.text], { type: 'application/json' });
    return { ok: true, url: URL.createObjectURL(blob), createdAt: file.createdAt, encrypted: file.encrypted, bytes: blob.size };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
