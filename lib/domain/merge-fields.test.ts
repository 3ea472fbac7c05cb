import { describe, expect, it } from 'vitest';
import { appendText, isSamePerson, mergeClientFields, mergeContactFields, mergeNextContact, samePlainData, unionOf, unionPhones } from './merge-fields';
import type { Client, Contact, PhoneNumber } from './types';

const phone = (e164: string, ext: string | null = null, raw = e164): PhoneNumber => ({ raw, e164, ext });

function client(fields: Partial<Client>): Client {
  return {
    id: 'c', ownerId: 'm', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null,
    name: '', legalName: '', taxId: '', status: 'prospect', domains: [], emails: [], phones: [], phoneE164s: [], industry: '', source: '',
    priceType: '', contract: { paymentTerms: '', deferralDays: null, discountPct: null, creditLimit: null },
    receivables: { amount: null, overdueAmount: null, dueDate: null }, reliabilityRating: null, reliabilityNote: '', needs: '', tags: [],
    notes: '', holidayDate: null, lastContactAt: null, nextContactAt: null, mergedIntoId: null,
    ...fields,
  };
}

function contact(fields: Partial<Contact>): Contact {
  return {
    id: 'p', ownerId: 'm', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null, clientId: 'c',
    name: '', position: '', emails: [], phones: [], phoneE164s: [], birthday: null, decisionMaker: false,
    ...fields,
  };
}

