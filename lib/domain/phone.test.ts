import { describe, expect, it } from 'vitest';
import { normalizePhone, parsePhoneList, phoneLookupKey } from './phone';
import type { PhoneNumber } from './types';

function ok(raw: string, region = 'RU'): PhoneNumber {
  const result = normalizePhone(raw, region);
  if (!result.ok) throw new Error(`expected ${raw} to parse: ${result.reason}`);
  return result.phone;
}

function reason(raw: string, region = 'RU'): string {
  const result = normalizePhone(raw, region);
  if (result.ok) throw new Error(`expected ${raw} to be rejected, got ${result.phone.e164}`);
  return result.reason;
}

describe('normalizePhone', () => {
  it.each([
    ['8 (495) 123-45-67', '+74951234567'],
    ['8-916-123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['+7 (812) 555-12-34', '+78125551234'],
    ['8 (3952) 12-34-56', '+73952123456'],
    ['8 800 555 35 35', '+78005553535'],
    ['9161234567', '+79161234567'],
    ['+49 30 1234567', '+49301234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['8 10 49 30 1234567', '+49301234567'],
  ])('reads %s in region RU as %s', (raw, e164) => {
    expect(ok(raw)).toEqual({ raw, e164, ext: null });
  });

  it('keeps the input as entered, only trimmed', () => {
    expect(ok('  +7 916 123 45 67 \n').raw).toBe('+7 916 123 45 67');
  });

  it('reads a number without a country code in the default region only', () => {
    expect(ok('(212) 555-0123', 'US').e164).toBe('+12125550123');
    expect(ok('(212) 555-0123', 'us').e164).toBe('+12125550123');
    const rejected = reason('(212) 555-0123', 'RU');
    expect(rejected).toContain('"(212) 555-0123" is not a valid phone number');
    expect(rejected).toContain('read as RU');
  });

  it('reads international numbers even with an unknown or empty default region', () => {
    expect(ok('+7 916 123 45 67', '').e164).toBe('+79161234567');
    expect(ok('+44 20 7946 0958', 'XX').e164).toBe('+442079460958');
    expect(reason('8 916 123 45 67', '')).toContain('country code');
  });

  it.each([
    ['8 (495) 123-45-67 доб. 123', '+74951234567', '123'],
    ['8 (495) 123-45-67 доб 123', '+74951234567', '123'],
    ['8 (495) 123-45-67, доб.123', '+74951234567', '123'],
    ['8 (495) 123-45-67 Доб. 9', '+74951234567', '9'],
    ['8 (495) 123-45-67 д. 123', '+74951234567', '123'],
    ['8 (495) 123-45-67 доп. 12', '+74951234567', '12'],
    ['+1 212 555 0123 ext. 45', '+12125550123', '45'],
    ['+1 212 555 0123 ext 45', '+12125550123', '45'],
    ['+1 212 555 0123 EXT.45', '+12125550123', '45'],
    ['+1 212 555 0123 x45', '+12125550123', '45'],
    ['+1 212 555 0123 #45', '+12125550123', '45'],
    ['+7 495 123-45-67;ext=45', '+74951234567', '45'],
  ])('keeps the extension of %s apart', (raw, e164, ext) => {
    expect(ok(raw)).toEqual({ raw, e164, ext });
  });

  it('reads a short comma tail as an extension (dialer pause) but rejects a long one as ambiguous', () => {
    expect(ok('+7 495 123 45 67, 45')).toEqual({ raw: '+7 495 123 45 67, 45', e164: '+74951234567', ext: '45' });
    expect(reason('+7 495 123 45 67, 1234567')).toMatch(/^"\+7 495 123 45 67, 1234567" is ambiguous/);
  });

  it.each(['12345', 'abc', 'call 8 916 123 45 67', '+7 555 123 45 67', '+7 916 1234 5678', '8 916 123 45 67 x'])(
    'rejects %s naming it',
    (raw) => {
      expect(reason(raw)).toMatch(new RegExp(`^"${raw.replace(/[+]/g, '\\+')}" is not a valid phone number`));
    },
  );

  it('rejects empty input', () => {
    expect(reason('')).toBe('phone number is empty');
    expect(reason('   ')).toBe('phone number is empty');
  });

  it('gives the message of the brief for a short number', () => {
    expect(reason('12345')).toBe('"12345" is not a valid phone number (numbers without a country code are read as RU)');
    expect(reason('+12345')).toBe('"+12345" is not a valid phone number');
  });
});

describe('parsePhoneList', () => {
  it('splits on semicolons and new lines, dropping duplicates', () => {
    const { phones, errors } = parsePhoneList('8 (916) 123-45-67; +7 916 123 45 67\n+44 20 7946 0958;; ', 'RU');
    expect(errors).toEqual([]);
    expect(phones).toEqual([
      { raw: '8 (916) 123-45-67', e164: '+79161234567', ext: null },
      { raw: '+44 20 7946 0958', e164: '+442079460958', ext: null },
    ]);
  });

  it('keeps one switchboard with different extensions as separate phones', () => {
    const { phones } = parsePhoneList('8 495 123-45-67 доб. 1; 8 495 123-45-67 доб. 2; +74951234567 доб. 1', 'RU');
    expect(phones.map((p) => [p.e164, p.ext])).toEqual([
      ['+74951234567', '1'],
      ['+74951234567', '2'],
    ]);
  });

  it('splits on commas only when every piece is a number', () => {
    expect(parsePhoneList('+7 916 123 45 67, 8 (495) 123-45-67', 'RU').phones.map(phoneLookupKey)).toEqual([
      '+79161234567',
      '+74951234567',
    ]);
    expect(parsePhoneList('+7 495 123 45 67, 45', 'RU').phones).toEqual([
      { raw: '+7 495 123 45 67, 45', e164: '+74951234567', ext: '45' },
    ]);
    const ambiguous = parsePhoneList('+7 495 123 45 67, 1234567', 'RU');
    expect(ambiguous.phones).toEqual([]);
    expect(ambiguous.errors[0]).toContain('is ambiguous');
  });

  it('reports each bad part and keeps the good ones', () => {
    const { phones, errors } = parsePhoneList('12345; +7 916 123 45 67; abc', 'RU');
    expect(phones.map((p) => p.e164)).toEqual(['+79161234567']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"12345"');
    expect(errors[1]).toContain('"abc"');
  });

  it('returns nothing for an empty cell', () => {
    expect(parsePhoneList('', 'RU')).toEqual({ phones: [], errors: [] });
    expect(parsePhoneList(' ; \n ', 'RU')).toEqual({ phones: [], errors: [] });
  });
});

describe('phoneLookupKey', () => {
  it('is the E.164 number without the extension', () => {
    expect(phoneLookupKey(ok('8 (495) 123-45-67 доб. 123'))).toBe('+74951234567');
  });
});
