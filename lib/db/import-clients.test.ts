import { describe, expect, it } from 'vitest';
import type { Settings } from '@/lib/domain/types';
import type { ImportRow } from '@/lib/io/import-row';
import type { ClientDeskDb } from './database';
import { applyImport, type ImportOptions } from './import-clients';
import { e164, freshDb, importRow, testSettings } from './test-helpers';

const settings = testSettings();
const ivan = { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'] };

async function snapshot(db: ClientDeskDb) {
  return { clients: await db.clients.toArray(), contacts: await db.contacts.toArray() };
}

// Both ways of reading the base must match the same records.
describe.each(['by-key', 'whole-base'] as const)('reading the base %s', (lookup) => {
  const run = (db: ClientDeskDb, rows: ImportRow[], s: Settings, options: ImportOptions = {}) => applyImport(db, rows, s, { lookup, ...options });

  describe(`applyImport: matching (${lookup})`, () => {
    it('groups contacts of one company into one client and derives its domain from work addresses', async () => {
      const db = freshDb();
      const counts = await run(
        db,
        [
          importRow(2, { name: 'Rosstal', status: 'active', priceType: 'Wholesale 2' }, ivan),
          importRow(3, { name: 'ROSSTAL' }, { name: 'Olga Sidorova', emails: ['olga@rosstal.ru'] }),
          importRow(4, {}, { name: 'Sergey Ivanov', emails: ['s.ivanov@mail.ru'] }),
        ],
        settings,
      );
      expect(counts).toEqual({ clientsAdded: 2, clientsUpdated: 0, contactsAdded: 3, contactsUpdated: 0, unchanged: 0 });
      const rosstal = await db.clients.where('name').equals('Rosstal').first();
      expect(rosstal).toMatchObject({ status: 'active', priceType: 'Wholesale 2', domains: ['rosstal.ru'], mergedIntoId: null });
      expect(await db.contacts.where('clientId').equals(rosstal!.id).count()).toBe(2);
      // A private client is named after the person; free-mail is never a company domain.
      expect((await db.clients.where('name').equals('Sergey Ivanov').first())?.domains).toEqual([]);
    });

    it('finds the card by tax id, company address or company phone before its name', async () => {
      const db = freshDb();
      await run(
        db,
        [
          importRow(2, { name: 'Rosstal', taxId: '7701234567' }),
          importRow(3, { name: 'Metallinvest', emails: ['info@metallinvest.ru'] }),
          importRow(4, { name: 'Volga', phones: [e164('+74951234567')] }),
        ],
        settings,
      );
      const counts = await run(
        db,
        [
          importRow(2, { name: 'Rosstal Group', taxId: '7701234567' }),
          importRow(3, { name: 'MI', emails: ['info@metallinvest.ru'], tags: ['metal'] }),
          importRow(4, { name: 'Volga LLC', phones: [e164('+74951234567')] }),
        ],
        settings,
      );
      expect(counts).toMatchObject({ clientsAdded: 0, clientsUpdated: 3 });
      // An identifier is a sure match: the file's name replaces the card's.
      expect((await db.clients.toArray()).map((c) => c.name).sort()).toEqual(['MI', 'Rosstal Group', 'Volga LLC']);
    });

    it('finds the person by address or phone even when the company is spelled differently', async () => {
      const db = freshDb();
      await run(db, [importRow(2, { name: 'Rosstal' }, { ...ivan, phones: [e164('+79161234567')] })], settings);
      const counts = await run(
        db,
        [importRow(2, { name: 'Rosstal LLC' }, { name: 'I. Petrov', phones: [e164('+79161234567')], position: 'Buyer' })],
        settings,
      );
      expect(counts).toEqual({ clientsAdded: 0, clientsUpdated: 1, contactsAdded: 0, contactsUpdated: 1, unchanged: 0 });
      expect(await db.contacts.toArray()).toMatchObject([{ name: 'I. Petrov', position: 'Buyer', emails: ivan.emails }]);
    });

    it('matches by company domain only when the row names a company, and never by free-mail or own domains', async () => {
      const db = freshDb();
      await run(db, [importRow(2, { name: 'Rosstal', domains: ['rosstal.ru'] })], settings);
      const counts = await run(
        db,
        [
          importRow(2, { name: 'Rosstal Trading' }, { name: 'Olga', emails: ['olga@msk.rosstal.ru'] }),
          importRow(3, {}, { name: 'Anna', emails: ['anna@rosstal.ru'] }),
          importRow(4, { name: 'Gmail Co' }, { name: 'Boris', emails: ['boris@gmail.com'] }),
          importRow(5, { name: 'Our Co' }, { name: 'Me', emails: ['me@acme-supply.com'] }),
        ],
        settings,
      );
      expect(counts).toMatchObject({ clientsAdded: 3, clientsUpdated: 1, contactsAdded: 4 });
      const rosstal = await db.clients.where('domains').equals('rosstal.ru').toArray();
      // A domain match is a guess: it fills the card but never renames it.
      expect(rosstal.map((c) => c.name).sort()).toEqual(['Anna', 'Rosstal']);
      expect(rosstal.find((c) => c.name === 'Rosstal')?.domains).toEqual(['rosstal.ru', 'msk.rosstal.ru']);
      expect((await db.clients.where('name').equals('Our Co').first())?.domains).toEqual([]);
    });

    it('finds a person without address or phone by name on the same card', async () => {
      const db = freshDb();
      const rows = [importRow(2, { name: 'Rosstal' }, { name: 'Ivan Petrov', position: 'Buyer' })];
      await run(db, rows, settings);
      expect(await run(db, rows, settings)).toEqual({ clientsAdded: 0, clientsUpdated: 0, contactsAdded: 0, contactsUpdated: 0, unchanged: 1 });
      expect(await db.contacts.count()).toBe(1);
    });

    it('tells namesakes on different cards apart, across chunks, and a dry run counts the same', async () => {
      const db = freshDb();
      // Three namesakes already in the base, each on a card of their own.
      await run(db, [1, 2, 3].map((n) => importRow(n, { name: `Old ${n}` }, { name: 'Ivan Petrov' })), settings);
      // 1,200 new cards each with an Ivan Petrov, then (two chunks later) a phone for the one at Company 5
      // and a position for the one at Old 2.
      const rows = [
        ...Array.from({ length: 1200 }, (_, i) => importRow(i + 2, { name: `Company ${i}` }, { name: 'Ivan Petrov' })),
        importRow(1202, { name: 'Company 5' }, { name: 'ivan petrov', phones: [e164('+79161234567')] }),
        importRow(1203, { name: 'Old 2' }, { name: 'Ivan Petrov', position: 'Buyer' }),
      ];
      const before = await snapshot(db);
      const preview = await run(db, rows, settings, { dryRun: true });
      expect(await snapshot(db)).toEqual(before);
      expect(preview).toEqual({ clientsAdded: 1200, clientsUpdated: 0, contactsAdded: 1200, contactsUpdated: 1, unchanged: 0 });
      expect(await run(db, rows, settings)).toEqual(preview);
      const company5 = await db.clients.where('name').equals('Company 5').first();
      expect(await db.contacts.where('clientId').equals(company5!.id).toArray()).toMatchObject([{ phoneE164s: ['+79161234567'] }]);
      const old2 = await db.clients.where('name').equals('Old 2').first();
      expect(await db.contacts.where('clientId').equals(old2!.id).toArray()).toMatchObject([{ position: 'Buyer' }]);
      expect(await db.contacts.count()).toBe(1203);
    });

    it('merges rows of the same file with each other, in order', async () => {
      const db = freshDb();
      const counts = await run(
        db,
        [
          importRow(2, { name: 'Rosstal', taxId: '7701234567' }, ivan),
          importRow(3, { name: 'Rosstal', taxId: '7701234567' }, { ...ivan, phones: [e164('+79161234567')] }),
          importRow(4, { name: 'Rosstal', taxId: '7701234567' }, ivan),
        ],
        settings,
      );
      expect(counts).toEqual({ clientsAdded: 1, clientsUpdated: 0, contactsAdded: 1, contactsUpdated: 0, unchanged: 1 });
      expect(await db.contacts.toArray()).toMatchObject([{ phoneE164s: ['+79161234567'], emails: ivan.emails }]);
    });

    it('never matches tombstoned records', async () => {
      const db = freshDb();
      await run(db, [importRow(2, { name: 'Rosstal', taxId: '7701234567' }, ivan)], settings);
      const [client] = await db.clients.toArray();
      await db.clients.update(client!.id, { deletedAt: new Date().toISOString() });
      const [contact] = await db.contacts.toArray();
      await db.contacts.update(contact!.id, { deletedAt: new Date().toISOString() });
      expect(await run(db, [importRow(2, { name: 'Rosstal', taxId: '7701234567' }, ivan)], settings)).toMatchObject({ clientsAdded: 1, contactsAdded: 1 });
    });
  });

  describe(`applyImport: updates (${lookup})`, () => {
    it('fills and extends: lists united, empty cells never blank a field, given values replace, notes appended once', async () => {
      const db = freshDb();
      await run(
        db,
        [importRow(2, { name: 'Rosstal', taxId: '77', priceType: 'Retail', tags: ['metal'], notes: 'Pays late', receivables: 100 }, { ...ivan, position: 'Buyer' })],
        settings,
      );
      await run(
        db,
        [importRow(2, { taxId: '77', priceType: 'Wholesale', tags: ['vip', 'metal'], notes: 'Pays late', receivables: null }, { emails: ['ivan@rosstal.ru', ...ivan.emails] })],
        settings,
      );
      await run(db, [importRow(2, { taxId: '77', notes: 'New director' })], settings);
      const [client] = await db.clients.toArray();
      expect(client).toMatchObject({ name: 'Rosstal', priceType: 'Wholesale', tags: ['metal', 'vip'], notes: 'Pays late\nNew director' });
      expect(client?.receivables.amount).toBe(100);
      expect(await db.contacts.toArray()).toMatchObject([{ name: 'Ivan Petrov', position: 'Buyer', emails: ['ivan.petrov@rosstal.ru', 'ivan@rosstal.ru'] }]);
    });

    it('counts a row that changes nothing as unchanged and leaves updatedAt alone', async () => {
      const db = freshDb();
      const rows = [importRow(2, { name: 'Rosstal', tags: ['metal'] }, ivan), importRow(3, { name: 'Volga' })];
      await run(db, rows, settings);
      const before = await snapshot(db);
      expect(await run(db, rows, settings)).toEqual({ clientsAdded: 0, clientsUpdated: 0, contactsAdded: 0, contactsUpdated: 0, unchanged: 2 });
      expect(await snapshot(db)).toEqual(before);
    });

    it('gives an updated record a strictly later updatedAt, even within the same millisecond', async () => {
      const db = freshDb();
      await run(db, [importRow(2, { name: 'Rosstal' })], settings);
      const [client] = await db.clients.toArray();
      const future = new Date(Date.now() + 60_000).toISOString();
      await db.clients.update(client!.id, { updatedAt: future });
      await run(db, [importRow(2, { name: 'Rosstal', industry: 'Steel' })], settings);
      expect((await db.clients.get(client!.id))!.updatedAt > future).toBe(true);
    });
  });
});

describe('applyImport: one transaction', () => {
  it('a dry run reports exactly what the import does, and changes nothing', async () => {
    const db = freshDb();
    await applyImport(db, [importRow(2, { name: 'Rosstal' }, ivan)], settings);
    const before = await snapshot(db);
    const rows = [importRow(2, { name: 'Rosstal', industry: 'Steel' }, ivan), importRow(3, { name: 'Volga' }, { name: 'Anna', emails: ['anna@volga.ru'] })];
    const preview = await applyImport(db, rows, settings, { dryRun: true });
    expect(await snapshot(db)).toEqual(before);
    expect(preview).toEqual({ clientsAdded: 1, clientsUpdated: 1, contactsAdded: 1, contactsUpdated: 0, unchanged: 0 });
    expect(await applyImport(db, rows, settings)).toEqual(preview);
  });

  it('a cancelled import rejects with an AbortError and leaves the base as it was', async () => {
    const db = freshDb();
    await applyImport(db, [importRow(2, { name: 'Existing' })], settings);
    const before = await snapshot(db);
    const rows = Array.from({ length: 1200 }, (_, i) => importRow(i + 2, { name: `Company ${i}` }));
    const controller = new AbortController();
    const progress: number[] = [];
    const run = applyImport(db, rows, settings, { signal: controller.signal, onProgress: (done) => (progress.push(done), controller.abort()) });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', message: 'The import was cancelled; nothing was changed.' });
    expect(progress).toEqual([500]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const db = freshDb();
    await applyImport(db, [importRow(2, { name: 'Existing' })], settings);
    const broken = importRow(3, { name: 'Second' }, { name: 'X', emails: ['x@second.ru'] });
    // A value IndexedDB cannot store makes the write fail.
    (broken.client as unknown as { notes: unknown }).notes = () => 'not cloneable';
    const rows: ImportRow[] = [...Array.from({ length: 600 }, (_, i) => importRow(i + 10, { name: `First ${i}` })), broken];
    await expect(applyImport(db, rows, settings)).rejects.toThrow();
    expect((await db.clients.toArray()).map((c) => c.name)).toEqual(['Existing']);
    expect(await db.contacts.count()).toBe(0);
  });

  it('imports 2,000 rows in chunks with progress, and a second run finds them all', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 2000 }, (_, i) =>
      importRow(i + 2, { name: `Company ${i}`, taxId: String(7700000000 + i) }, { name: `Person ${i}`, emails: [`p${i}@company${i}.example`], phones: [e164(`+7916${String(i).padStart(7, '0')}`)] }),
    );
    const progress: [number, number][] = [];
    const counts = await applyImport(db, rows, settings, { onProgress: (done, total) => progress.push([done, total]) });
    expect(counts).toEqual({ clientsAdded: 2000, clientsUpdated: 0, contactsAdded: 2000, contactsUpdated: 0, unchanged: 0 });
    expect(progress).toEqual([[500, 2000], [1000, 2000], [1500, 2000], [2000, 2000]]);
    expect(await db.clients.count()).toBe(2000);
    expect(await applyImport(db, rows, settings)).toEqual({ clientsAdded: 0, clientsUpdated: 0, contactsAdded: 0, contactsUpdated: 0, unchanged: 2000 });
    const changed = rows.map((row) => ({ ...row, client: { ...row.client, priceType: 'Wholesale' } }));
    expect(await applyImport(db, changed, settings)).toMatchObject({ clientsUpdated: 2000, contactsUpdated: 0, unchanged: 0 });
  }, 30_000); // headroom for slow machines: this is not a timing test
});
