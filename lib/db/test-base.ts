import { dayKey } from '@/lib/domain/day-key';
import { defaultTemplates } from '@/lib/domain/template-seeds';
import { ACTIVITY_TYPES, type Activity, type Client, type Contact, type Settings, type Template } from '@/lib/domain/types';
import type { SettingRow } from './database';
import { buildClient, buildContact, newRecord } from './records';

// A small base with something in every table and field (several addresses and phones, every
// activity type, a tombstone), as tests of backup and migration need it.

export interface TestBase {
  clients: Client[];
  contacts: Contact[];
  activities: Activity[];
  templates: Template[];
  settings: SettingRow[];
}

const phone = (raw: string, e164: string, ext: string | null = null) => ({ raw, e164, ext });

export function testBase(settings: Settings): TestBase {
  const owner = settings.managerId;
  const rosstal = buildClient(
    {
      name: 'Rosstal', legalName: 'OOO Rosstal', taxId: '7701234567', status: 'active', domains: ['rosstal.ru'], emails: ['info@rosstal.ru'],
      phones: [phone('8 (495) 123-45-67 доб. 12', '+74951234567', '12')], industry: 'Steel', source: 'Exhibition', priceType: 'Wholesale 2',
      contract: { paymentTerms: '30 days', deferralDays: 30, discountPct: 5, creditLimit: 100000 },
      receivables: { amount: 1200.5, overdueAmount: 200, dueDate: '2026-07-01' }, reliabilityRating: 4, reliabilityNote: 'Pays late in summer',
      needs: 'Rebar', tags: ['metal', 'vip'], notes: 'Call before noon', holidayDate: '2026-07-19', lastContactAt: '2026-06-01T09:00:00.000Z',
      nextContactAt: '2026-06-20',
    },
    owner,
  );
  const volga = buildClient({ name: 'Volga', status: 'prospect' }, owner);
  const gone = { ...buildClient({ name: 'Gone' }, owner), deletedAt: '2026-05-01T00:00:00.000Z' };
  const ivan = buildContact(
    rosstal.id,
    {
      name: 'Ivan Petrov', position: 'Buyer', emails: ['ivan.petrov@rosstal.ru', 'ivan@gmail.com'],
      phones: [phone('+7 916 123-45-67', '+79161234567'), phone('8 495 123-45-67 доб. 34', '+74951234567', '34')], birthday: '1980-05-01', decisionMaker: true,
    },
    owner,
  );
  const olga = buildContact(volga.id, { name: 'Olga', emails: ['olga@volga.ru'] }, owner);
  const at = new Date('2026-06-01T09:00:00.000Z');
  const activities = ACTIVITY_TYPES.map(
    (type, i): Activity => ({
      ...newRecord(owner), type, clientId: i % 2 ? rosstal.id : volga.id, contactId: i % 2 ? ivan.id : null, at: at.toISOString(), dayKey: dayKey(at, 'Europe/Moscow'),
      channelRef: `ref-${i}`, templateId: null, outcome: i === 2 ? 'agreed' : null, summary: `${type} ${i}`, retractsId: null,
    }),
  );
  const retraction = activities.find((a) => a.type === 'retraction')!;
  retraction.retractsId = activities[0]!.id;
  const templates = defaultTemplates(owner);
  return {
    clients: [rosstal, volga, gone],
    contacts: [ivan, olga],
    activities,
    templates,
    settings: [{ key: 'settings', value: settings }, { key: 'sampleClientIds', value: [volga.id] }],
  };
}
