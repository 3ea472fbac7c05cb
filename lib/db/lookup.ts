import { matchableDomains } from '@/lib/domain/email';
import { rankMatches, type ClientMatch } from '@/lib/domain/match';
import type { Client, Settings } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';

// Index lookups behind the matching rules: exact address → company domain (DESIGN.md).

async function clientsByIds(db: ClientDeskDb, ids: string[]): Promise<Map<string, Client>> {
  const clients = await db.clients.bulkGet([...new Set(ids)]);
  return new Map(clients.filter((c): c is Client => !!c).map((c) => [c.id, c]));
}

export async function findMatchesForEmail(db: ClientDeskDb, email: string, settings: Pick<Settings, 'ownDomains'>): Promise<ClientMatch[]> {
  const domains = matchableDomains(email, settings.ownDomains);
  const [contacts, companyAddress, byDomain] = await Promise.all([
    db.contacts.where('emails').equals(email).toArray(),
    db.clients.where('emails').equals(email).toArray(),
    // No Promise.resolve here: a foreign promise would end an enclosing Dexie transaction early.
    domains.length ? db.clients.where('domains').anyOf(domains).toArray() : ([] as Client[]),
  ]);
  const owners = await clientsByIds(db, contacts.map((c) => c.clientId));
  const candidates: ClientMatch[] = [];
  for (const contact of contacts) {
    const client = owners.get(contact.clientId);
    if (client) candidates.push({ client, contact, by: 'address', confirmed: true });
  }
  for (const client of companyAddress) candidates.push({ client, contact: null, by: 'address', confirmed: true });
  for (const client of byDomain) candidates.push({ client, contact: null, by: 'domain', confirmed: true });
  return rankMatches(candidates);
}

export async function findMatchesForPhone(db: ClientDeskDb, e164: string): Promise<ClientMatch[]> {
  const [contacts, companyPhones] = await Promise.all([
    db.contacts.where('phoneE164s').equals(e164).toArray(),
    db.clients.where('phoneE164s').equals(e164).toArray(),
  ]);
  const owners = await clientsByIds(db, contacts.map((c) => c.clientId));
  const candidates: ClientMatch[] = [];
  for (const contact of contacts) {
    const client = owners.get(contact.clientId);
    if (client) candidates.push({ client, contact, by: 'phone', confirmed: true });
  }
  for (const client of companyPhones) candidates.push({ client, contact: null, by: 'phone', confirmed: true });
  return rankMatches(candidates);
}

/** Where a site shows only a display name: contacts with that exact name, as unconfirmed guesses. */
export async function findMatchesForName(db: ClientDeskDb, name: string): Promise<ClientMatch[]> {
  const trimmed = name.trim();
  if (trimmed.length < 3) return [];
  const contacts = await db.contacts.where('name').equalsIgnoreCase(trimmed).toArray();
  const owners = await clientsByIds(db, contacts.map((c) => c.clientId));
  return rankMatches(
    contacts.flatMap((contact) => {
      const client = owners.get(contact.clientId);
      return client ? [{ client, contact, by: 'name' as const, confirmed: false }] : [];
    }),
  );
}
