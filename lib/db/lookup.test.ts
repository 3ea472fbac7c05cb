import { describe, expect, it } from 'vitest';
import { normalizePhone } from '@/lib/domain/phone';
import type { PhoneNumber } from '@/lib/domain/types';
import { buildClient, buildContact } from './records';
import { findMatchesForEmail, findMatchesForName, findMatchesForPhone } from './lookup';
import { freshDb, testSettings } from './test-helpers';

function phone(raw: string): PhoneNumber {
  const result = normalizePhone(raw, 'RU');
  if (!result.ok) throw new Error(result.reason);
  return result.phone;
}

async function seed() {
  const db = freshDb();
  const settings = testSettings();
  const rosstal = buildClient({ name: 'Rosstal', status: 'active', domains: ['rosstal.ru'], emails: ['info@rosstal.ru'], phones: [phone('+7 495 123-45-67')] }, 'm');
  const rosstalTrade = buildClient({ name: 'Rosstal Trade', status: 'prospect', domains: ['rosstal.ru'] }, 'm');
  const private1 = buildClient({ name: 'Sergey (private)', status: 'vip' }, 'm');
  const ivan = buildContact(rosstal.id, { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'], phones: [phone('8 (916) 123-45-67')] }, 'm');
  const sergey = buildContact(private1.id, { name: 'Sergey Ivanov', emails: ['sergey.ivanov@mail.ru'], phones: [phone('+7 495 123-45-67 доб. 12')] }, 'm');
  await db.clients.bulkAdd([rosstal, rosstalTrade, private1]);
  await db.contacts.bulkAdd([ivan, sergey]);
  return { db, settings, rosstal, rosstalTrade, private1, ivan, sergey };
}

describe('matching an e-mail address', () => {
  it('finds the contact by exact address, then the other clients of that domain', async () => {
    const { db, settings, rosstal, rosstalTrade, ivan } = await seed();
    const matches = await findMatchesForEmail(db, 'ivan.petrov@rosstal.ru', settings);
    expect(matches.map((m) => [m.client.id, m.by, m.contact?.id ?? null])).toEqual([
      [rosstal.id, 'address', ivan.id],
      [rosstalTrade.id, 'domain', null],
    ]);
  });

  it('shows every client of a company domain for an unknown person there, best status first', async () => {
    const { db, settings, rosstal, rosstalTrade } = await seed();
    const matches = await findMatchesForEmail(db, 'new.person@msk.rosstal.ru', settings);
    expect(matches.map((m) => [m.client.id, m.by])).toEqual([
      [rosstal.id, 'domain'],
      [rosstalTrade.id, 'domain'],
    ]);
  });

  it('matches a free-mail address only exactly, never by domain', async () => {
    const { db, settings, private1 } = await seed();
    expect((await findMatchesForEmail(db, 'sergey.ivanov@mail.ru', settings)).map((m) => m.client.id)).toEqual([private1.id]);
    expect(await findMatchesForEmail(db, 'someone.else@mail.ru', settings)).toEqual([]);
  });

  it("never matches the user's own domain as a company", async () => {
    const { db } = await seed();
    const acme = buildClient({ name: 'Acme (us)', domains: ['acme-supply.com'] }, 'm');
    await db.clients.add(acme);
    expect(await findMatchesForEmail(db, 'colleague@acme-supply.com', testSettings())).toEqual([]);
    expect(await findMatchesForEmail(db, 'colleague@acme-supply.com', testSettings({ ownDomains: [] }))).toHaveLength(1);
  });

  it('matches a company address (info@) as an address match', async () => {
    const { db, settings, rosstal } = await seed();
    const [first] = await findMatchesForEmail(db, 'info@rosstal.ru', settings);
    expect(first).toMatchObject({ by: 'address', contact: null });
    expect(first?.client.id).toBe(rosstal.id);
  });

  it('ignores deleted cards', async () => {
    const { db, settings, rosstal, rosstalTrade } = await seed();
    await db.clients.update(rosstalTrade.id, { deletedAt: new Date().toISOString() });
    expect((await findMatchesForEmail(db, 'x@rosstal.ru', settings)).map((m) => m.client.id)).toEqual([rosstal.id]);
  });
});

describe('matching a phone number', () => {
  it('finds a contact however the number was written', async () => {
    const { db, rosstal, ivan } = await seed();
    for (const raw of ['+79161234567', '8 916 123 45 67', '+7 (916) 123-45-67']) {
      const matches = await findMatchesForPhone(db, phone(raw).e164);
      expect(matches.map((m) => [m.client.id, m.contact?.id])).toEqual([[rosstal.id, ivan.id]]);
    }
  });

  it('returns every client sharing a switchboard number, so the user picks', async () => {
    const { db, rosstal, private1 } = await seed();
    const matches = await findMatchesForPhone(db, phone('8 495 1234567').e164);
    expect(matches.map((m) => m.client.id).sort()).toEqual([rosstal.id, private1.id].sort());
  });
});

describe('matching a display name', () => {
  it('finds contacts by exact name, unconfirmed', async () => {
    const { db, ivan } = await seed();
    const matches = await findMatchesForName(db, 'ivan petrov');
    expect(matches.map((m) => [m.contact?.id, m.by, m.confirmed])).toEqual([[ivan.id, 'name', false]]);
    expect(await findMatchesForName(db, 'Iv')).toEqual([]);
  });
});
