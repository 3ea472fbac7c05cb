import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './address';
import { companyFromDomain, isFreeMailDomain, matchableDomains, nameFromAddress, normalizeDomain } from './email';

describe('normalizeEmail', () => {
  it('lower-cases and trims addresses in odd case', () => {
    expect(normalizeEmail('  Ivan.Petrov@RosStal.RU ')).toBe('ivan.petrov@rosstal.ru');
    expect(normalizeEmail('mailto:Olga@Rosstal.ru')).toBe('olga@rosstal.ru');
  });
  it('refuses what is not an address', () => {
    expect(normalizeEmail('Ivan Petrov')).toBeNull();
    expect(normalizeEmail('ivan@localhost')).toBeNull();
    expect(normalizeEmail('a b@c.ru')).toBeNull();
    expect(normalizeEmail('<ivan@rosstal.ru>')).toBeNull();
  });
});

describe('normalizeDomain', () => {
  it('takes the domain out of URLs and addresses', () => {
    expect(normalizeDomain('https://www.Rosstal.ru/contacts')).toBe('rosstal.ru');
    expect(normalizeDomain('@nordfrost.de')).toBe('nordfrost.de');
    expect(normalizeDomain('not a domain')).toBeNull();
  });
});

describe('matchableDomains', () => {
  const own = ['acme-supply.com'];
  it('offers a company domain and its parents', () => {
    expect(matchableDomains('ivan@msk.rosstal.ru', own)).toEqual(['msk.rosstal.ru', 'rosstal.ru']);
  });
  it('never matches free-mail domains, from the maintained list', () => {
    for (const address of ['a@gmail.com', 'b@mail.ru', 'c@yandex.ru', 'd@outlook.com', 'e@bk.ru', 'f@list.ru']) {
      expect(isFreeMailDomain(address.split('@')[1]!)).toBe(true);
      expect(matchableDomains(address, own)).toEqual([]);
    }
  });
  it("never matches the user's own domain or its sub-domains", () => {
    expect(matchableDomains('boss@acme-supply.com', own)).toEqual([]);
    expect(matchableDomains('boss@spb.acme-supply.com', own)).toEqual([]);
    expect(matchableDomains('boss@acme-supply.com', [])).toEqual(['acme-supply.com']);
  });
});

describe('name guesses', () => {
  it('reads a name from an address and a company from a domain', () => {
    expect(nameFromAddress('maria.garcia@nordfrost.de')).toBe('Maria Garcia');
    expect(nameFromAddress('sales2024@nordfrost.de')).toBe('Sales');
    expect(companyFromDomain('nordfrost.de')).toBe('Nordfrost');
  });
});
