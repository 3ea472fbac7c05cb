import { describe, expect, it } from 'vitest';
import { addActivity, createClientWithContact } from './clients';
import { loadClientList, loadClientPage, loadClientsChangedSince } from './client-list';
import { freshDb, testSettings } from './test-helpers';

const settings = testSettings();
const at = (iso: string) => new Date(iso);

describe('client list reads', () => {
  it('loads alive clients with their alive contacts, in the order entered', async () => {
    const db = freshDb();
    const rosstal = await createClientWithContact(db, { name: 'Rosstal' }, { name: 'Ivan' }, settings);
    const second = (await createClientWithContact(db, { name: 'tmp' }, { name: 'Olga' }, settings)).contacts[0]!;
    await db.contacts.update(second.id, { clientId: rosstal.client.id, createdAt: '2999-01-01T00:00:00.000Z' });
    const gone = await createClientWithContact(db, { name: 'Gone' }, { name: 'Boris' }, settings);
    await db.clients.update(gone.client.id, { deletedAt: '2026-01-01T00:00:00.000Z' });
    const left = (await createClientWithContact(db, { name: 'Volga' }, { name: 'Left' }, settings)).contacts[0]!;
    await db.contacts.update(left.id, { deletedAt: '2026-01-01T00:00:00.000Z' });

    const list = await loadClientList(db);
    expect(list.clients.map((c) => c.name).sort()).toEqual(['Rosstal', 'Volga', 'tmp']);
    expect(list.contactsByClient.get(rosstal.client.id)?.map((c) => c.name)).toEqual(['Ivan', 'Olga']);
    expect(list.contactsByClient.has(gone.client.id)).toBe(false);
    expect(list.contactsByClient.get(list.clients.find((c) => c.name === 'Volga')!.id)).toEqual([]);
  });

  it('gives v1 rows (no mergedIntoId) every field on read', async () => {
    const db = freshDb();
    const { client } = await createClientWithContact(db, { name: 'Old' }, null, settings);
    const { mergedIntoId: _dropped, ...v1 } = client;
    await db.clients.put(v1);
    expect((await loadClientList(db)).clients[0]).toEqual({ ...client, mergedIntoId: null });
    expect((await loadClientPage(db, client.id))?.client.mergedIntoId).toBeNull();
  });

  it('loads what changed since a time, tombstones included', async () => {
    const db = freshDb();
    const old = await createClientWithContact(db, { name: 'Old' }, { name: 'Ivan' }, settings);
    const since = '2030-01-01T00:00:00.000Z';
    await db.clients.update(old.client.id, { updatedAt: '2020-01-01T00:00:00.000Z' });
    await db.contacts.update(old.contacts[0]!.id, { updatedAt: '2020-01-01T00:00:00.000Z' });
    const changed = await createClientWithContact(db, { name: 'Changed' }, { name: 'Olga' }, settings);
    await db.clients.update(changed.client.id, { updatedAt: '2030-01-02T00:00:00.000Z', deletedAt: '2030-01-02T00:00:00.000Z' });
    await db.contacts.update(changed.contacts[0]!.id, { updatedAt: since });

    const result = await loadClientsChangedSince(db, since);
    expect(result.clients.map((c) => c.name)).toEqual(['Changed']);
    expect(result.clients[0]?.deletedAt).not.toBeNull();
    // Strictly after: a record saved exactly at `since` was seen already.
    expect(result.contacts).toEqual([]);
  });

  it('loads the client page: the card, alive contacts and the whole timeline newest first', async () => {
    const db = freshDb();
    const { client, contacts } = await createClientWithContact(db, { name: 'Rosstal' }, { name: 'Ivan' }, settings);
    const offer = await addActivity(db, { type: 'email_offer', clientId: client.id, summary: 'Offer' }, settings, at('2026-06-01T10:00:00Z'));
    await addActivity(db, { type: 'retraction', clientId: client.id, retractsId: offer.id, summary: 'Undone' }, settings, at('2026-06-01T10:00:05Z'));
    await addActivity(db, { type: 'call', clientId: client.id, contactId: contacts[0]!.id, summary: 'Call' }, settings, at('2026-05-01T10:00:00Z'));
    await addActivity(db, { type: 'call', clientId: 'someone-else', summary: 'Other' }, settings, at('2026-06-02T10:00:00Z'));

    const page = await loadClientPage(db, client.id);
    expect(page?.client.name).toBe('Rosstal');
    expect(page?.contacts.map((c) => c.name)).toEqual(['Ivan']);
    expect(page?.activities.map((a) => a.summary)).toEqual(['Undone', 'Offer', 'Call']);
    expect(await loadClientPage(db, 'missing')).toBeNull();
  });
});
