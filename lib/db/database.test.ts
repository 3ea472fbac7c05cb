import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { loadClientList } from './client-list';
import { saveComplaint } from './complaints';
import { saveContract } from './contracts';
import { openDb, SCHEMA_V1, SCHEMA_V2, type ClientDeskDb } from './database';
import { testBase, type TestBase } from './test-base';
import { allTables, testSettings } from './test-helpers';

/** The base as schema v1 wrote it: clients without the fields added since. */
function v1Base() {
  const base = testBase(testSettings());
  const clients = base.clients.map(({ mergedIntoId: _dropped, ...v1 }) => v1);
  return { ...base, clients };
}

/** Writes a base as an older version of the extension did: only the schemas up to `version`. */
async function writeWithOldSchema(name: string, version: 1 | 2, base: ReturnType<typeof v1Base> | TestBase): Promise<void> {
  const old = new Dexie(name) as ClientDeskDb;
  old.version(1).stores(SCHEMA_V1);
  if (version === 2) old.version(2).stores(SCHEMA_V2);
  await old.transaction('rw', [old.clients, old.contacts, old.activities, old.templates, old.settings], async () => {
    await old.clients.bulkAdd(base.clients);
    await old.contacts.bulkAdd(base.contacts);
    await old.activities.bulkAdd(base.activities);
    await old.templates.bulkAdd(base.templates);
    await old.settings.bulkAdd(base.settings);
  });
  expect(old.verno).toBe(version);
  old.close();
}

const writeWithV1 = (name: string, base: ReturnType<typeof v1Base>) => writeWithOldSchema(name, 1, base);

describe('schema v2', () => {
  it('opens a v1 base with every row of every table unchanged', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const base = v1Base();
    await writeWithV1(name, base);

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(await allTables(db)).toEqual({
      clients: sorted(base.clients),
      contacts: sorted(base.contacts),
      activities: sorted(base.activities),
      templates: sorted(base.templates),
      settings: [...base.settings].sort((a, b) => a.key.localeCompare(b.key)),
    });
    db.close();
  });

  it('indexes the old rows for the new filters, and reads them as full v2 objects', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await writeWithV1(name, v1Base());
    const db = openDb(name);
    expect((await db.clients.where('tags').equals('metal').toArray()).map((c) => c.name)).toEqual(['Rosstal']);
    expect((await db.clients.where('priceType').equals('Wholesale 2').toArray()).map((c) => c.name)).toEqual(['Rosstal']);
    // Null is left out of an index: the deletedAt index holds the tombstones only.
    expect((await db.clients.where('deletedAt').above('').toArray()).map((c) => c.name)).toEqual(['Gone']);
    const { clients } = await loadClientList(db);
    expect(clients.map((c) => c.mergedIntoId)).toEqual([null, null]);
    db.close();
  });
});

describe('schema v3', () => {
  const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  it('opens a v2 base with every row of every table unchanged, and empty contracts, complaints and held sends', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const base = testBase(testSettings());
    await writeWithOldSchema(name, 2, base);

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await allTables(db)).toEqual({
      clients: sorted(base.clients),
      contacts: sorted(base.contacts),
      activities: sorted(base.activities),
      templates: sorted(base.templates),
      settings: [...base.settings].sort((a, b) => a.key.localeCompare(b.key)),
    });
    expect(await db.contracts.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
    // v4 (issue 12.4): held sends, a new table, empty and indexed by status and send.
    expect(await db.heldSends.where('status').equals('pending').count()).toBe(0);
    expect(await db.heldSends.where('sendRef').equals('gmail:draft:x').count()).toBe(0);
    db.close();
  });

  it('keeps the v2 indexes on the old rows, and indexes new contracts and complaints', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const settings = testSettings();
    const base = testBase(settings);
    await writeWithOldSchema(name, 2, base);
    const db = openDb(name);
    expect((await db.clients.where('tags').equals('metal').toArray()).map((c) => c.name)).toEqual(['Rosstal']);
    expect(await db.activities.where('[type+dayKey]').equals(['call', base.activities[0]!.dayKey]).count()).toBe(1);

    const rosstal = base.clients[0]!;
    const contract = await saveContract(db, rosstal.id, null, { number: '1', date: '2026-06-01', amount: 100, currency: 'RUB', status: 'signed', signedAt: '2026-06-02', obligations: [], notes: '' }, settings);
    const complaint = await saveComplaint(db, rosstal.id, null, { openedAt: '2026-06-03', subject: 'Late', details: '', status: 'open', resolution: '' }, settings);
    expect((await db.contracts.where('signedAt').between('2026-06-01', '2026-06-30', true, true).toArray()).map((c) => c.id)).toEqual([contract.id]);
    expect((await db.contracts.where('clientId').equals(rosstal.id).toArray()).map((c) => c.id)).toEqual([contract.id]);
    expect((await db.complaints.where('status').equals('open').toArray()).map((c) => c.id)).toEqual([complaint.id]);
    expect((await db.complaints.where('openedAt').equals('2026-06-03').toArray()).map((c) => c.id)).toEqual([complaint.id]);
    db.close();
  });
});

