import { describe, expect, it } from 'vitest';
import { createBackup, getLastBackupAt, parseBackup, parseBackupText, recordBackup, restoreBackup, type Backup } from './backup';
import type { ClientDeskDb } from './database';
import { testBase } from './test-base';
import { allTables, freshDb, testSettings } from './test-helpers';

async function seeded(): Promise<ClientDeskDb> {
  const db = freshDb();
  const base = testBase(testSettings());
  await db.transaction('rw', [db.clients, db.contacts, db.activities, db.templates, db.settings], async () => {
    await db.clients.bulkAdd(base.clients);
    await db.contacts.bulkAdd(base.contacts);
    await db.activities.bulkAdd(base.activities);
    await db.templates.bulkAdd(base.templates);
    await db.settings.bulkAdd(base.settings);
  });
  return db;
}

/** A backup as it comes back from a file: through JSON. */
async function backupFile(db: ClientDeskDb): Promise<unknown> {
  return JSON.parse(JSON.stringify(await createBackup(db)));
}

function parsedOrFail(json: unknown): Backup {
  const parsed = parseBackup(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.backup;
}

describe('backup and restore', () => {
  it('round-trips every table, tombstones included, through JSON into a fresh base', async () => {
    const original = await seeded();
    await recordBackup(original, '2026-06-01T00:00:00.000Z');
    const backup = parsedOrFail(await backupFile(original));
    expect(backup).toMatchObject({ format: 'clientdesk-backup', formatVersion: 1, schemaVersion: 2 });

    const restored = freshDb();
    const counts = await restoreBackup(restored, backup, 'replace');
    const want = await allTables(original);
    const got = await allTables(restored);
    expect(got.clients).toEqual(want.clients);
    expect(got.contacts).toEqual(want.contacts);
    expect(got.activities).toEqual(want.activities);
    expect(got.templates).toEqual(want.templates);
    expect(got.settings).toEqual(want.settings);
    expect(got.clients.some((c) => c.deletedAt)).toBe(true);
    expect(counts).toEqual({ added: Object.values(want).reduce((n, rows) => n + rows.length, 0), updated: 0, kept: 0 });
  });

  it('replace makes the base the backup, but keeps when this browser last backed up', async () => {
    const db = await seeded();
    const backup = parsedOrFail(await backupFile(db));
    await db.clients.add({ ...backup.tables.clients[0]!, id: 'added-later', name: 'Added later' });
    await recordBackup(db, '2026-06-10T00:00:00.000Z');
    await restoreBackup(db, backup, 'replace');
    expect(await db.clients.get('added-later')).toBeUndefined();
    expect(await getLastBackupAt(db)).toBe('2026-06-10T00:00:00.000Z');
  });

  it('merge keeps the newer version of each row, and rows only in the base', async () => {
    const db = await seeded();
    const backup = parsedOrFail(await backupFile(db));
    const [rosstal, volga] = backup.tables.clients;
    // The base edits Volga after the backup; the backup has a newer Rosstal; the base adds a client.
    await db.clients.update(volga!.id, { name: 'Volga (base)', updatedAt: '2099-01-01T00:00:00.000Z' });
    backup.tables.clients[0] = { ...rosstal!, name: 'Rosstal (backup)', updatedAt: '2099-01-01T00:00:00.000Z' };
    await db.clients.add({ ...rosstal!, id: 'only-in-base', name: 'Only in base' });
    const settingsBefore = await db.settings.toArray();
    backup.tables.settings = [{ key: 'settings', value: { ...testSettings(), managerName: 'From backup' } }];

    const counts = await restoreBackup(db, backup, 'merge');
    expect(await db.clients.get(rosstal!.id)).toMatchObject({ name: 'Rosstal (backup)' });
    expect(await db.clients.get(volga!.id)).toMatchObject({ name: 'Volga (base)' });
    expect(await db.clients.get('only-in-base')).toBeDefined();
    expect(await db.settings.toArray()).toEqual(settingsBefore);
    expect(counts.updated).toBe(1);
    expect(counts.added).toBe(0);
  });

  it('a restore that fails half-way leaves the base as it was', async () => {
    const db = await seeded();
    const before = await allTables(db);
    const backup = parsedOrFail(await backupFile(db));
    backup.tables.clients = [{ ...backup.tables.clients[0]!, id: 'new-one' }];
    // The last table written holds a value IndexedDB cannot store: the clear and the writes before it roll back.
    backup.tables.settings = [{ key: 'settings', value: () => 'not cloneable' }];
    await expect(restoreBackup(db, backup, 'replace')).rejects.toThrow();
    expect(await allTables(db)).toEqual(before);
  });

  it('records when a backup was saved, never moving it back', async () => {
    const db = freshDb();
    expect(await getLastBackupAt(db)).toBeNull();
    await recordBackup(db, '2026-06-10T00:00:00.000Z');
    await recordBackup(db, '2026-06-01T00:00:00.000Z');
    expect(await getLastBackupAt(db)).toBe('2026-06-10T00:00:00.000Z');
  });

  it('refuses a backup of a newer database version, changing nothing', async () => {
    const db = await seeded();
    const before = await allTables(db);
    const backup = { ...parsedOrFail(await backupFile(db)), schemaVersion: 99 };
    await expect(restoreBackup(db, backup, 'replace')).rejects.toThrow(/newer version of ClientDesk/);
    expect(await allTables(db)).toEqual(before);
  });
});

describe('parseBackup', () => {
  it('refuses a file of another format or an unknown format version', async () => {
    const file = (await backupFile(await seeded())) as Record<string, unknown>;
    expect(parseBackup({ ...file, format: 'something-else' })).toMatchObject({ ok: false, errors: [expect.stringMatching(/format.*not a ClientDesk backup/)] });
    expect(parseBackup({ ...file, formatVersion: 2 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/formatVersion/)] });
    expect(parseBackup(null)).toMatchObject({ ok: false });
  });

  it('names the table, row and field of every bad row, and restores nothing', async () => {
    const db = await seeded();
    const file = (await backupFile(db)) as { tables: Record<string, Record<string, unknown>[]> };
    file.tables.clients![1] = { ...file.tables.clients![1], status: 'friend' };
    file.tables.contacts![0] = { ...file.tables.contacts![0], updatedAt: 'yesterday' };
    file.tables.activities![3] = { ...file.tables.activities![3], type: 'fax' };
    const parsed = parseBackup(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(3);
    expect(parsed.errors[0]).toMatch(/^clients, row 2, status: /);
    expect(parsed.errors[1]).toMatch(/^contacts, row 1, updatedAt: /);
    expect(parsed.errors[2]).toMatch(/^activities, row 4, type: /);
  });

  it('finds duplicate ids and links to clients missing from the file', async () => {
    const file = (await backupFile(await seeded())) as { tables: Record<string, Record<string, unknown>[]> };
    file.tables.templates!.push({ ...file.tables.templates![0] });
    expect(parseBackup(file)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^templates, row \d+: the id ".+" is already used by row 1$/)] });
    file.tables.templates!.pop();
    file.tables.contacts![0] = { ...file.tables.contacts![0], clientId: 'nobody' };
    expect(parseBackup(file)).toMatchObject({ ok: false, errors: ['contacts, row 1, clientId: no client "nobody" in this backup'] });
  });

  it('caps the list of problems', async () => {
    const file = (await backupFile(await seeded())) as { tables: Record<string, unknown[]> };
    file.tables.contacts = Array.from({ length: 80 }, () => ({ id: 7 }));
    const parsed = parseBackup(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.at(-1)).toMatch(/^…and \d+ more problems$/);
    if (!parsed.ok) expect(parsed.errors).toHaveLength(51);
  });

  it('reports a file that is not JSON (cut short) instead of throwing', async () => {
    const text = JSON.stringify(await createBackup(await seeded()));
    expect(parseBackupText(text.slice(0, text.length / 2))).toEqual({ ok: false, errors: ['The file is not valid JSON (it may have been cut short).'] });
    expect(parseBackupText(text).ok).toBe(true);
  });
});
