import type { EntityTable, IDType } from 'dexie';
import { scrubForBackup } from './tombstone-scrub';
import type { SyncedRecord } from '@/lib/domain/types';
import { nowIso, type ClientDeskDb } from './database';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Backup, type BackupTables } from './backup-schema';

export { parseBackup, parseBackupText, type Backup, type BackupTables, type ParsedBackup } from './backup-schema';

// A full backup of the base (every row, tombstones included) and its restore, each in ONE
// transaction over every table: a restore that fails half-way leaves the base as it was.

const LAST_BACKUP_KEY = 'lastBackupAt';

export interface RestoreCounts {
  added: number;
  updated: number;
  /** Rows of the backup not written because the base's version is as new or newer (merge mode). */
  kept: number;
}

/** Every table a backup holds, in the order they are written. */
function backupTables(db: ClientDeskDb) {
  return [db.clients, db.contacts, db.activities, db.templates, db.settings, db.contracts, db.complaints];
}

/** A consistent snapshot of every table, tombstones scrubbed. Read-only: the background records it with `recordBackup`. */
export async function createBackup(db: ClientDeskDb): Promise<Backup> {
  const tables = await db.transaction('r', backupTables(db), async () => {
    const [clients, contacts, activities, templates, settings, contracts, complaints] = await Promise.all([
      db.clients.toArray(),
      db.contacts.toArray(),
      db.activities.toArray(),
      db.templates.toArray(),
      db.settings.toArray(),
      db.contracts.toArray(),
      db.complaints.toArray(),
    ]);
    return { clients, contacts, activities, templates, settings, contracts, complaints };
  });
  // A removed client's personal data never goes into a file (issue 12.9), whatever its age.
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, createdAt: nowIso(), tables: scrubForBackup(tables) };
}

/** Remembers that a backup was saved at `at` (the reminder to back up counts from it). */
export async function recordBackup(db: ClientDeskDb, at: string = nowIso()): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await getLastBackupAt(db);
    if (!current || current < at) await db.settings.put({ key: LAST_BACKUP_KEY, value: at });
  });
}

export async function getLastBackupAt(db: ClientDeskDb): Promise<string | null> {
  const row = await db.settings.get(LAST_BACKUP_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/**
 * Restores a backup checked by `parseBackup`. `replace`: the base becomes the backup (settings
 * included). `merge`: by id, the version with the later `updatedAt` wins, rows only in the base
 * stay, and the current settings are kept.
 */
export async function restoreBackup(db: ClientDeskDb, backup: Backup, mode: 'replace' | 'merge'): Promise<RestoreCounts> {
  if (backup.schemaVersion > db.verno) {
    throw new Error(`This backup was made by a newer version of ClientDesk (database version ${backup.schemaVersion}). Update the extension, then restore it.`);
  }
  return db.transaction('rw', backupTables(db), () =>
    mode === 'replace' ? replaceAll(db, backup.tables) : mergeAll(db, backup.tables),
  );
}

async function replaceAll(db: ClientDeskDb, tables: BackupTables): Promise<RestoreCounts> {
  // When this browser last saved a backup is a fact about this browser, not data of the backup.
  const lastBackupAt = await getLastBackupAt(db);
  // A backup written before contracts and complaints (schema v2) leaves those tables empty.
  await Promise.all(backupTables(db).map((table) => table.clear()));
  await Promise.all([
    db.clients.bulkAdd(tables.clients),
    db.contacts.bulkAdd(tables.contacts),
    db.activities.bulkAdd(tables.activities),
    db.templates.bulkAdd(tables.templates),
    db.contracts.bulkAdd(tables.contracts),
    db.complaints.bulkAdd(tables.complaints),
    db.settings.bulkAdd(tables.settings),
  ]);
  if (lastBackupAt) await recordBackup(db, lastBackupAt);
  const added = Object.values(tables).reduce((sum, rows: unknown[]) => sum + rows.length, 0);
  return { added, updated: 0, kept: 0 };
}

async function mergeAll(db: ClientDeskDb, tables: BackupTables): Promise<RestoreCounts> {
  const results = await Promise.all([
    mergeTable(db.clients, tables.clients),
    mergeTable(db.contacts, tables.contacts),
    mergeTable(db.activities, tables.activities),
    mergeTable(db.templates, tables.templates),
    mergeTable(db.contracts, tables.contracts),
    mergeTable(db.complaints, tables.complaints),
  ]);
  const total = results.reduce((sum, r) => ({ added: sum.added + r.added, updated: sum.updated + r.updated, kept: sum.kept + r.kept }), { added: 0, updated: 0, kept: 0 });
  // The current settings stay; every settings row of the backup counts as kept.
  return { ...total, kept: total.kept + tables.settings.length };
}

async function mergeTable<T extends SyncedRecord>(table: EntityTable<T, 'id'>, rows: readonly T[]): Promise<RestoreCounts> {
  const current = await table.bulkGet(rows.map((r) => r.id as IDType<T, 'id'>));
  const write: T[] = [];
  const counts = { added: 0, updated: 0, kept: 0 };
  rows.forEach((row, i) => {
    const existing = current[i];
    if (!existing) counts.added++;
    else if (existing.updatedAt < row.updatedAt) counts.updated++;
    else return void counts.kept++;
    write.push(row);
  });
  if (write.length) await table.bulkPut(write);
  return counts;
}
