import { describe, expect, it } from 'vitest';
import { addActivity, createClientWithContact } from './clients';
import { loadClientPage } from './client-list';
import { saveComplaint } from './complaints';
import { saveContract } from './contracts';
import { mergeClients } from './merge-clients';
import { freshDb, testSettings } from './test-helpers';

const settings = testSettings({ timeZone: 'Europe/Moscow' });
const phone = (e164: string) => ({ raw: e164, e164, ext: null });
// Before the merge, so the merge is the newest entry of the timeline.
const earlier = new Date('2026-01-01T10:00:00.000Z');

async function twoCards() {
  const db = freshDb();
  const keep = await createClientWithContact(
    db,
    { name: 'Rosstal', taxId: '7701', tags: ['metal'], priceType: '', lastContactAt: '2026-01-01T00:00:00.000Z' },
    { name: 'Ivan Petrov', emails: ['ivan@rosstal.ru'] },
    settings,
  );
  const merge = await createClientWithContact(
    db,
    { name: 'Rosstal LLC', tags: ['vip'], priceType: 'Wholesale', notes: 'Prefers calls', lastContactAt: '2026-03-01T00:00:00.000Z' },
    { name: 'I. Petrov', position: 'Buyer', emails: ['ivan.petrov@gmail.com', 'ivan@rosstal.ru'], phones: [phone('+79161234567')] },
    settings,
  );
  const olga = (await createClientWithContact(db, { name: 'tmp' }, { name: 'Olga' }, settings)).contacts[0]!;
  await db.contacts.update(olga.id, { clientId: merge.client.id });
  const call = await addActivity(db, { type: 'call', clientId: merge.client.id, contactId: merge.contacts[0]!.id, summary: 'Called Ivan' }, settings, earlier);
  const offer = await addActivity(db, { type: 'email_offer', clientId: merge.client.id, summary: 'Offer' }, settings, earlier);
  return { db, keep, merge, olga, call, offer };
}

describe('mergeClients', () => {
  it('moves contacts and activities, merges fields, tombstones the merged card and records the merge', async () => {
    const { db, keep, merge, olga, call, offer } = await twoCards();
    const result = await mergeClients(db, keep.client.id, merge.client.id, settings);
    expect(result).toMatchObject({ movedContacts: 2, movedActivities: 2 });
    expect(result.client).toMatchObject({ name: 'Rosstal', taxId: '7701', tags: ['metal', 'vip'], priceType: 'Wholesale', notes: 'Prefers calls', lastContactAt: '2026-03-01T00:00:00.000Z' });
    expect(result.client.updatedAt > keep.client.updatedAt).toBe(true);

    const page = (await loadClientPage(db, keep.client.id))!;
    // Ivan appears once: the duplicate folded into the kept contact, with both addresses and the phone.
    expect(page.contacts.map((c) => c.name)).toEqual(['Ivan Petrov', 'Olga']);
    expect(page.contacts[0]).toMatchObject({ id: keep.contacts[0]!.id, position: 'Buyer', emails: ['ivan@rosstal.ru', 'ivan.petrov@gmail.com'], phoneE164s: ['+79161234567'] });
    expect(await db.contacts.get(merge.contacts[0]!.id)).toMatchObject({ deletedAt: expect.any(String) });
    expect(await db.contacts.get(olga.id)).toMatchObject({ clientId: keep.client.id, deletedAt: null });

    // Activities are facts: only the links change (the call now names the surviving Ivan).
    const movedCall = page.activities.find((a) => a.id === call.id)!;
    expect(movedCall).toMatchObject({ ...call, clientId: keep.client.id, contactId: keep.contacts[0]!.id, updatedAt: expect.any(String) });
    expect(page.activities.find((a) => a.id === offer.id)).toMatchObject({ summary: 'Offer', at: offer.at, dayKey: offer.dayKey });
    expect(page.activities[0]).toMatchObject({ type: 'merge', summary: 'Merged "Rosstal LLC" into this card (2 contacts, 2 activities)' });

    expect(await db.clients.get(merge.client.id)).toMatchObject({ deletedAt: expect.any(String), mergedIntoId: keep.client.id });
  });

  it('refuses to merge a card into itself or a card that is gone, changing nothing', async () => {
    const { db, keep, merge } = await twoCards();
    await expect(mergeClients(db, keep.client.id, keep.client.id, settings)).rejects.toThrow('A client card cannot be merged into itself.');
    await expect(mergeClients(db, keep.client.id, 'missing', settings)).rejects.toThrow('The card to merge no longer exists.');
    await mergeClients(db, keep.client.id, merge.client.id, settings);
    const before = await db.clients.toArray();
    await expect(mergeClients(db, keep.client.id, merge.client.id, settings)).rejects.toThrow(/was already merged into another card/);
    await expect(mergeClients(db, merge.client.id, keep.client.id, settings)).rejects.toThrow(/The card to keep .* was already merged/);
    expect(await db.clients.toArray()).toEqual(before);
  });

  it('says "1 contact, 1 activity" in the singular', async () => {
    const db = freshDb();
    const keep = await createClientWithContact(db, { name: 'A' }, null, settings);
    const merge = await createClientWithContact(db, { name: 'B' }, { name: 'Olga' }, settings);
    await addActivity(db, { type: 'note', clientId: merge.client.id, summary: 'x' }, settings, earlier);
    await mergeClients(db, keep.client.id, merge.client.id, settings);
    const page = (await loadClientPage(db, keep.client.id))!;
    expect(page.activities[0]?.summary).toBe('Merged "B" into this card (1 contact, 1 activity)');
  });
});

describe('mergeClients: contracts and complaints', () => {
  it('moves the merged card’s contracts and complaints to the kept card', async () => {
    const { db, keep, merge } = await twoCards();
    const contract = await saveContract(db, merge.client.id, null, { number: 'D-7', date: '2026-02-01', amount: 1000, currency: 'RUB', status: 'signed', notes: '', obligations: [] }, settings);
    const complaint = await saveComplaint(db, merge.client.id, null, { openedAt: '2026-02-02', subject: 'Late delivery', details: '', status: 'open', resolution: '' }, settings);
    await mergeClients(db, keep.client.id, merge.client.id, settings);
    expect((await db.contracts.get(contract.id))?.clientId).toBe(keep.client.id);
    expect((await db.complaints.get(complaint.id))?.clientId).toBe(keep.client.id);
    const page = await loadClientPage(db, keep.client.id);
    expect(page?.contracts.map((c) => c.number)).toEqual(['D-7']);
    expect(page?.complaints.map((c) => c.subject)).toEqual(['Late delivery']);
  });
});
