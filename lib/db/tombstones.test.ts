import { describe, expect, it } from 'vitest';
import { TOMBSTONE_UNDO_DAYS } from './tombstone-scrub';
import { createBackup } from './backup';
import { addActivity, createClientWithContact } from './clients';
import { saveComplaint } from './complaints';
import { deleteClient, deleteContact } from './contact-edits';
import { saveContract } from './contracts';
import type { ClientDeskDb } from './database';
import { mergeClients } from './merge-clients';
import { freshDb, testSettings } from './test-helpers';
import { scrubExpiredTombstones } from './tombstones';

const settings = testSettings();
const DAY = 86_400_000;
const PERSONAL = ['Rosstal', 'Ivan Petrov', 'ivan@rosstal.ru', '+79161234567', 'rosstal.ru', 'Pays late', 'Late delivery', 'Called about rebar', 'K-77'];

/** Rosstal (a contact, a contract, a complaint, a note and a call) removed; Alive Ltd alive, with one removed contact. */
async function baseWithRemovedClient(): Promise<{ db: ClientDeskDb; removedId: string; aliveId: string }> {
  const db = freshDb();
  const phones = [{ raw: '8 916 123-45-67', e164: '+79161234567', ext: null }];
  const { client, contacts } = await createClientWithContact(db, { name: 'Rosstal', domains: ['rosstal.ru'], reliabilityNote: 'Pays late', phones }, { name: 'Ivan Petrov', emails: ['ivan@rosstal.ru'], phones, birthday: '1980-05-14' }, settings);
  await saveContract(db, client.id, null, { number: 'K-77', date: '2026-06-01', amount: 1000, currency: 'RUB', status: 'signed', obligations: [{ kind: 'payment', title: 'Pays late', dueDate: null, done: false }], notes: 'Pays late' }, settings);
  await saveComplaint(db, client.id, null, { openedAt: '2026-06-02', subject: 'Late delivery', details: 'Ivan Petrov called', status: 'open', resolution: '' }, settings);
  await addActivity(db, { type: 'note', clientId: client.id, contactId: contacts[0]!.id, summary: 'Called about rebar' }, settings);
  await addActivity(db, { type: 'call', clientId: client.id, summary: 'Ivan Petrov', call: { direction: 'out', number: '+79161234567', ext: null, durationSec: 30 } }, settings);
  await deleteClient(db, client.id);
  const alive = await createClientWithContact(db, { name: 'Alive Ltd' }, { name: 'Olga Alive', emails: ['olga@alive.ru'] }, settings);
  await createClientWithContact(db, { name: 'Other' }, null, settings);
  await addActivity(db, { type: 'note', clientId: alive.client.id, summary: 'Alive note' }, settings);
  await deleteContact(db, alive.contacts[0]!.id);
  return { db, removedId: client.id, aliveId: alive.client.id };
}

async function everything(db: ClientDeskDb): Promise<string> {
  const [clients, contacts, contracts, complaints, activities] = await Promise.all([db.clients.toArray(), db.contacts.toArray(), db.contracts.toArray(), db.complaints.toArray(), db.activities.toArray()]);
  return JSON.stringify({ clients, contacts, contracts, complaints, activities });
}

