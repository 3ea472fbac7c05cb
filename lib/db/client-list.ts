import type { Activity, Client, Complaint, Contact, Contract } from '@/lib/domain/types';
import { complaintsOf } from './complaints';
import { contractsOf } from './contracts';
import type { ClientDeskDb } from './database';
import { normalizeClient, normalizeContact } from './normalize';

// Reads behind the Options workspace (a first-party page may read the database directly; writes go
// through the background). The list reads whole tables at once: for 100,000 clients one toArray is
// far faster than a query per client.

export interface ClientList {
  clients: Client[];
  /** Alive contacts of each alive client, in the order they were entered. */
  contactsByClient: Map<string, Contact[]>;
}

export interface ClientChanges {
  /** Changed clients, tombstoned ones included: the caller drops those from its list. */
  clients: Client[];
  contacts: Contact[];
}

export interface ClientPage {
  /** The card; a tombstoned one too (deleted, or merged: see `mergedIntoId`), for the page to say so. */
  client: Client;
  contacts: Contact[];
  /** The whole timeline, newest first, retractions included. */
  activities: Activity[];
  /** Alive contracts, the latest first (lib/db/contracts.ts `contractsOf`). */
  contracts: Contract[];
  /** Alive complaints, resolved ones included, the latest opened first (`complaintsOf`). */
  complaints: Complaint[];
}

const byCreation = (a: { createdAt: string }, b: { createdAt: string }) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** Every alive client with its alive contacts. */
export async function loadClientList(db: ClientDeskDb): Promise<ClientList> {
  const [rawClients, rawContacts] = await db.transaction('r', db.clients, db.contacts, () => Promise.all([db.clients.toArray(), db.contacts.toArray()]));
  const clients = rawClients.filter((c) => !c.deletedAt).map(normalizeClient);
  const contactsByClient = new Map<string, Contact[]>(clients.map((c) => [c.id, []]));
  for (const contact of rawContacts) {
    if (!contact.deletedAt) contactsByClient.get(contact.clientId)?.push(normalizeContact(contact));
  }
  for (const contacts of contactsByClient.values()) if (contacts.length > 1) contacts.sort(byCreation);
  return { clients, contactsByClient };
}

/**
 * Clients and contacts saved after `updatedAtIso` (strictly), for an incremental refresh of a
 * list loaded earlier; pass the greatest `updatedAt` the caller has seen.
 */
export async function loadClientsChangedSince(db: ClientDeskDb, updatedAtIso: string): Promise<ClientChanges> {
  const [clients, contacts] = await db.transaction('r', db.clients, db.contacts, () =>
    Promise.all([db.clients.where('updatedAt').above(updatedAtIso).toArray(), db.contacts.where('updatedAt').above(updatedAtIso).toArray()]),
  );
  return { clients: clients.map(normalizeClient), contacts: contacts.map(normalizeContact) };
}

/** The client page: the card, its alive contacts, contracts and complaints, and its whole timeline; null when there is no such card. */
export async function loadClientPage(db: ClientDeskDb, clientId: string): Promise<ClientPage | null> {
  return db.transaction('r', [db.clients, db.contacts, db.activities, db.contracts, db.complaints], async () => {
    const [client, contacts, activities, contracts, complaints] = await Promise.all([
      db.clients.get(clientId),
      db.contacts.where('clientId').equals(clientId).toArray(),
      db.activities.where('[clientId+at]').between([clientId, ''], [clientId, '\uffff']).reverse().toArray(),
      contractsOf(db, clientId),
      complaintsOf(db, clientId),
    ]);
    if (!client) return null;
    return {
      client: normalizeClient(client),
      contacts: contacts.filter((c) => !c.deletedAt).map(normalizeContact).sort(byCreation),
      activities: activities.filter((a) => !a.deletedAt),
      contracts,
      complaints,
    };
  });
}
