import type { EntityTable, IDType, Table } from 'dexie';
import { isLaterInstant } from '@/lib/domain/instants';
import { cleanRestoredTemplates } from '@/lib/domain/remote-content';
import { scrubForBackup } from './tombstone-scrub';
import type { SyncedRecord } from '@/lib/domain/types';
import type { RestoreCounts, RestoreTable } from '@/lib/messaging/views';
import { nowIso, type ClientDeskDb } from './database';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, parseBackupText, type Backup, type BackupTables } from './backup-schema';

export { parseBackup, parseBackupText, type Backup, type BackupTables, type ParsedBackup } from './backup-schema';

// A full backup of the base (every row, tombstones included) and its restore, each in ONE
// transaction over every table: a restore that fails half-way, or is cancelled before it commits
// (Cancel, or the page closed), leaves the base as it was. The restore writes in chunks so that
// it can report progress and notice a cancel between them.

const LAST_BACKUP_KEY = 'lastBackupAt';
const CHUNK_ROWS = 2000;

export type { RestoreCounts } from '@/lib/messaging/views';

export type BackupTableName = keyof BackupTables & RestoreTable;

export interface RestoreResult {
  total: RestoreCounts;
  byTable: Record<BackupTableName, RestoreCounts>;
  /** Templates of the backup whose remote images or CSS url() were removed before writing (issue 12.10); absent when none. */
  templatesCleaned?: number;
}

export interface RestoreOptions {
  /** Aborting rolls the restore back, up to the moment it commits; it then rejects with RestoreCancelledError. */
  signal?: AbortSignal;
  /** Rows written so far of all there are to write. */
  onProgress?: (done: number, total: number) => void;
}

/** Named 'AbortError' like the platform's own cancellations (and ImportCancelledError). */
export class RestoreCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('Cancelled: nothing was changed.');
  }
}

/** The restore did not start or rolled back: the base is as it was. The message says why, in plain words. */
export class RestoreRefusedError extends Error {
  constructor(reason: string) {
    super(`Nothing was changed: ${reason}`);
  }
}

// Thrown inside the transaction to roll it back, then translated (Dexie wraps an 'AbortError').
class Cancelled extends Error {}

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
    if (!current || isLaterInstant(at, current)) await db.settings.put({ key: LAST_BACKUP_KEY, value: at });
  });
}

