import Dexie, { type EntityTable } from 'dexie';
import { normalizePrefs, type AutoBackupPrefs } from '@/lib/backup/schedule';
import type { BackupFileRecord } from '@/lib/backup/retention';
import type { BackupKey } from '@/lib/backup/envelope';

// Automatic backups' own small database (issue 12.9), apart from the client base: its schedule,
// the files ClientDesk made, the last result, and the encryption key. Apart, because these are
// facts about this browser's Downloads folder: a backup must not carry them, and restoring one
// (which clears the base's tables) must not make ClientDesk forget which files are its own.
//
// The passphrase itself is never stored. When the user sets one, the background derives the
// AES-GCM key once and keeps only that key, as a non-extractable CryptoKey (IndexedDB stores it
// by structured clone; script can use it to encrypt, never read its bytes). It lives in this
// browser profile's extension storage, next to the base it protects: it guards the files that
// leave the browser, not the browser itself.

export const AUTO_BACKUP_DB_NAME = 'clientdesk-autobackup';

export interface AutoBackupStatus {
  /** When the last automatic (or "Back up now") file was saved completely. */
  lastAt: string | null;
  /** Its path on disk, as the browser saved it. */
  lastFileName: string | null;
  lastError: { at: string; message: string } | null;
  lastScrubAt: string | null;
}

type StateRow =
  | { key: 'prefs'; value: AutoBackupPrefs }
  | { key: 'status'; value: AutoBackupStatus }
  | { key: 'files'; value: BackupFileRecord[] }
  | { key: 'key'; value: BackupKey };
type StateKey = StateRow['key'];
type ValueOf<K extends StateKey> = Extract<StateRow, { key: K }>['value'];

export type AutoBackupDb = Dexie & { state: EntityTable<StateRow, 'key'> };

export function openAutoBackupDb(name = AUTO_BACKUP_DB_NAME): AutoBackupDb {
  const db = new Dexie(name) as AutoBackupDb;
  db.version(1).stores({ state: 'key' });
  return db;
}

let shared: AutoBackupDb | null = null;
export function getAutoBackupDb(): AutoBackupDb {
  shared ??= openAutoBackupDb();
  return shared;
}

const EMPTY_STATUS: AutoBackupStatus = { lastAt: null, lastFileName: null, lastError: null, lastScrubAt: null };

async function read<K extends StateKey>(db: AutoBackupDb, key: K): Promise<ValueOf<K> | undefined> {
  return (await db.state.get(key))?.value as ValueOf<K> | undefined;
}

export async function getPrefs(db: AutoBackupDb): Promise<AutoBackupPrefs> {
  return normalizePrefs(await read(db, 'prefs'));
}

export async function savePrefs(db: AutoBackupDb, prefs: AutoBackupPrefs): Promise<AutoBackupPrefs> {
  const value = normalizePrefs(prefs);
  await db.state.put({ key: 'prefs', value });
  return value;
}

export async function getStatus(db: AutoBackupDb): Promise<AutoBackupStatus> {
  return { ...EMPTY_STATUS, ...(await read(db, 'status')) };
}

export async function updateStatus(db: AutoBackupDb, patch: Partial<AutoBackupStatus>): Promise<AutoBackupStatus> {
  return db.transaction('rw', db.state, async () => {
    const value = { ...(await getStatus(db)), ...patch };
    await db.state.put({ key: 'status', value });
    return value;
  });
}

export async function getFiles(db: AutoBackupDb): Promise<BackupFileRecord[]> {
  return (await read(db, 'files')) ?? [];
}

export async function saveFiles(db: AutoBackupDb, files: BackupFileRecord[]): Promise<void> {
  await db.state.put({ key: 'files', value: files });
}

export async function addFile(db: AutoBackupDb, file: BackupFileRecord): Promise<void> {
  await db.transaction('rw', db.state, async () => saveFiles(db, [...(await getFiles(db)).filter((f) => f.downloadId !== file.downloadId), file]));
}

export async function getBackupKey(db: AutoBackupDb): Promise<BackupKey | null> {
  return (await read(db, 'key')) ?? null;
}

export async function saveBackupKey(db: AutoBackupDb, key: BackupKey | null): Promise<void> {
  if (key) await db.state.put({ key: 'key', value: key });
  else await db.state.delete('key');
}

/** What Options shows (optionsToBackground.getAutoBackup and the replies of its changes). */
export interface AutoBackupView {
  prefs: AutoBackupPrefs;
  encrypted: boolean;
  status: AutoBackupStatus;
  /** ClientDesk's own backup files on record in Downloads/ClientDesk. */
  files: number;
}

export async function autoBackupView(db: AutoBackupDb): Promise<AutoBackupView> {
  const [prefs, key, status, files] = await Promise.all([getPrefs(db), getBackupKey(db), getStatus(db), getFiles(db)]);
  return { prefs, encrypted: key !== null, status, files: files.length };
}
