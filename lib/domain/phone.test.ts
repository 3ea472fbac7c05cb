import { describe, expect, it } from 'vitest';
import { internationalForm, normalizePhone, parsePhoneList, pbxRegionOf, phoneLookupKey, regionProblem } from './phone';
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

describe('normalizePhone: one number in several formats is one E.164', () => {
  it.each(['8 (495) 123-45-67', '+7 495 123 45 67', '74951234567', '+7(495)1234567', '8-495-123-45-67', '7 495 123 45 67'])(
    'reads %s in region RU as +74951234567',
    (raw) => {
      expect(ok(raw).e164).toBe('+74951234567');
    },
  );

  it('reads 74951234567 without + by the region: the Russian number in RU, a German one in DE', () => {
    // Decision (libphonenumber's, kept): without "+" the digits are a number of the default region.
    // A leading country code without "+" is understood only when the rest is a valid number of
    // that region (7 + a Russian number in RU, 7 + a Kazakh number in KZ). In DE the same digits
    // are a valid German number (07495 …), and so is "8 (495) 123-45-67" (08495 …): a manager in
    // region DE must write Russian numbers with +7, as the error hint for numbers that do not
    // parse already says.
    expect(ok('74951234567', 'DE').e164).toBe('+4974951234567');
    expect(ok('8 (495) 123-45-67', 'DE').e164).toBe('+4984951234567');
    expect(ok('+74951234567', 'DE').e164).toBe('+74951234567');
    expect(ok('77272581234', 'KZ').e164).toBe('+77272581234');
    expect(reason('74951234567', 'KZ')).toContain('read as KZ');
  });
});

describe('normalizePhone: countries and their extensions', () => {
  it.each([
    // [raw, region, e164, ext]
    ['8 (495) 123-45-67 доб. 12', 'RU', '+74951234567', '12'],
    ['+7 (812) 555-12-34 вн. 7', 'RU', '+78125551234', '7'],
    ['030 12345678', 'DE', '+493012345678', null],
    ['(030) 1234567 x12', 'DE', '+49301234567', '12'],
    ['+49 30 12345678 ext. 12', 'DE', '+493012345678', '12'],
    ['030 1234567 Durchwahl 12', 'DE', '+49301234567', '12'],
    ['030 1234567 DW 12', 'DE', '+49301234567', '12'],
    ['(212) 555-0123 ext. 45', 'US', '+12125550123', '45'],
    ['1 212 555 0123 x45', 'US', '+12125550123', '45'],
    ['+1 (212) 555-0123 #45', 'US', '+12125550123', '45'],
    ['020 7946 0958', 'GB', '+442079460958', null],
    ['+44 (0)20 7946 0958 ext. 12', 'GB', '+442079460958', '12'],
    ['07911 123456', 'GB', '+447911123456', null],
    ['01 23 45 67 89', 'FR', '+33123456789', null],
    ['+33 1 23 45 67 89 x12', 'FR', '+33123456789', '12'],
    ['01 23 45 67 89 poste 12', 'FR', '+33123456789', '12'],
    ['8 (727) 258-12-34 доб. 5', 'KZ', '+77272581234', '5'],
    ['8 701 123 45 67', 'KZ', '+77011234567', null],
    ['8 (017) 123-45-67', 'BY', '+375171234567', null],
    ['+375 17 123-45-67 доб. 12', 'BY', '+375171234567', '12'],
    ['80291234567', 'BY', '+375291234567', null],
    ['044 123 45 67', 'UA', '+380441234567', null],
    ['+380 44 123 45 67 доб. 5', 'UA', '+380441234567', '5'],
    ['044 123 45 67 дод. 5', 'UA', '+380441234567', '5'],
    ['22 123 45 67', 'PL', '+48221234567', null],
    ['+48 22 123 45 67 ext. 12', 'PL', '+48221234567', '12'],
    ['+48 22 123 45 67 wew. 12', 'PL', '+48221234567', '12'],
    ['22 123 45 67 wewn. 12', 'PL', '+48221234567', '12'],
    ['512 345 678 #3', 'PL', '+48512345678', '3'],
  ])('reads %s in region %s as %s, extension %s', (raw, region, e164, ext) => {
    expect(normalizePhone(raw, region)).toEqual({ ok: true, phone: { raw, e164, ext } });
  });

  it('reads numbers of the other +7 country in either region (RU and KZ share the country code)', () => {
    expect(ok('8 (727) 258-12-34', 'RU').e164).toBe('+77272581234');
    expect(ok('8 (495) 123-45-67', 'KZ').e164).toBe('+74951234567');
  });

  it('keeps a German "-12" direct-dial suffix in the number: in Germany it is dialled as part of it', () => {
    expect(ok('030 1234567-12', 'DE')).toEqual({ raw: '030 1234567-12', e164: '+4930123456712', ext: null });
  });

  it('rejects a number of another country written without its code', () => {
    expect(reason('020 7946 0958', 'US')).toContain('read as US');
    expect(reason('(495) 123-45-67', 'GB')).toContain('read as GB');
  });
});

describe('softphone regions (issue 12.5)', () => {
  it("gives a 3CX host its PBX region, else the user's default region", () => {
    const settings = { defaultPhoneRegion: 'RU', softphoneRegions: { 'pbx.berlin.example': 'DE' } };
    expect(pbxRegionOf(settings, 'pbx.berlin.example')).toBe('DE');
    expect(pbxRegionOf(settings, 'PBX.Berlin.example')).toBe('DE');
    expect(pbxRegionOf(settings, 'pbx.moscow.example')).toBe('RU');
  });

  it('writes a number in international form, which reads the same in every region', () => {
    const us = ok('(913) 555 8888', 'US');
    expect(us.e164).toBe('+19135558888');
    expect(internationalForm(us)).toBe('+1 913 555 8888');
    for (const region of ['RU', 'US', 'DE']) expect(ok(internationalForm(us), region).e164).toBe('+19135558888');
    const withExt = ok('8 (495) 123-45-67 доб. 12', 'RU');
    expect(ok(internationalForm(withExt), 'US')).toMatchObject({ e164: '+74951234567', ext: '12' });
  });

  it('explains a region that is not a country code', () => {
    expect(regionProblem('de')).toBeNull();
    expect(regionProblem(' US ')).toBeNull();
    for (const bad of ['', 'USA', 'XX', '7']) expect(regionProblem(bad), bad).toMatch(/is not a country code: write two letters/);
  });
});
