import { browser, type Browser } from 'wxt/browser';
import { downloadFailure } from '@/lib/backup/download-errors';
import { planRetention, type DownloadFacts } from '@/lib/backup/retention';
import { backupFileName } from '@/lib/backup/schedule';
import { addFile, getFiles, getPrefs, saveFiles, updateStatus, type AutoBackupDb, type AutoBackupStatus } from '@/lib/db/auto-backup-store';
import { recordBackup } from '@/lib/db/backup';
import { nowIso, type ClientDeskDb } from '@/lib/db/database';
import { withBackupFileUrl } from './file-url';

// One automatic backup (issue 12.9): the file goes to Downloads/ClientDesk/ without a dialog, its
// download id is stored at once (so it is known as ours even if the worker stops), and only when
// the browser reports the file complete does it count: the reminder to back up counts from it and
// the oldest of ClientDesk's own files beyond "keep" are removed. A failure is stored for Options,
// and the reminder stays on.

const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

export interface AutoBackupDeps {
  db: ClientDeskDb;
  store: AutoBackupDb;
}

let running: Promise<AutoBackupStatus> | null = null;

/** Runs a backup, or joins the one running (an alarm and "Back up now" at the same moment make one file). */
export function runBackup(deps: AutoBackupDeps): Promise<AutoBackupStatus> {
  running ??= backUp(deps).finally(() => (running = null));
  return running;
}

async function backUp({ db, store }: AutoBackupDeps): Promise<AutoBackupStatus> {
  try {
    const saved = await withBackupFileUrl(db, store, async (file) => {
      const requested = backupFileName(new Date(file.createdAt));
      const downloadId = await browser.downloads.download({ url: file.url, filename: requested, conflictAction: 'uniquify', saveAs: false });
      await addFile(store, { downloadId, fileName: requested, at: file.createdAt });
      const item = await downloadFinished(downloadId);
      if (item.state !== 'complete') throw new Error(downloadFailure(item.error));
      return { at: file.createdAt, path: item.filename };
    });
    await recordBackup(db, saved.at);
    await keepNewest(store).catch((error: unknown) => console.warn('[ClientDesk] removing old backup files failed:', error));
    return await updateStatus(store, { lastAt: saved.at, lastFileName: saved.path, lastError: null });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn('[ClientDesk] automatic backup failed:', error);
    return updateStatus(store, { lastError: { at: nowIso(), message: message.startsWith('The backup') ? message : `The backup failed: ${message}` } });
  }
}

async function downloadItem(id: number): Promise<Browser.downloads.DownloadItem | undefined> {
  return (await browser.downloads.search({ id }))[0];
}

/** Resolves when the download is complete or interrupted (or a time-out passes). */
function downloadFinished(id: number): Promise<Browser.downloads.DownloadItem> {
  return new Promise((resolve, reject) => {
    const done = (item: Browser.downloads.DownloadItem) => {
      browser.downloads.onChanged.removeListener(onChanged);
      clearTimeout(timer);
      resolve(item);
    };
    const check = () =>
      void downloadItem(id).then((item) => {
        if (!item) return reject(new Error('The backup file was not saved: the download disappeared from the browser’s list.'));
        if (item.state !== 'in_progress') done(item);
      }, reject);
    const onChanged = (delta: Browser.downloads.DownloadDelta) => {
      if (delta.id === id && delta.state?.current && delta.state.current !== 'in_progress') check();
    };
    const timer = setTimeout(() => {
      browser.downloads.onChanged.removeListener(onChanged);
      reject(new Error('The backup file was not saved: the download did not finish within 5 minutes.'));
    }, DOWNLOAD_TIMEOUT_MS);
    browser.downloads.onChanged.addListener(onChanged);
    // It may have finished before the listener was added.
    check();
  });
}

/** Removes ClientDesk's own backup files beyond the newest `keep`, from disk and from the download list. */
async function keepNewest(store: AutoBackupDb): Promise<void> {
  const [records, { keep }] = await Promise.all([getFiles(store), getPrefs(store)]);
  const facts = new Map<number, DownloadFacts>();
  for (const record of records) {
    const item = await downloadItem(record.downloadId);
    // Only a download this extension started is ours to delete (ids are reused after the list is cleared).
    if (item && item.byExtensionId === browser.runtime.id) facts.set(record.downloadId, { state: item.state as DownloadFacts['state'], exists: item.exists });
  }
  const plan = planRetention(records, facts, keep);
  for (const record of plan.remove) {
    await browser.downloads.removeFile(record.downloadId).catch(() => undefined); // already gone: fine
    await browser.downloads.erase({ id: record.downloadId });
  }
  for (const record of plan.forget) if (facts.has(record.downloadId)) await browser.downloads.erase({ id: record.downloadId });
  await saveFiles(store, plan.kept);
}