describe('scrubbing tombstones', () => {
  it(`keeps a removed client's data during the ${TOMBSTONE_UNDO_DAYS}-day undo period`, async () => {
    const { db } = await baseWithRemovedClient();
    const before = await everything(db);
    const counts = await scrubExpiredTombstones(db, new Date(Date.now() + (TOMBSTONE_UNDO_DAYS - 1) * DAY));
    expect(counts).toEqual({ clients: 0, contacts: 0, contracts: 0, complaints: 0, activities: 0 });
    expect(await everything(db)).toBe(before);
  });

  it('after the undo period keeps only what sync and reports need, and nothing personal', async () => {
    const { db, removedId, aliveId } = await baseWithRemovedClient();
    const removed = (await db.clients.get(removedId))!;
    const later = new Date(Date.now() + (TOMBSTONE_UNDO_DAYS + 1) * DAY);
    const counts = await scrubExpiredTombstones(db, later);
    // Four activities: the note, the call, and the contract and complaint on the timeline.
    expect(counts).toEqual({ clients: 1, contacts: 2, contracts: 1, complaints: 1, activities: 4 });

    const stored = await everything(db);
    for (const text of PERSONAL) expect(stored).not.toContain(text);
    const client = (await db.clients.get(removedId))!;
    expect(client).toMatchObject({ id: removedId, ownerId: removed.ownerId, createdAt: removed.createdAt, deletedAt: removed.deletedAt, name: '', emails: [], phones: [] });
    // A new version, so a replication carries the scrub.
    expect(client.updatedAt > removed.updatedAt).toBe(true);
    // Reports still count: the contract stays signed, the complaint opened that day, the activities are there.
    expect(await db.contracts.where('clientId').equals(removedId).first()).toMatchObject({ status: 'signed', signedAt: expect.any(String), number: '', notes: '', obligations: [] });
    expect(await db.complaints.where('clientId').equals(removedId).first()).toMatchObject({ openedAt: '2026-06-02', subject: '', details: '' });
    const activities = await db.activities.where('clientId').equals(removedId).toArray();
    expect(activities.map((a) => a.type).sort()).toEqual(['call', 'complaint', 'contract', 'note']);
    expect(activities.find((a) => a.type === 'call')?.call).toEqual({ direction: 'out', number: '', ext: null, durationSec: 30 });

    // The alive client and its timeline are untouched; its removed contact is scrubbed.
    expect(await db.clients.get(aliveId)).toMatchObject({ name: 'Alive Ltd', deletedAt: null });
    expect((await db.activities.where('clientId').equals(aliveId).toArray()).map((a) => a.summary)).toEqual(['Alive note']);
    expect(stored).toContain('Other');

    // A second run finds nothing to do.
    const again = await everything(db);
    expect(await scrubExpiredTombstones(db, later)).toEqual({ clients: 0, contacts: 0, contracts: 0, complaints: 0, activities: 0 });
    expect(await everything(db)).toBe(again);
  });

  it('scrubs a merged card but leaves the kept card, which holds its data now, alone', async () => {
    const db = freshDb();
    const keep = await createClientWithContact(db, { name: 'Rosstal' }, null, settings);
    const merged = await createClientWithContact(db, { name: 'Rosstal (old)', notes: 'Pays late' }, { name: 'Ivan Petrov', emails: ['ivan@rosstal.ru'] }, settings);
    await addActivity(db, { type: 'note', clientId: merged.client.id, summary: 'Called about rebar' }, settings);
    await mergeClients(db, keep.client.id, merged.client.id, settings);
    await scrubExpiredTombstones(db, new Date(Date.now() + (TOMBSTONE_UNDO_DAYS + 1) * DAY));
    expect(await db.clients.get(merged.client.id)).toMatchObject({ name: '', notes: '', mergedIntoId: keep.client.id });
    // Moved contact and re-linked note live on the kept card.
    expect((await db.contacts.where('clientId').equals(keep.client.id).toArray()).map((c) => c.name)).toEqual(['Ivan Petrov']);
    expect((await db.activities.where('clientId').equals(keep.client.id).toArray()).map((a) => a.summary)).toContain('Called about rebar');
  });
});

describe('a backup', () => {
  it('never holds a removed client’s personal data, even one removed a minute ago', async () => {
    const { db, removedId } = await baseWithRemovedClient();
    const backup = await createBackup(db);
    const text = JSON.stringify(backup);
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(backup.tables.clients.find((c) => c.id === removedId)).toMatchObject({ name: '', deletedAt: expect.any(String) });
    expect(text).toContain('Alive Ltd');
    expect(text).toContain('Alive note');
    // The base itself still has them: the undo period has not passed.
    expect(await everything(db)).toContain('Ivan Petrov');
  });
});
