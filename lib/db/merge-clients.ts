import { dayKey } from '@/lib/domain/day-key';
import { isSamePerson, mergeClientFields, mergeContactFields } from '@/lib/domain/merge-fields';
import type { Activity, Client, Contact, Settings } from '@/lib/domain/types';
import { addActivity } from './clients';
import { nowIso, type ClientDeskDb } from './database';
import { laterThan } from './records';
import { normalizeClient } from './normalize';

// "Merge duplicates" (issue 5): one card is merged into another in one transaction, nothing lost.
// Contacts move (or fold into the same person on the kept card), activities are re-linked (they
// are facts: only the link changes), fields are merged (lib/domain/merge-fields.ts), the merged
// card gets a tombstone pointing at the kept one, and the kept card's timeline records the merge.

export interface MergeResult {
  client: Client;
  /** Contacts of the merged card now on the kept one (moved, or folded into the same person). */
  movedContacts: number;
  movedActivities: number;
}

export async function mergeClients(db: ClientDeskDb, keepId: string, mergeId: string, settings: Settings): Promise<MergeResult> {
  if (keepId === mergeId) throw new Error('A client card cannot be merged into itself.');
  return db.transaction('rw', [db.clients, db.contacts, db.activities, db.contracts, db.complaints], async () => {
    const [keep, merged] = await Promise.all([aliveCard(db, keepId, 'The card to keep'), aliveCard(db, mergeId, 'The card to merge')]);
    const now = nowIso();
    const survivors = await moveContacts(db, keepId, mergeId, now);
    const movedActivities = await relinkActivities(db, keepId, mergeId, survivors, now);
    await moveContractsAndComplaints(db, keepId, mergeId, now);
    const movedContacts = survivors.size;

    const client: Client = { ...mergeClientFields(keep, merged, dayKey(new Date(now), settings.timeZone)), updatedAt: laterThan(keep.updatedAt, now) };
    await db.clients.put(client);
    await db.clients.put({ ...merged, deletedAt: now, mergedIntoId: keepId, updatedAt: laterThan(merged.updatedAt, now) });
    await addActivity(db, { type: 'merge', clientId: keepId, summary: mergeSummary(merged.name, movedContacts, movedActivities) }, settings, new Date(now));
    return { client, movedContacts, movedActivities };
  });
}

async function aliveCard(db: ClientDeskDb, id: string, which: string): Promise<Client> {
  const client = await db.clients.get(id);
  if (!client) throw new Error(`${which} no longer exists.`);
  if (client.deletedAt) {
    throw new Error(client.mergedIntoId ? `${which} ("${client.name}") was already merged into another card.` : `${which} ("${client.name}") was deleted.`);
  }
  return normalizeClient(client);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function mergeSummary(mergedName: string, contacts: number, activities: number): string {
  return `Merged "${mergedName}" into this card (${count(contacts, 'contact', 'contacts')}, ${count(activities, 'activity', 'activities')})`;
}

/**
 * Moves the merged card's alive contacts to the kept card; one that is the same person as a kept
 * contact (same address or phone) is folded into it and gets a tombstone.
 * Returns, for every moved contact, the id it lives on under (itself, or the one it was folded into).
 */
async function moveContacts(db: ClientDeskDb, keepId: string, mergeId: string, now: string): Promise<Map<string, string>> {
  const [kept, moving] = await Promise.all([aliveContacts(db, keepId), aliveContacts(db, mergeId)]);
  const survivors = new Map<string, string>();
  const changed = new Map<string, Contact>();
  for (const contact of moving) {
    const i = kept.findIndex((k) => isSamePerson(k, contact));
    const same = kept[i];
    if (same) {
      // The folded version stays in `kept`: a third duplicate matches its united addresses too.
      const folded = { ...mergeContactFields(same, contact), updatedAt: laterThan(same.updatedAt, now) };
      kept[i] = folded;
      changed.set(same.id, folded);
      changed.set(contact.id, { ...contact, clientId: keepId, deletedAt: now, updatedAt: laterThan(contact.updatedAt, now) });
      survivors.set(contact.id, same.id);
    } else {
      changed.set(contact.id, { ...contact, clientId: keepId, updatedAt: laterThan(contact.updatedAt, now) });
      survivors.set(contact.id, contact.id);
    }
  }
  await db.contacts.bulkPut([...changed.values()]);
  return survivors;
}

async function aliveContacts(db: ClientDeskDb, clientId: string): Promise<Contact[]> {
  return db.contacts.where('clientId').equals(clientId).filter((c) => !c.deletedAt).sortBy('createdAt');
}

/** The merged card's contracts and complaints belong to the kept card now. */
async function moveContractsAndComplaints(db: ClientDeskDb, keepId: string, mergeId: string, now: string): Promise<void> {
  const [contracts, complaints] = await Promise.all([db.contracts.where('clientId').equals(mergeId).toArray(), db.complaints.where('clientId').equals(mergeId).toArray()]);
  await db.contracts.bulkPut(contracts.map((c) => ({ ...c, clientId: keepId, updatedAt: laterThan(c.updatedAt, now) })));
  await db.complaints.bulkPut(complaints.map((c) => ({ ...c, clientId: keepId, updatedAt: laterThan(c.updatedAt, now) })));
}

/** Points every activity of the merged card (and of a folded contact) at the kept card and contact. */
async function relinkActivities(db: ClientDeskDb, keepId: string, mergeId: string, survivors: Map<string, string>, now: string): Promise<number> {
  const activities = await db.activities.where('[clientId+at]').between([mergeId, ''], [mergeId, '\uffff']).toArray();
  const relinked = activities.map(
    (a): Activity => ({
      ...a,
      clientId: keepId,
      contactId: a.contactId === null ? null : (survivors.get(a.contactId) ?? a.contactId),
      updatedAt: laterThan(a.updatedAt, now),
    }),
  );
  await db.activities.bulkPut(relinked);
  return relinked.filter((a) => !a.deletedAt).length;
}