describe('list and text rules', () => {
  it('unites lists in order without repeats', () => {
    expect(unionOf(['a', 'b'], ['b', 'c', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('unites phones by number and extension, keeping the first spelling', () => {
    const merged = unionPhones([phone('+74951234567', '12', '8 495 123-45-67 доб. 12')], [phone('+74951234567', '12'), phone('+74951234567', '34')]);
    expect(merged).toEqual([phone('+74951234567', '12', '8 495 123-45-67 доб. 12'), phone('+74951234567', '34')]);
  });

  it('appends text only when it says something new', () => {
    expect(appendText('Pays late', '')).toBe('Pays late');
    expect(appendText('Pays late', 'Pays late')).toBe('Pays late');
    expect(appendText('Pays late', 'New director')).toBe('Pays late\nNew director');
    expect(appendText('', 'New director')).toBe('New director');
    // A longer version of the same text (an edited export) replaces it.
    expect(appendText('Pays late', 'Pays late. Call Ivan first')).toBe('Pays late. Call Ivan first');
  });

  it('compares stored data deeply, ignoring undefined fields', () => {
    expect(samePlainData({ a: [1, { b: null }], c: undefined }, { a: [1, { b: null }] })).toBe(true);
    expect(samePlainData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(samePlainData({ a: null }, { a: '' })).toBe(false);
  });
});

describe('mergeContactFields', () => {
  it('tells the same person by a shared address or number', () => {
    expect(isSamePerson(contact({ emails: ['a@x.ru'] }), contact({ emails: ['b@x.ru', 'a@x.ru'] }))).toBe(true);
    expect(isSamePerson(contact({ phoneE164s: ['+7916'] }), contact({ phoneE164s: ['+7916'] }))).toBe(true);
    expect(isSamePerson(contact({ name: 'Ivan', emails: ['a@x.ru'] }), contact({ name: 'Ivan', emails: ['b@x.ru'] }))).toBe(false);
  });

  it('fills empty fields and unites addresses and phones', () => {
    const kept = contact({ name: 'Ivan Petrov', emails: ['ivan@x.ru'], phones: [phone('+79161234567')], phoneE164s: ['+79161234567'] });
    const other = contact({ id: 'q', name: 'I. Petrov', position: 'Buyer', emails: ['petrov@gmail.com', 'ivan@x.ru'], phones: [phone('+74951234567', '5')], birthday: '1980-05-01', decisionMaker: true });
    expect(mergeContactFields(kept, other)).toEqual({
      ...kept,
      position: 'Buyer',
      emails: ['ivan@x.ru', 'petrov@gmail.com'],
      phones: [phone('+79161234567'), phone('+74951234567', '5')],
      phoneE164s: ['+79161234567', '+74951234567'],
      birthday: '1980-05-01',
      decisionMaker: true,
    });
  });
});

describe('mergeClientFields', () => {
  const today = '2026-06-15';

  it("keeps the kept card's values, fills its empty ones and unites lists", () => {
    const keep = client({ name: 'Rosstal', taxId: '7701', domains: ['rosstal.ru'], tags: ['metal'], priceType: '', industry: 'Steel' });
    const other = client({ id: 'o', name: 'Rosstal LLC', taxId: '', domains: ['rosstal.com', 'rosstal.ru'], tags: ['vip'], priceType: 'Wholesale', industry: 'Steel' });
    const merged = mergeClientFields(keep, other, today);
    expect(merged).toMatchObject({ id: 'c', name: 'Rosstal', taxId: '7701', domains: ['rosstal.ru', 'rosstal.com'], tags: ['metal', 'vip'], priceType: 'Wholesale', notes: '' });
  });

  it('keeps the values that lost in the notes, so nothing is lost', () => {
    const keep = client({ name: 'Rosstal', taxId: '7701', notes: 'Pays late', contract: { paymentTerms: 'Prepaid', deferralDays: 10, discountPct: null, creditLimit: null } });
    const other = client({ name: 'Rosstal LLC', taxId: '7702', notes: 'Likes calls', contract: { paymentTerms: 'Prepaid', deferralDays: 30, discountPct: 5, creditLimit: null } });
    const merged = mergeClientFields(keep, other, today);
    expect(merged.contract).toEqual({ paymentTerms: 'Prepaid', deferralDays: 10, discountPct: 5, creditLimit: null });
    expect(merged.notes).toBe('Pays late\nLikes calls\nMerged from "Rosstal LLC": tax id: 7702; deferral days: 30.');
  });

  it('takes receivables as a whole from the card that has them', () => {
    const debt = { amount: 1000, overdueAmount: 200, dueDate: '2026-07-01' };
    expect(mergeClientFields(client({}), client({ receivables: debt }), today).receivables).toEqual(debt);
    expect(mergeClientFields(client({ receivables: debt }), client({}), today).receivables).toEqual(debt);
  });

  it("fills the status only over a new card's default (prospect)", () => {
    expect(mergeClientFields(client({ status: 'prospect' }), client({ status: 'vip' }), today).status).toBe('vip');
    expect(mergeClientFields(client({ status: 'active' }), client({ status: 'lost' }), today).status).toBe('active');
  });

  it('keeps the later last contact and the earlier next contact still ahead', () => {
    const merged = mergeClientFields(
      client({ lastContactAt: '2026-06-01T10:00:00.000Z', nextContactAt: '2026-07-01' }),
      client({ lastContactAt: '2026-06-10T10:00:00.000Z', nextContactAt: '2026-06-20' }),
      today,
    );
    expect(merged).toMatchObject({ lastContactAt: '2026-06-10T10:00:00.000Z', nextContactAt: '2026-06-20' });
    expect(mergeNextContact('2026-06-01', '2026-07-01', today)).toBe('2026-07-01');
    expect(mergeNextContact('2026-06-01', '2026-05-01', today)).toBe('2026-06-01');
    expect(mergeNextContact(null, null, today)).toBeNull();
  });

  it('joins reliability notes and needs, unites addresses and phones', () => {
    const merged = mergeClientFields(
      client({ reliabilityNote: 'Paid on time in 2025', emails: ['info@r.ru'], phones: [phone('+74951234567')], phoneE164s: ['+74951234567'] }),
      client({ reliabilityNote: 'Court case 2024', needs: 'Rebar', emails: ['sales@r.ru'], phones: [phone('+74957654321')] }),
      today,
    );
    expect(merged).toMatchObject({
      reliabilityNote: 'Paid on time in 2025\nCourt case 2024',
      needs: 'Rebar',
      emails: ['info@r.ru', 'sales@r.ru'],
      phoneE164s: ['+74951234567', '+74957654321'],
    });
  });
});
