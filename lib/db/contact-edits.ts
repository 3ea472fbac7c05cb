import type { Client, Contact, Settings } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';
import { buildContact, e164s, laterThan, type ContactFields } from './records';

// Writes behind the client page: contacts added, edited and removed, a client removed. Removal is a
// tombstone (deletedAt), never a hard delete: records must replicate later (DESIGN.md).

export class StaleContactError extends Error {
  constructor(public readonly current: Contact) {
    super('This contact was changed elsewhere since you opened it. Your edit was not saved; the page now shows the latest version.');
  }
}

export type ContactEdit = Required<Pick<ContactFields, 'name' | 'position' | 'emails' | 'phones' | 'birthday' | 'decisionMaker'>>;

async function aliveClient(db: ClientDeskDb, clientId: string): Promise<Client> {
  const client = await db.clients.get(clientId);
  if (!client || client.deletedAt) throw new Error('This client card no longer exists.');
  return client;
}

/** Adds a contact (contactId null) or replaces an existing one's fields, refusing stale edits. */
export async function saveContact(
  db: ClientDeskDb,
  clientId: string,
  contactId: string | null,
  fields: ContactEdit,
  settings: Settings,
  expectedUpdatedAt?: string,
): Promise<Contact> {
  if (!fields.name.trim() && fields.emails.length === 0 && fields.phones.length === 0) {
    throw new Error('A contact needs a name, an e-mail or a phone.');
  }
  return db.transaction('rw', db.clients, db.contacts, async () => {
    const client = await aliveClient(db, clientId);
    let contact: Contact;
    if (contactId === null) {
      contact = buildContact(clientId, fields, settings.managerId);
    } else {
      const current = await db.contacts.get(contactId);
      if (!current || current.deletedAt || current.clientId !== clientId) throw new Error('This contact no longer exists.');
      if (expectedUpdatedAt && current.updatedAt !== expectedUpdatedAt) throw new StaleContactError(current);
      contact = { ...current, ...fields, phoneE164s: e164s(fields.phones), updatedAt: laterThan(current.updatedAt) };
    }
    await db.contacts.put(contact);
    // The card changed too: another open page must notice before it saves over it.
    await db.clients.update(clientId, { updatedAt: laterThan(client.updatedAt) });
    return contact;
  });
}

export async function deleteContact(db: ClientDeskDb, contactId: string): Promise<void> {
  await db.transaction('rw', db.clients, db.contacts, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact || contact.deletedAt) return;
    const now = laterThan(contact.updatedAt);
    await db.contacts.update(contactId, { deletedAt: now, updatedAt: now });
    const client = await db.clients.get(contact.clientId);
    if (client) await db.clients.update(client.id, { updatedAt: laterThan(client.updatedAt) });
  });
}

/** Tombstones the client, its contacts, contracts and complaints; its activities stay (they are facts) and still name it. */
export async function deleteClient(db: ClientDeskDb, clientId: string): Promise<void> {
  await db.transaction('rw', [db.clients, db.contacts, db.contracts, db.complaints], async () => {
    const client = await aliveClient(db, clientId);
    const now = laterThan(client.updatedAt);
    await db.clients.update(clientId, { deletedAt: now, updatedAt: now });
    const contacts = await db.contacts.where('clientId').equals(clientId).toArray();
    for (const contact of contacts) {
      if (contact.deletedAt) continue;
      const at = laterThan(contact.updatedAt);
      await db.contacts.update(contact.id, { deletedAt: at, updatedAt: at });
    }
    for (const table of [db.contracts, db.complaints] as const) {
      const rows = await table.where('clientId').equals(clientId).toArray();
      for (const row of rows) {
        if (row.deletedAt) continue;
        const at = laterThan(row.updatedAt);
        await table.update(row.id, { deletedAt: at, updatedAt: at });
      }
    }
  });
}
