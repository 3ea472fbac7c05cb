import type { Client, Contact } from '@/lib/domain/types';

// Rows written by an older schema lack the fields added since; readers give every record its
// full shape here, so the rest of the code never sees a missing field (no data upgrade needed).

type Synced = 'id' | 'ownerId' | 'createdAt' | 'updatedAt' | 'deletedAt';

/** Fresh objects each time: a caller that edits a default must not change it for the next record. */
export function clientDefaults(): Omit<Client, Synced> {
  return {
    name: '',
    legalName: '',
    taxId: '',
    status: 'prospect',
    domains: [],
    emails: [],
    phones: [],
    phoneE164s: [],
    industry: '',
    source: '',
    priceType: '',
    contract: { paymentTerms: '', deferralDays: null, discountPct: null, creditLimit: null },
    receivables: { amount: null, overdueAmount: null, dueDate: null },
    reliabilityRating: null,
    reliabilityNote: '',
    needs: '',
    tags: [],
    notes: '',
    holidayDate: null,
    lastContactAt: null,
    nextContactAt: null,
    mergedIntoId: null,
  };
}

export function contactDefaults(): Omit<Contact, Synced | 'clientId'> {
  return { name: '', position: '', emails: [], phones: [], phoneE164s: [], birthday: null, decisionMaker: false };
}

/** A stored client with every field of the current model (v1 rows have no `mergedIntoId`). */
export function normalizeClient(raw: Client): Client {
  if (raw.mergedIntoId !== undefined) return raw; // written by schema v2: already complete
  const defaults = clientDefaults();
  return {
    ...defaults,
    ...raw,
    contract: { ...defaults.contract, ...raw.contract },
    receivables: { ...defaults.receivables, ...raw.receivables },
    deletedAt: raw.deletedAt ?? null,
    mergedIntoId: null,
  };
}

/** A stored contact with every field of the current model. */
export function normalizeContact(raw: Contact): Contact {
  return { ...contactDefaults(), ...raw, deletedAt: raw.deletedAt ?? null };
}
