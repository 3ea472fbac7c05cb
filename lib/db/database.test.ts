import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { loadClientList } from './client-list';
import { openDb, SCHEMA_V1, type ClientDeskDb } from './database';
import { testBase } from './test-base';
import { allTables, testSettings } from './test-helpers';

/** The base as schema v1 wrote it: clients without the fields added since. */
function v1Base() {
  const base = testBase(testSettings());
  const clients = base.clients.map(({ mergedIntoId: _dropped, ...v1 }) => v1);
  return { ...base, clients };
}

async function writeWithV1(name: string, base: ReturnType<typeof v1Base>): Promise<void> {
  const v1 = new Dexie(name) as ClientDeskDb;
  v1.version(1).stores(SCHEMA_V1);
  await v1.transaction('rw', [v1.clients, v1.contacts, v1.activities, v1.templates, v1.settings], async () => {
    await v1.clients.bulkAdd(base.clients);
    await v1.contacts.bulkAdd(base.contacts);
    await v1.activities.bulkAdd(base.activities);
    await v1.templates.bulkAdd(base.templates);
    await v1.settings.bulkAdd(base.settings);
  });
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('schema v2', () => {
  it('opens a v1 base with every row of every table unchanged', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const base = v1Base();
    await writeWithV1(name, base);

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
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
