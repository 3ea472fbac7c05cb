import { domainWithParents, emailDomain, isFreeMailDomain, isOwnDomain } from '@/lib/domain/email';
import { appendText, phoneIndexKeys, unionOf, unionPhones } from '@/lib/domain/merge-fields';
import type { Client, Contact, Settings } from '@/lib/domain/types';
import type { ImportClientFields, ImportContactFields, ImportRow } from '@/lib/io/import-row';
import { buildClient, buildContact } from './records';

// Pure rules of the import: what a row looks for in the base, the card it creates, and how it
// updates a card it matched. An update only fills or extends: lists are united, an empty cell
// never blanks a field, a value given in the file replaces the old one, notes are appended.

/** The index keys a row is matched by, per kind (names lower-cased). */
export interface LookupKeys {
  contactEmail: string[];
  contactPhone: string[];
  contactName: string[];
  taxId: string[];
  clientEmail: string[];
  clientPhone: string[];
  name: string[];
  domain: string[];
}
export type LookupKind = keyof LookupKeys;

const isCompanyDomain = (domain: string, settings: Pick<Settings, 'ownDomains'>) =>
  !isFreeMailDomain(domain) && !isOwnDomain(domain, settings.ownDomains);

/** The company domains a row gives or, when it gives none, implies by its work addresses. */
export function rowDomains(row: ImportRow, settings: Pick<Settings, 'ownDomains'>): string[] {
  const given = row.client.domains;
  const implied = given.length ? [] : [...row.client.emails, ...(row.contact?.emails ?? [])].map(emailDomain);
  return unionOf(given, implied).filter((d) => isCompanyDomain(d, settings));
}

/** The company name the row gives (the legal name when the short one is missing). */
const companyName = (row: ImportRow) => row.client.name.trim() || row.client.legalName.trim();

/** The name a new card gets: the company's, else the person's (a private client), else an address or number. */
export function newCardName(row: ImportRow): string {
  const contact = row.contact;
  return (
    companyName(row) ||
    contact?.name.trim() ||
    contact?.emails[0] ||
    row.client.emails[0] ||
    contact?.phones[0]?.raw ||
    row.client.phones[0]?.raw ||
    ''
  );
}

export function lookupKeys(row: ImportRow, settings: Pick<Settings, 'ownDomains'>): LookupKeys {
  const contact = row.contact;
  // A card is found again by the name it was created under (a private client's is the person's).
  const name = companyName(row) || contact?.name.trim() || '';
  const domains = companyName(row) ? rowDomains(row, settings).flatMap(domainWithParents).filter((d) => isCompanyDomain(d, settings)) : [];
  return {
    contactEmail: contact?.emails ?? [],
    contactPhone: contact ? phoneIndexKeys(contact.phones) : [],
    contactName: contact?.name.trim() ? [contact.name.trim().toLowerCase()] : [],
    taxId: row.client.taxId.trim() ? [row.client.taxId.trim()] : [],
    clientEmail: row.client.emails,
    clientPhone: phoneIndexKeys(row.client.phones),
    name: name ? [name.toLowerCase()] : [],
    domain: [...new Set(domains)],
  };
}

export function newClientFromRow(row: ImportRow, settings: Settings): Client {
  const f = row.client;
  return buildClient(
    {
      ...f,
      name: newCardName(row),
      taxId: f.taxId.trim(),
      status: f.status ?? 'prospect',
      domains: rowDomains(row, settings),
      emails: unionOf([], f.emails),
      phones: unionPhones([], f.phones),
      contract: { paymentTerms: f.paymentTerms, deferralDays: f.deferralDays, discountPct: f.discountPct, creditLimit: f.creditLimit },
      receivables: { amount: f.receivables, overdueAmount: f.overdueAmount, dueDate: f.dueDate },
      tags: unionOf([], f.tags),
    },
    settings.managerId,
  );
}

const given = (value: string, current: string) => (value.trim() ? value.trim() : current);

/**
 * `client` with the row's values. `rename`: the file's company name replaces the card's; false
 * when the card was only guessed by its name or domain (a guess never renames a card).
 */
export function applyRowToClient(client: Client, f: ImportClientFields, domains: readonly string[], rename: boolean): Client {
  const phones = unionPhones(client.phones, f.phones);
  return {
    ...client,
    name: rename ? given(f.name, client.name) : client.name,
    legalName: given(f.legalName, client.legalName),
    taxId: given(f.taxId, client.taxId),
    status: f.status ?? client.status,
    domains: unionOf(client.domains, domains),
    emails: unionOf(client.emails, f.emails),
    phones,
    phoneE164s: phoneIndexKeys(phones),
    industry: given(f.industry, client.industry),
    source: given(f.source, client.source),
    priceType: given(f.priceType, client.priceType),
    contract: {
      paymentTerms: given(f.paymentTerms, client.contract.paymentTerms),
      deferralDays: f.deferralDays ?? client.contract.deferralDays,
      discountPct: f.discountPct ?? client.contract.discountPct,
      creditLimit: f.creditLimit ?? client.contract.creditLimit,
    },
    receivables: {
      amount: f.receivables ?? client.receivables.amount,
      overdueAmount: f.overdueAmount ?? client.receivables.overdueAmount,
      dueDate: f.dueDate ?? client.receivables.dueDate,
    },
    reliabilityRating: f.reliabilityRating ?? client.reliabilityRating,
    reliabilityNote: appendText(client.reliabilityNote, f.reliabilityNote),
    needs: given(f.needs, client.needs),
    tags: unionOf(client.tags, f.tags),
    notes: appendText(client.notes, f.notes),
    holidayDate: f.holidayDate ?? client.holidayDate,
    nextContactAt: f.nextContactAt ?? client.nextContactAt,
  };
}

export function newContactFromRow(clientId: string, c: ImportContactFields, ownerId: string): Contact {
  return buildContact(
    clientId,
    { ...c, name: c.name.trim(), position: c.position.trim(), emails: unionOf([], c.emails), phones: unionPhones([], c.phones), decisionMaker: c.decisionMaker ?? false },
    ownerId,
  );
}

export function applyRowToContact(contact: Contact, c: ImportContactFields): Contact {
  const phones = unionPhones(contact.phones, c.phones);
  return {
    ...contact,
    name: given(c.name, contact.name),
    position: given(c.position, contact.position),
    emails: unionOf(contact.emails, c.emails),
    phones,
    phoneE164s: phoneIndexKeys(phones),
    birthday: c.birthday ?? contact.birthday,
    decisionMaker: c.decisionMaker ?? contact.decisionMaker,
  };
}
