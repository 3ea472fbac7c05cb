import { matchableDomains } from '@/lib/domain/email';
import { rankMatches, type ClientMatch, type MatchKind } from '@/lib/domain/match';
import type { Activity, Client, Contact, Settings } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';

// Index lookups behind the matching rules: exact address → company domain (DESIGN.md).
// A lookup is two rounds of index reads: (1) the hits, (2) the owners of contact hits together
// with every hit client's card details. This path runs on every page change, so rounds count.

/** What one round of index reads found: contacts, and clients with how they matched. */
interface Hits {
  contacts: { contact: Contact; by: MatchKind; confirmed: boolean }[];
  clients: { client: Client; by: MatchKind }[];
}

export interface MatchedCard extends ClientMatch {
  contacts: Contact[];
  recent: Activity[];
}

// No Promise.resolve in these functions: a foreign promise would end an enclosing Dexie
// transaction early (the sidebar view reads everything in one transaction).
const none = <T>(): T[] => [];

async function emailHits(db: ClientDeskDb, email: string, settings: Pick<Settings, 'ownDomains'>): Promise<Hits> {
  const domains = matchableDomains(email, settings.ownDomains);
  const [contacts, companyAddress, byDomain] = await Promise.all([
    db.contacts.where('emails').equals(email).toArray(),
    db.clients.where('emails').equals(email).toArray(),
    // equals() reads one key range; anyOf() walks a cursor, slower for the usual single domain.
    domains.length === 1 ? db.clients.where('domains').equals(domains[0]!).toArray()
    : domains.length ? db.clients.where('domains').anyOf(domains).toArray() : none<Client>(),
  ]);
  return {
    contacts: contacts.map((contact) => ({ contact, by: 'address', confirmed: true })),
    clients: [...companyAddress.map((client) => ({ client, by: 'address' as const })), ...byDomain.map((client) => ({ client, by: 'domain' as const }))],
  };
}

async function phoneHits(db: ClientDeskDb, e164: string): Promise<Hits> {
  const [contacts, clients] = await Promise.all([
    db.contacts.where('phoneE164s').equals(e164).toArray(),
    db.clients.where('phoneE164s').equals(e164).toArray(),
  ]);
  return { contacts: contacts.map((contact) => ({ contact, by: 'phone', confirmed: true })), clients: clients.map((client) => ({ client, by: 'phone' })) };
}

/** Where a site shows only a display name: contacts with that exact name, as unconfirmed guesses. */
async function nameHits(db: ClientDeskDb, name: string): Promise<Hits> {
  const trimmed = name.trim();
  const contacts = trimmed.length < 3 ? none<Contact>() : await db.contacts.where('name').equalsIgnoreCase(trimmed).toArray();
  return { contacts: contacts.map((contact) => ({ contact, by: 'name', confirmed: false })), clients: [] };
}

async function cardDetails(db: ClientDeskDb, clientId: string, recentCount: number): Promise<Pick<MatchedCard, 'contacts' | 'recent'>> {
  const [contacts, recent] = await Promise.all([
    // In the order they were entered (ids are random).
    db.contacts.where('clientId').equals(clientId).filter((c) => !c.deletedAt).sortBy('createdAt'),
    db.activities
      .where('[clientId+at]')
      .between([clientId, ''], [clientId, '\uffff'])
      .reverse()
      .filter((a) => !a.deletedAt)
      .limit(recentCount)
      .toArray(),
  ]);
  return { contacts, recent };
}

/** Round two: owners of the contact hits and, unless `recentCount` is null, every card's details. */
async function resolve(db: ClientDeskDb, hits: Hits, recentCount: number | null): Promise<MatchedCard[]> {
  const known = new Map(hits.clients.map(({ client }) => [client.id, client]));
  const ownerIds = [...new Set(hits.contacts.map((h) => h.contact.clientId))].filter((id) => !known.has(id));
  const clientIds = [...new Set([...known.keys(), ...hits.contacts.map((h) => h.contact.clientId)])];
  const [owners, details] = await Promise.all([
    ownerIds.length ? db.clients.bulkGet(ownerIds) : none<Client | undefined>(),
    Promise.all(clientIds.map((id) => (recentCount === null ? { contacts: [], recent: [] } : cardDetails(db, id, recentCount)))),
  ]);
  for (const owner of owners) if (owner) known.set(owner.id, owner);
  const detailsOf = new Map(clientIds.map((id, i) => [id, details[i]!]));

  const candidates: ClientMatch[] = [
    ...hits.contacts.flatMap(({ contact, by, confirmed }) => {
      const client = known.get(contact.clientId);
      return client ? [{ client, contact, by, confirmed }] : [];
    }),
    ...hits.clients.map(({ client, by }) => ({ client, contact: null, by, confirmed: true })),
  ];
  return rankMatches(candidates).map((match) => ({ ...match, ...detailsOf.get(match.client.id)! }));
}

export function findCardsForEmail(db: ClientDeskDb, email: string, settings: Pick<Settings, 'ownDomains'>, recentCount = 5): Promise<MatchedCard[]> {
  return emailHits(db, email, settings).then((hits) => resolve(db, hits, recentCount));
}

/** Cards of a number (E.164): every contact and client with it; a switchboard gives several. */
export function findCardsForPhone(db: ClientDeskDb, e164: string, recentCount = 5): Promise<MatchedCard[]> {
  return phoneHits(db, e164).then((hits) => resolve(db, hits, recentCount));
}

export function findCardsForName(db: ClientDeskDb, name: string, recentCount = 5): Promise<MatchedCard[]> {
  return nameHits(db, name).then((hits) => resolve(db, hits, recentCount));
}

export async function findMatchesForEmail(db: ClientDeskDb, email: string, settings: Pick<Settings, 'ownDomains'>): Promise<ClientMatch[]> {
  return resolve(db, await emailHits(db, email, settings), null);
}

export async function findMatchesForPhone(db: ClientDeskDb, e164: string): Promise<ClientMatch[]> {
  return resolve(db, await phoneHits(db, e164), null);
}

export async function findMatchesForName(db: ClientDeskDb, name: string): Promise<ClientMatch[]> {
  return resolve(db, await nameHits(db, name), null);
}