export async function getLastBackupAt(db: ClientDeskDb): Promise<string | null> {
  const row = await db.settings.get(LAST_BACKUP_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/**
 * The restore's entry point: the backup file's text, as read (or decrypted) from the file. The
 * whole file is checked before anything is written; a file that does not check is refused with
 * every table, row and field that is wrong (RestoreRefusedError).
 */
export async function restoreBackupText(db: ClientDeskDb, text: string, mode: 'replace' | 'merge', options: RestoreOptions = {}): Promise<RestoreResult> {
  const parsed = parseBackupText(text);
  if (!parsed.ok) throw new RestoreRefusedError(refusal(parsed.errors));
  return restoreBackup(db, parsed.backup, mode, options);
}

/** The problems of a refused file, the first few of them, as one sentence. */
function refusal(errors: readonly string[]): string {
  const shown = errors.slice(0, 5);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  return `this backup cannot be restored: ${shown.join('; ')}${more}.`;
}

/**
 * Restores a backup checked by `parseBackup`. `replace`: the base becomes the backup (settings
 * included). `merge`: by id, the version with the later `updatedAt` wins, rows only in the base
 * stay, and the current settings are kept.
 */
export async function restoreBackup(db: ClientDeskDb, backup: Backup, mode: 'replace' | 'merge', options: RestoreOptions = {}): Promise<RestoreResult> {
  if (backup.schemaVersion > db.verno) {
    throw new RestoreRefusedError(`this backup was made by a newer version of ClientDesk (database version ${backup.schemaVersion}). Update the extension, then restore it.`);
  }
  const { signal } = options;
  // Templates with remote images or CSS url() are cleaned before they are written (issue 12.10).
  const { templates, cleaned } = cleanRestoredTemplates(backup.tables.templates);
  const tables: BackupTables = { ...backup.tables, templates };
  if (signal?.aborted) throw new RestoreCancelledError();
  let abortTransaction: (() => void) | null = null;
  // Until the transaction commits, a cancel aborts it: even one that arrives after the last write.
  const onAbort = () => abortTransaction?.();
  signal?.addEventListener('abort', onAbort);
  try {
    return await db.transaction('rw', backupTables(db), async (tx) => {
      abortTransaction = () => {
        try {
          tx.abort();
        } catch {
          // It committed in the meantime: too late, the restore is done.
        }
      };
      const progress = new Progress(mode === 'replace' ? rowCount(tables) : rowCount(tables) - tables.settings.length, signal, options.onProgress);
      const result = mode === 'replace' ? await replaceAll(db, tables, progress) : await mergeAll(db, tables, progress);
      progress.check();
      return cleaned ? { ...result, templatesCleaned: cleaned } : result;
    });
  } catch (error) {
    if (signal?.aborted || error instanceof Cancelled) throw new RestoreCancelledError();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RestoreRefusedError(`the restore failed and was rolled back (${reason}).`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

const rowCount = (tables: BackupTables) => Object.values(tables).reduce((sum, rows: unknown[]) => sum + rows.length, 0);

/** Rows written of all to write; between chunks, a cancel rolls the transaction back. */
class Progress {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly signal: AbortSignal | undefined,
    private readonly report: RestoreOptions['onProgress'],
  ) {
    report?.(0, total);
  }

  check(): void {
    if (this.signal?.aborted) throw new Cancelled();
  }

  wrote(rows: number): void {
    this.done += rows;
    this.report?.(this.done, this.total);
    this.check();
  }
}

async function inChunks<T>(rows: readonly T[], progress: Progress, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    progress.check();
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    await write(chunk);
    progress.wrote(chunk.length);
  }
}

const noCounts = (): RestoreCounts => ({ added: 0, updated: 0, kept: 0 });

async function replaceAll(db: ClientDeskDb, tables: BackupTables, progress: Progress): Promise<RestoreResult> {
  // When this browser last saved a backup is a fact about this browser, not data of the backup.
  const lastBackupAt = await getLastBackupAt(db);
  // A backup written before contracts and complaints (schema v2) leaves those tables empty.
  await Promise.all(backupTables(db).map((table) => table.clear()));
  const byTable = {} as Record<BackupTableName, RestoreCounts>;
  for (const name of Object.keys(tables) as BackupTableName[]) {
    const table = db[name] as Table;
    await inChunks(tables[name] as unknown[], progress, (chunk) => table.bulkAdd(chunk));
    byTable[name] = { ...noCounts(), added: tables[name].length };
  }
  if (lastBackupAt) await recordBackup(db, lastBackupAt);
  return { total: { added: rowCount(tables), updated: 0, kept: 0 }, byTable };
}

async function mergeAll(db: ClientDeskDb, tables: BackupTables, progress: Progress): Promise<RestoreResult> {
  const byTable: Record<BackupTableName, RestoreCounts> = {
    clients: await mergeTable(db.clients, tables.clients, progress),
    contacts: await mergeTable(db.contacts, tables.contacts, progress),
    activities: await mergeTable(db.activities, tables.activities, progress),
    templates: await mergeTable(db.templates, tables.templates, progress),
    contracts: await mergeTable(db.contracts, tables.contracts, progress),
    complaints: await mergeTable(db.complaints, tables.complaints, progress),
    // The current settings stay; every settings row of the backup counts as kept.
    settings: { ...noCounts(), kept: tables.settings.length },
  };
  const total = Object.values(byTable).reduce((sum, r) => ({ added: sum.added + r.added, updated: sum.updated + r.updated, kept: sum.kept + r.kept }), noCounts());
  return { total, byTable };
}

async function mergeTable<T extends SyncedRecord>(table: EntityTable<T, 'id'>, rows: readonly T[], progress: Progress): Promise<RestoreCounts> {
  const counts = noCounts();
  await inChunks(rows, progress, async (chunk) => {
    const current = await table.bulkGet(chunk.map((r) => r.id as IDType<T, 'id'>));
    const write: T[] = [];
    chunk.forEach((row, i) => {
      const existing = current[i];
      if (!existing) counts.added++;
      else if (isLaterInstant(row.updatedAt, existing.updatedAt)) counts.updated++;
      else return void counts.kept++;
      write.push(row);
    });
    if (write.length) await table.bulkPut(write);
  });
  return counts;
}
