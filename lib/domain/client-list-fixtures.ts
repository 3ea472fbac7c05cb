// Test builders for the client-list tests: a full Client / Contact from a few fields.
import type { Client, Contact, PhoneNumber } from './types';

const record = { ownerId: 'm1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null };

export function phone(raw: string, e164: string): PhoneNumber {
  return { raw, e164, ext: null };
}

export function testClient(overrides: Partial<Client> = {}): Client {
  const phones = overrides.phones ?? [];
  return {
    ...record, id: 'c1', name: 'Acme', legalName: '', taxId: '', status: 'active', domains: [], emails: [],
    phones, phoneE164s: phones.map((p) => p.e164), industry: '', source: '', priceType: '',
    contract: { paymentTerms: '', deferralDays: null, discountPct: null, creditLimit: null },
    receivables: { amount: null, overdueAmount: null, dueDate: null },
    reliabilityRating: null, reliabilityNote: '', needs: '', tags: [], notes: '', holidayDate: null,
    lastContactAt: null, nextContactAt: null, ...overrides,
  };
}

export function testContact(overrides: Partial<Contact> = {}): Contact {
  const phones = overrides.phones ?? [];
  return {
    ...record, id: 'p1', clientId: 'c1', name: 'Ivan Petrov', position: '', emails: [], phones,
    phoneE164s: phones.map((p) => p.e164), birthday: null, decisionMaker: false, ...overrides,
  };
}
