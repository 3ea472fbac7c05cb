import { normalizePhone } from '@/lib/domain/phone';
import type { Client, Contact, PhoneNumber, Settings } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';
import { buildClient, buildContact } from './records';

// Sample clients a new user can try ClientDesk with before importing their own (issue 5, first run).
// They are clearly marked (name, tag, source) and their ids are remembered, so "Remove sample data"
// removes exactly them, even if the user also tags real clients "sample".

const SAMPLE_IDS_KEY = 'sampleClientIds';
export const SAMPLE_TAG = 'sample';
export const SAMPLE_SOURCE = 'ClientDesk sample data';

// example.com/.org/.net are reserved (RFC 2606): a test mail to them reaches nobody.
const SAMPLES = [
  { name: 'Sample: Northwind Metals', domain: 'northwind.example.com', status: 'active', priceType: 'Wholesale', contacts: [['Anna Berg', 'Purchasing manager', 'anna.berg@northwind.example.com', '+49 30 1234567']] },
  { name: 'Sample: Volga Logistics', domain: 'volga-logistics.example.org', status: 'vip', priceType: 'Dealer', contacts: [['Пётр Смирнов', 'Директор по закупкам', 'p.smirnov@volga-logistics.example.org', '+7 495 123-45-67 доб. 12'], ['Мария Козлова', 'Бухгалтер', 'buh@volga-logistics.example.org', '']] },
  { name: 'Sample: Baltic Foods', domain: 'balticfoods.example.net', status: 'prospect', priceType: 'Retail', contacts: [['Jonas Petraitis', 'Owner', 'jonas@balticfoods.example.net', '+370 5 212 3456']] },
  { name: 'Sample: Ural Instruments', domain: 'ural-instruments.example.com', status: 'inactive', priceType: 'Wholesale', contacts: [['Ольга Иванова', 'Менеджер по снабжению', 'olga@ural-instruments.example.com', '+7 343 555-01-02']] },
] as const;

function phones(raw: string, region: string): PhoneNumber[] {
  if (!raw) return [];
  const parsed = normalizePhone(raw, region);
  return parsed.ok ? [parsed.phone] : [];
}

export async function sampleClientIds(db: ClientDeskDb): Promise<string[]> {
  const row = await db.settings.get(SAMPLE_IDS_KEY);
  return Array.isArray(row?.value) ? row.value.filter((id): id is string => typeof id === 'string') : [];
}

/** Adds the sample clients once (a second call adds nothing) and returns how many the base has. */
export async function addSampleData(db: ClientDeskDb, settings: Settings, today = new Date()): Promise<number> {
  return db.transaction('rw', db.clients, db.contacts, db.settings, async () => {
    const existing = await sampleClientIds(db);
    if (existing.length > 0) return existing.length;
    const clients: Client[] = [];
    const contacts: Contact[] = [];
    SAMPLES.forEach((sample, index) => {
      // Spread over the month so the agenda and the "not contacted" filter have something to show.
      const lastContact = new Date(today.getTime() - (index * 12 + 3) * 86_400_000);
      const client = buildClient(
        {
          name: sample.name,
          status: sample.status,
          domains: [sample.domain],
          priceType: sample.priceType,
          tags: [SAMPLE_TAG],
          source: SAMPLE_SOURCE,
          notes: 'Sample data: remove it in Options → Client base → "Remove sample data".',
          lastContactAt: lastContact.toISOString(),
        },
        settings.managerId,
      );
      clients.push(client);
      for (const [name, position, email, phone] of sample.contacts) {
        contacts.push(buildContact(client.id, { name, position, emails: [email], phones: phones(phone, settings.defaultPhoneRegion) }, settings.managerId));
      }
    });
    await db.clients.bulkAdd(clients);
    await db.contacts.bulkAdd(contacts);
    await db.settings.put({ key: SAMPLE_IDS_KEY, value: clients.map((c) => c.id) });
    return clients.length;
  });
}

/**
 * Removes the sample clients with their contacts and activities. A hard delete on purpose: they
 * were never real, and a tombstone would replicate them to a team later.
 */
export async function removeSampleData(db: ClientDeskDb): Promise<number> {
  return db.transaction('rw', db.clients, db.contacts, db.activities, db.settings, async () => {
    const ids = await sampleClientIds(db);
    if (ids.length === 0) return 0;
    await db.contacts.where('clientId').anyOf(ids).delete();
    await db.activities.where('clientId').anyOf(ids).delete();
    await db.clients.bulkDelete(ids);
    await db.settings.delete(SAMPLE_IDS_KEY);
    return ids.length;
  });
}
