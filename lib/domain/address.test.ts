import { describe, expect, it } from 'vitest';
import { dedupeByEmail } from '@/lib/sites/correspondents';
import { emailsInText, normalizeEmail, parseNameAddress } from './address';

describe('addresses', () => {
  it('normalizes and rejects non-addresses', () => {
    expect(normalizeEmail('  Ivan.Petrov@Rosstal.RU ')).toBe('ivan.petrov@rosstal.ru');
    expect(normalizeEmail('mailto:olga@rosstal.ru')).toBe('olga@rosstal.ru');
    for (const bad of ['', 'me', 'Ivan Petrov', 'a@b', '@rosstal.ru', 'a b@c.de', '123456789', null, undefined]) {
      expect(normalizeEmail(bad), String(bad)).toBeNull();
    }
  });

  it('parses old-UI chip values', () => {
    expect(parseNameAddress('Olga Sidorova <olga@rosstal.ru>')).toEqual({ name: 'Olga Sidorova', email: 'olga@rosstal.ru' });
    expect(parseNameAddress('"Hans Weber" <HANS@nordfrost.de>')).toEqual({ name: 'Hans Weber', email: 'hans@nordfrost.de' });
    expect(parseNameAddress('hans@nordfrost.de')).toEqual({ name: '', email: 'hans@nordfrost.de' });
    expect(parseNameAddress('Hans <not an address>')).toBeNull();
  });

  it('finds addresses in text and dedupes keeping the first role', () => {
    expect(emailsInText('Inbox (3) - alice@acme-supply.com - Gmail.')).toEqual(['alice@acme-supply.com']);
    expect(
      dedupeByEmail([
        { email: 'a@b.co', name: 'A', role: 'from' },
        { email: 'a@b.co', name: 'A2', role: 'to' },
        { email: 'c@d.co', name: 'C', role: 'cc' },
      ]),
    ).toEqual([
      { email: 'a@b.co', name: 'A', role: 'from' },
      { email: 'c@d.co', name: 'C', role: 'cc' },
    ]);
  });
});
