import { emailDomain, isFreeMailDomain, isOwnDomain } from '@/lib/domain/email';
import type { Client, Contact, PhoneNumber, Settings } from '@/lib/domain/types';
import type { ParsedClientRow } from '@/lib/io/client-csv';
import { nowIso, type ClientDeskDb } from './database';
import { buildClient, buildContact, e164s } from './records';

// Applies parsed import rows in ONE transaction: either every valid row is saved, or (on any
// failure, e.g. a full disk) nothing is, and the base stays as it was.

export interface ImportCounts {
  clientsAdded: number;
  clientsUpdated: number;
  contactsAdded: number;
  contactsUpdated: number;
}

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
const unionPhones = (a: readonly PhoneNumber[], b: readonly PhoneNumber[]) => {
  const seen = new Set(a.map((p) => `${p.e164};${p.ext ?? ''}`));
  return [...a, ...b.filter((p) => !seen.has(`${p.e164};${p.ext ?? ''}`))];
};

/** Company domains a row implies when its `domains` cell is empty: those of its contact's work addresses. */
function impliedDomains(row: ParsedClientRow, settings: Settings): string[] {
  if (row.domains.length) return row.domains;
  return union(
    [],
    (row.contact?.emails ?? []).map(emailDomain).filter((d) => !isFreeMailDomain(d) && !isOwnDomain(d, settings.ownDomains)),
  );
}

export async function applyClientImport(db: ClientDeskDb, rows: readonly ParsedClientRow[], settings: Settings): Promise<ImportCounts> {
  const added = { clients: new Set<string>(), contacts: new Set<string>() };
  const updated = { clients: new Set<string>(), contacts: new Set<string>() };

  await db.transaction('rw', db.clients, db.contacts, async () => {
    for (const row of rows) {
      const existingContact = await findContact(db, row);
      let client = existingContact ? await db.clients.get(existingContact.clientId) : undefined;
      client ??= await findClient(db, row, settings);
      const domains = impliedDomains(row, settings);

      if (!client) {
        client = buildClient(
          {
            name: row.company || row.contact?.name || row.contact?.emails[0] || '',
            status: row.status ?? 'prospect',
            domains,
            priceType: row.priceType,
            contract: { paymentTerms: row.paymentTerms, deferralDays: null, discountPct: null, creditLimit: null },
            receivables: { amount: row.receivables, overdueAmount: null, dueDate: null },
            notes: row.notes,
          },
          settings.managerId,
        );
        await db.clients.add(client);
        added.clients.add(client.id);
      } else {
        const next: Client = {
          ...client,
          status: row.status ?? client.status,
          domains: union(client.domains, domains),
          priceType: row.priceType || client.priceType,
          contract: { ...client.contract, paymentTerms: row.paymentTerms || client.contract.paymentTerms },
          receivables: { ...client.receivables, amount: row.receivables ?? client.receivables.amount },
          notes: !row.notes || client.notes.includes(row.notes) ? client.notes : [client.notes, row.notes].filter(Boolean).join('\n'),
          updatedAt: nowIso(),
        };
        await db.clients.put(next);
        if (!added.clients.has(client.id)) updated.clients.add(client.id);
      }

      if (!row.contact) continue;
      const fields = row.contact;
      if (existingContact) {
        const phones = unionPhones(existingContact.phones, fields.phones);
        const next: Contact = {
          ...existingContact,
          name: fields.name || existingContact.name,
          position: fields.position || existingContact.position,
          emails: union(existingContact.emails, fields.emails),
          phones,
          phoneE164s: e164s(phones),
          birthday: fields.birthday ?? existingContact.birthday,
          updatedAt: nowIso(),
        };
        await db.contacts.put(next);
        if (!added.contacts.has(next.id)) updated.contacts.add(next.id);
      } else {
        const contact = buildContact(client.id, fields, settings.managerId);
        await db.contacts.add(contact);
        added.contacts.add(contact.id);
      }
    }
  });

  return {
    clientsAdded: added.clients.size,
    clientsUpdated: updated.clients.size,
    contactsAdded: added.contacts.size,
    contactsUpdated: updated.contacts.size,
  };
}

/** The same person, by any of the row's addresses or phones. */
async function findContact(db: ClientDeskDb, row: ParsedClientRow): Promise<Contact | undefined> {
  if (!row.contact) return undefined;
  const alive = (c: Contact) => !c.deletedAt;
  if (row.contact.emails.length) {
    const byEmail = await db.contacts.where('emails').anyOf(row.contact.emails).filter(alive).first();
    if (byEmail) return byEmail;
  }
  const phones = row.contact.phones.map((p) => p.e164);
  return phones.length ? db.contacts.where('phoneE164s').anyOf(phones).filter(alive).first() : undefined;
}

/** The same company, by its name, then by one of its domains. */
async function findClient(db: ClientDeskDb, row: ParsedClientRow, settings: Settings): Promise<Client | undefined> {
  const alive = (c: Client) => !c.deletedAt;
  if (row.company) {
    const byName = await db.clients.where('name').equalsIgnoreCase(row.company).filter(alive).first();
    if (byName) return byName;
  }
  const domains = impliedDomains(row, settings);
  return domains.length && row.company ? db.clients.where('domains').anyOf(domains).filter(alive).first() : undefined;
}
