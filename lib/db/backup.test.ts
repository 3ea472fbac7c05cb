import { describe, expect, it } from 'vitest';
import { scrubForBackup } from './tombstone-scrub';
import { createBackup, getLastBackupAt, parseBackup, parseBackupText, recordBackup, restoreBackup, restoreBackupText, RestoreCancelledError, RestoreRefusedError, type Backup } from './backup';
import { saveComplaint } from './complaints';
import { deleteContract, saveContract } from './contracts';
import type { ClientDeskDb } from './database';
import { testBase } from './test-base';
import { allTables, freshDb, testSettings } from './test-helpers';

/** The test base, with a signed contract (obligations), a removed one, and a resolved and an open complaint of Rosstal. */
async function seeded(): Promise<ClientDeskDb> {
  const db = freshDb();
  const settings = testSettings();
  const base = testBase(settings);
  await db.transaction('rw', [db.clients, db.contacts, db.activities, db.templates, db.settings], async () => {
    await db.clients.bulkAdd(base.clients);
    await db.contacts.bulkAdd(base.contacts);
    await db.activities.bulkAdd(base.activities);
    await db.templates.bulkAdd(base.templates);
    await db.settings.bulkAdd(base.settings);
  });
  const rosstal = base.clients[0]!.id;
  const obligations = [
    { kind: 'payment' as const, title: 'Prepay', dueDate: '2026-06-10', done: true },
    { kind: 'delivery' as const, title: 'Ship', dueDate: null, done: false },
  ];
  await saveContract(db, rosstal, null, { number: '7', date: '2026-06-01', amount: 1200.5, currency: 'EUR', status: 'signed', obligations, notes: 'n' }, settings);
  const removed = await saveContract(db, rosstal, null, { number: '8', date: null, amount: null, currency: 'RUB', status: 'draft', obligations: [], notes: '' }, settings);
  await deleteContract(db, removed.id);
  await saveComplaint(db, rosstal, null, { openedAt: '2026-06-02', subject: 'Late', details: 'd', status: 'resolved', resolution: 'r' }, settings);
  await saveComplaint(db, rosstal, null, { openedAt: '2026-06-03', subject: 'Bent', details: '', status: 'open', resolution: '' }, settings);
  return db;
}

/** The tables added with schema v3, sorted by id. */
async function planTables(db: ClientDeskDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return { contracts: byId(await db.contracts.toArray()), complaints: byId(await db.complaints.toArray()) };
}

