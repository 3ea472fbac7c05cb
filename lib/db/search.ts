import { normalizeEmail } from '@/lib/domain/address';
import { normalizePhone } from '@/lib/domain/phone';
import type { Client, Contact } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';

// Search over the client base by company name, contact name, e-mail, phone or tax id (popup, options).

export interface SearchHit {
  client: Client;
  contacts: Contact[];
}

export async function searchClients(db: ClientDeskDb, query: string, defaultRegion: string, limit = 20): Promise<SearchHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const alive = <T extends { deletedAt: string | null }>(r: T) => !r.deletedAt;
  const email = normalizeEmail(q);
  const phone = /\d{5,}/.test(q.replace(/\D/g, '')) ? normalizePhone(q, defaultRegion) : null;
  const [byName, byTaxId, contactsByName, contactsByEmail, contactsByPhone] = await Promise.all([
    db.clients.where('name').startsWithIgnoreCase(q).filter(alive).limit(limit).toArray(),
    /^\d+$/.test(q) ? db.clients.where('taxId').startsWith(q).filter(alive).limit(limit).toArray() : ([] as Client[]),
    db.contacts.where('name').startsWithIgnoreCase(q).filter(alive).limit(limit).toArray(),
    db.contacts.where('emails').startsWithIgnoreCase(email ?? q).filter(alive).limit(limit).toArray(),
    phone?.ok ? db.contacts.where('phoneE164s').equals(phone.phone.e164).filter(alive).limit(limit).toArray() : ([] as Contact[]),
  ]);
  const contactHits = [...contactsByName, ...contactsByEmail, ...contactsByPhone];
  const owners = await db.clients.bulkGet([...new Set(contactHits.map((c) => c.clientId))]);
  const clients = new Map<string, Client>();
  for (const client of [...byName, ...byTaxId, ...owners]) if (client && !client.deletedAt && clients.size < limit) clients.set(client.id, client);
  const hits = [...clients.values()];
  const contacts = await db.contacts.where('clientId').anyOf(hits.map((c) => c.id)).filter(alive).toArray();
  return hits.map((client) => ({ client, contacts: contacts.filter((c) => c.clientId === client.id) }));
}
