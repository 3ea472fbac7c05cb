import { isLaterInstant } from '@/lib/domain/instants';
import { phoneIndexKeys } from '@/lib/domain/merge-fields';
import type { Client, Contact, PhoneNumber, SyncedRecord } from '@/lib/domain/types';
import { newId, nowIso } from './database';

// Constructors that give every record its full shape, so partial input never reaches the store.

export type ClientFields = Partial<Omit<Client, 'id' | 'ownerId' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'phoneE164s' | 'mergedIntoId'>>;
export type ContactFields = Partial<Omit<Contact, 'id' | 'ownerId' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'phoneE164s' | 'clientId'>>;

/** The part every record shares: a random id, its owner, timestamps and no tombstone. */
export function newRecord(ownerId: string): SyncedRecord {
  const now = nowIso();
  return { id: newId(), ownerId, createdAt: now, updatedAt: now, deletedAt: null };
}

export function e164s(phones: readonly PhoneNumber[]): string[] {
  return phoneIndexKeys(phones);
}

/**
 * A new `updatedAt` strictly after `previous`, so every save is a new version even within one
 * millisecond (and a replica can always tell the newer version).
 */
export function laterThan(previous: string, now = nowIso()): string {
  return isLaterInstant(now, previous) ? now : new Date(Date.parse(previous) + 1).toISOString();
}

export function buildClient(fields: ClientFields, ownerId: string): Client {
  const phones = fields.phones ?? [];
  return {
    ...newRecord(ownerId),
    name: fields.name ?? '',
    legalName: fields.legalName ?? '',
    taxId: fields.taxId ?? '',
    status: fields.status ?? 'prospect',
    domains: fields.domains ?? [],
    emails: fields.emails ?? [],
    phones,
    phoneE164s: e164s(phones),
    industry: fields.industry ?? '',
    source: fields.source ?? '',
    priceType: fields.priceType ?? '',
    contract: { paymentTerms: '', deferralDays: null, discountPct: null, creditLimit: null, ...fields.contract },
    receivables: { amount: null, overdueAmount: null, dueDate: null, ...fields.receivables },
    reliabilityRating: fields.reliabilityRating ?? null,
    reliabilityNote: fields.reliabilityNote ?? '',
    needs: fields.needs ?? '',
    tags: fields.tags ?? [],
    notes: fields.notes ?? '',
    holidayDate: fields.holidayDate ?? null,
    lastContactAt: fields.lastContactAt ?? null,
    nextContactAt: fields.nextContactAt ?? null,
    mergedIntoId: null,
  };
}

export function buildContact(clientId: string, fields: ContactFields, ownerId: string): Contact {
  const phones = fields.phones ?? [];
  return {
    ...newRecord(ownerId),
    clientId,
    name: fields.name ?? '',
    position: fields.position ?? '',
    emails: fields.emails ?? [],
    phones,
    phoneE164s: e164s(phones),
    birthday: fields.birthday ?? null,
    decisionMaker: fields.decisionMaker ?? false,
  };
}