/** A backup file as the extension wrote it before contracts and complaints (schema v2). */
async function v2BackupFile(db: ClientDeskDb): Promise<Record<string, unknown> & { tables: Record<string, unknown[]> }> {
  const file = (await backupFile(db)) as Record<string, unknown> & { tables: Record<string, unknown[]> };
  const { contracts: _contracts, complaints: _complaints, ...tables } = file.tables;
  return { ...file, schemaVersion: 2, tables };
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
  it('round-trips every table, tombstones included (scrubbed), through JSON into a fresh base', async () => {
    const original = await seeded();
    await recordBackup(original, '2026-06-01T00:00:00.000Z');
    const backup = parsedOrFail(await backupFile(original));
    expect(backup).toMatchObject({ format: 'clientdesk-backup', formatVersion: 1, schemaVersion: 4 });

    const restored = freshDb();
    const counts = await restoreBackup(restored, backup, 'replace');
    const plan = await planTables(original);
    // Tombstones go into a backup scrubbed of personal data (issue 12.9; tombstones.test.ts).
    const want = scrubForBackup({ ...(await allTables(original)), ...plan });
    const got = await allTables(restored);
    expect(got.clients).toEqual(want.clients);
    expect(got.contacts).toEqual(want.contacts);
    expect(got.activities).toEqual(want.activities);
    expect(got.templates).toEqual(want.templates);
    expect(got.settings).toEqual(want.settings);
    expect(got.clients.some((c) => c.deletedAt)).toBe(true);
    expect(plan.contracts).toHaveLength(2);
    expect(plan.complaints).toHaveLength(2);
    expect(await planTables(restored)).toEqual({ contracts: want.contracts, complaints: want.complaints });
    const rows = Object.values(want).reduce((n, table) => n + table.length, 0);
    expect(counts.total).toEqual({ added: rows, updated: 0, kept: 0 });
    expect(counts.byTable.clients).toEqual({ added: want.clients.length, updated: 0, kept: 0 });
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
    expect(counts.total.updated).toBe(1);
    expect(counts.total.added).toBe(0);
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

describe('backups written before contracts and complaints', () => {
  it('parse, and restore with those tables empty (replace)', async () => {
    const db = await seeded();
    const file = await v2BackupFile(db);
    const backup = parsedOrFail(file);
    expect(backup.tables.contracts).toEqual([]);
    expect(backup.tables.complaints).toEqual([]);
    await restoreBackup(db, backup, 'replace');
    expect(await planTables(db)).toEqual({ contracts: [], complaints: [] });
    expect(await db.clients.count()).toBe(file.tables.clients!.length);
  });

  it('merge into a base, keeping its contracts and complaints', async () => {
    const db = await seeded();
    const before = await planTables(db);
    const counts = await restoreBackup(db, parsedOrFail(await v2BackupFile(db)), 'merge');
    expect(await planTables(db)).toEqual(before);
    expect(counts.total.added).toBe(0);
  });
});

describe('contracts and complaints in a merge', () => {
  it('keep the newer version of each', async () => {
    const db = await seeded();
    const backup = parsedOrFail(await backupFile(db));
    const [contract] = backup.tables.contracts;
    const [complaint] = backup.tables.complaints;
    backup.tables.contracts[0] = { ...contract!, notes: 'From backup', updatedAt: '2099-01-01T00:00:00.000Z' };
    await db.complaints.update(complaint!.id, { subject: 'Base', updatedAt: '2099-01-01T00:00:00.000Z' });
    await db.contracts.delete(backup.tables.contracts[1]!.id);
    const counts = await restoreBackup(db, backup, 'merge');
    expect(await db.contracts.get(contract!.id)).toMatchObject({ notes: 'From backup' });
    expect(await db.complaints.get(complaint!.id)).toMatchObject({ subject: 'Base' });
    expect(await db.contracts.count()).toBe(2);
    expect(counts.total).toMatchObject({ added: 1, updated: 1 });
  });
});

describe('parseBackup', () => {
  it('checks contract and complaint rows, and their clients', async () => {
    const file = (await backupFile(await seeded())) as { tables: Record<string, Record<string, unknown>[]> };
    // Rows come in id order: put the contract with obligations first.
    file.tables.contracts!.sort((a, b) => (b.obligations as unknown[]).length - (a.obligations as unknown[]).length);
    const contract = file.tables.contracts![0]!;
    const obligations = contract.obligations as Record<string, unknown>[];
    file.tables.contracts![0] = { ...contract, status: 'lost', obligations: [{ ...obligations[0], kind: 'gift' }] };
    file.tables.complaints![1] = { ...file.tables.complaints![1], openedAt: null };
    const parsed = parseBackup(file);
    expect(parsed).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^contracts, row 1, status: /),
        expect.stringMatching(/^contracts, row 1, obligations\.0\.kind: /),
        expect.stringMatching(/^complaints, row 2, openedAt: /),
      ],
    });
    file.tables.contracts![0] = { ...contract, clientId: 'nobody' };
    file.tables.complaints![1] = { ...file.tables.complaints![1], openedAt: '2026-06-03', clientId: 'nobody' };
    expect(parseBackup(file)).toEqual({
      ok: false,
      errors: ['contracts, row 1, clientId: no client "nobody" in this backup', 'complaints, row 2, clientId: no client "nobody" in this backup'],
    });
  });


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

describe('a file that would break the base is refused whole (issue 12.6)', () => {
  it('a settings row with a time zone Intl does not know: nothing was changed, and why', async () => {
    const db = await seeded();
    const before = await allTables(db);
    const file = (await backupFile(db)) as { tables: { settings: { key: string; value: Record<string, unknown> }[] } };
    const row = file.tables.settings.find((r) => r.key === 'settings')!;
    row.value = { ...row.value, timeZone: 'Europe/Moskva' };
    const text = JSON.stringify(file);
    await expect(restoreBackupText(db, text, 'replace')).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackupText(db, text, 'replace')).rejects.toThrow(/^Nothing was changed: this backup cannot be restored: settings, row \d+, value\.timeZone: expected a time zone/);
    expect(await allTables(db)).toEqual(before);
  });

  it('checks each settings field with the settings message’s own rules, and the other known keys', async () => {
    const file = (await backupFile(await seeded())) as { tables: { settings: { key: string; value: unknown }[] } };
    const index = file.tables.settings.findIndex((r) => r.key === 'settings');
    const value = file.tables.settings[index]!.value as Record<string, unknown>;
    file.tables.settings[index] = { key: 'settings', value: { ...value, quotas: { ...(value.quotas as object), callsPerDay: -1 }, reminderTime: '25:00', defaultPhoneRegion: 'Russia' } };
    file.tables.settings.push({ key: 'lastBackupAt', value: 'last week' });
    const parsed = parseBackup(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.join('\n')).toMatch(/value\.defaultPhoneRegion: expected a two-letter region/);
    expect(parsed.errors.join('\n')).toMatch(/value\.quotas\.callsPerDay: /);
    expect(parsed.errors.join('\n')).toMatch(/value\.reminderTime: expected a time such as 09:00/);
    expect(parsed.errors.join('\n')).toMatch(/settings, row \d+, value: /);
  });

  it('a template, contract or complaint the app’s own forms would refuse is refused', async () => {
    const file = (await backupFile(await seeded())) as { tables: Record<string, Record<string, unknown>[]> };
    file.tables.templates![0] = { ...file.tables.templates![0], name: '' };
    file.tables.contracts![0] = { ...file.tables.contracts![0], currency: 'roubles' };
    file.tables.complaints![0] = { ...file.tables.complaints![0], subject: '   ' };
    file.tables.contacts![0] = { ...file.tables.contacts![0], birthday: '1980-02-31' };
    const parsed = parseBackup(file);
    expect(parsed).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^contacts, row 1, birthday: expected a date as YYYY-MM-DD/),
        expect.stringMatching(/^templates, row 1, name: The template needs a name/),
        expect.stringMatching(/^contracts, row 1, currency: expected a three-letter currency code/),
        expect.stringMatching(/^complaints, row 1, subject: The complaint needs a subject/),
      ],
    });
  });
});

