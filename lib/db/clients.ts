import { dayKey } from '@/lib/domain/day-key';
import type { Activity, Client, Contact, ContractTerms, Receivables, Settings } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';
import { buildClient, buildContact, e164s, laterThan, newRecord, type ClientFields, type ContactFields } from './records';

// Writes behind the sidebar's card actions. The background is the one writer (DESIGN.md).

export interface ClientCard {
  client: Client;
  contacts: Contact[];
  recent: Activity[];
}

/** Card fields to change; nested contract and receivables fields may be given one by one. */
export type ClientPatchFields = Omit<ClientFields, 'contract' | 'receivables'> & {
  contract?: Partial<ContractTerms>;
  receivables?: Partial<Receivables>;
};

export class StaleEditError extends Error {
  constructor(public readonly current: Client) {
    super('This card was changed elsewhere since you opened it. Your edit was not saved; the card now shows the latest version.');
  }
}

export async function createClientWithContact(
  db: ClientDeskDb,
  clientFields: ClientFields,
  contactFields: ContactFields | null,
  settings: Settings,
): Promise<ClientCard> {
  const client = buildClient(clientFields, settings.managerId);
  const contact = contactFields ? buildContact(client.id, contactFields, settings.managerId) : null;
  await db.transaction('rw', db.clients, db.contacts, async () => {
    await db.clients.add(client);
    if (contact) await db.contacts.add(contact);
  });
  return { client, contacts: contact ? [contact] : [], recent: [] };
}

/**
 * Applies a patch of the card's fields. With `expectedUpdatedAt`, refuses to overwrite a version
 * saved elsewhere in the meantime (two open pages never overwrite each other silently).
 */
export async function updateClient(db: ClientDeskDb, id: string, patch: ClientPatchFields, expectedUpdatedAt?: string): Promise<Client> {
  return db.transaction('rw', db.clients, async () => {
    const current = await db.clients.get(id);
    if (!current || current.deletedAt) throw new Error('This client card no longer exists.');
    if (expectedUpdatedAt && current.updatedAt !== expectedUpdatedAt) throw new StaleEditError(current);
    const next: Client = {
      ...current,
      ...patch,
      contract: { ...current.contract, ...patch.contract },
      receivables: { ...current.receivables, ...patch.receivables },
      updatedAt: laterThan(current.updatedAt),
    };
    next.phoneE164s = e164s(next.phones);
    await db.clients.put(next);
    return next;
  });
}

export async function addActivity(
  db: ClientDeskDb,
  fields: Pick<Activity, 'type' | 'clientId' | 'summary'> & Partial<Activity>,
  settings: Settings,
  at = new Date(),
): Promise<Activity> {
  const activity: Activity = {
    ...newRecord(settings.managerId),
    contactId: null,
    channelRef: null,
    templateId: null,
    outcome: null,
    retractsId: null,
    ...fields,
    at: at.toISOString(),
    dayKey: dayKey(at, settings.timeZone),
  };
  await db.activities.add(activity);
  return activity;
}

export async function addNote(db: ClientDeskDb, clientId: string, contactId: string | null, text: string, settings: Settings): Promise<Activity> {
  return db.transaction('rw', db.clients, db.activities, async () => {
    const client = await db.clients.get(clientId);
    if (!client || client.deletedAt) throw new Error('This client card no longer exists.');
    const note = await addActivity(db, { type: 'note', clientId, contactId, summary: text }, settings);
    await db.clients.update(clientId, { updatedAt: laterThan(client.updatedAt) });
    return note;
  });
}