describe('merge compares updatedAt as instants (issue 12.8)', () => {
  it('a backup row written with an offset wins when it is the later instant, though its text sorts first', async () => {
    const db = await seeded();
    const backup = parsedOrFail(await backupFile(db));
    const [rosstal, volga] = backup.tables.clients;
    // The base: 10:00 UTC. The backup: 12:30 UTC, written at -03:00, which sorts before as text.
    await db.clients.update(rosstal!.id, { name: 'Rosstal (base)', updatedAt: '2026-06-01T10:00:00.000Z' });
    backup.tables.clients[0] = { ...rosstal!, name: 'Rosstal (backup)', updatedAt: '2026-06-01T09:30:00.000-03:00' };
    // And the other way round: 09:00 UTC at +03:00 sorts after the base's 10:00Z, but is older.
    await db.clients.update(volga!.id, { name: 'Volga (base)', updatedAt: '2026-06-01T10:00:00.000Z' });
    backup.tables.clients[1] = { ...volga!, name: 'Volga (backup)', updatedAt: '2026-06-01T12:00:00.000+03:00' };
    const counts = await restoreBackup(db, backup, 'merge');
    expect(await db.clients.get(rosstal!.id)).toMatchObject({ name: 'Rosstal (backup)' });
    expect(await db.clients.get(volga!.id)).toMatchObject({ name: 'Volga (base)' });
    expect(counts.byTable.clients).toMatchObject({ updated: 1 });
  });
});

/** A backup of `count` more clients, each with a contact, on top of the seeded base's. */
async function largeBackup(db: ClientDeskDb, count: number): Promise<Backup> {
  const backup = parsedOrFail(await backupFile(db));
  const [client] = backup.tables.clients;
  const [contact] = backup.tables.contacts;
  for (let i = 0; i < count; i++) {
    backup.tables.clients.push({ ...client!, id: `bulk-client-${i}`, name: `Bulk ${i}` });
    backup.tables.contacts.push({ ...contact!, id: `bulk-contact-${i}`, clientId: `bulk-client-${i}` });
  }
  return backup;
}

describe('a restore runs with progress and can be cancelled until it commits (issue 12.7)', () => {
  it('reports its progress up to every row', async () => {
    const db = await seeded();
    const backup = await largeBackup(db, 3000);
    const seen: [number, number][] = [];
    await restoreBackup(db, backup, 'replace', { onProgress: (done, total) => seen.push([done, total]) });
    const total = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.length).toBeGreaterThan(3);
  }, 60_000);

  it.each(['replace', 'merge'] as const)('%s: a cancel half-way leaves the base exactly as it was', async (mode) => {
    const db = await seeded();
    const backup = await largeBackup(db, 3000);
    const before = await allTables(db);
    const planBefore = await planTables(db);
    const controller = new AbortController();
    const restoring = restoreBackup(db, backup, mode, { signal: controller.signal, onProgress: (done, total) => done > total / 2 && controller.abort() });
    await expect(restoring).rejects.toThrow(RestoreCancelledError);
    await expect(restoring).rejects.toThrow('Cancelled: nothing was changed.');
    expect(await allTables(db)).toEqual(before);
    expect(await planTables(db)).toEqual(planBefore);
  }, 60_000);

  it('a cancel that arrives after the last write, before the commit, still rolls back', async () => {
    const db = await seeded();
    const backup = await largeBackup(db, 100);
    const before = await allTables(db);
    const controller = new AbortController();
    const total = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
    // The last progress report comes after the last write, inside the transaction.
    const restoring = restoreBackup(db, backup, 'replace', { signal: controller.signal, onProgress: (done) => done === total && queueMicrotask(() => controller.abort()) });
    await expect(restoring).rejects.toThrow(RestoreCancelledError);
    expect(await allTables(db)).toEqual(before);
  });
});
