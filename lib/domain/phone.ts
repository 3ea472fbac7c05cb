// Phone numbers as users type them (Russian "8 (495) …", international "+49 …") normalized to
// E.164, the key the phone index and call matching use.
//
// Metadata: 'libphonenumber-js/min'. Its national-number patterns already tell valid Russian
// mobiles (9xx), landlines (3xx/4xx/8xx) and toll-free 800 apart from unassigned ranges; 'max'
// only adds number types (mobile/fixed line), which we never use, for ~75 KB more metadata.
//
// Validity: isValid(), not isPossible(). isPossible() checks only the length, so a US number
// read in region RU ("(212) 555-0123" → +7 212…) or an unassigned range (+7 555…) would pass
// and be stored under a wrong E.164 that can never match a real call.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { PhoneNumber, Settings } from './types';

export type PhoneResult = { ok: true; phone: PhoneNumber } | { ok: false; reason: string };

// An extension at the end, after an explicit marker: "доб. 123", "доп. 12", "вн. 7", "д. 123",
// "ext. 45", "extension 45", "x45", "#45", and the words of the other regions users work in:
// Ukrainian "дод. 5", Polish "wew. 12", French "poste 12", German "Durchwahl 12" / "DW 12".
const EXTENSION = /^(.*\d)[\s,]*(?:доб|доп|дод|вн|д|extension|ext|x|#|wewn|wew|poste|durchwahl|dw)\.?\s*:?\s*(\d{1,7})$/iu;
// A bare comma tail is the dialer "pause" convention ("…67,45"), which libphonenumber reads as an
// extension. Up to 5 digits that is the only sensible reading; a longer tail ("…67, 1234567")
// may be a second local number, so it is rejected rather than guessed.
const AMBIGUOUS_COMMA_TAIL = /\d\s*,\s*\d{6,}$/u;

/** Parses one number; numbers without a country code are read in `defaultRegion` (ISO 3166, e.g. "RU"). */
export function normalizePhone(raw: string, defaultRegion: string): PhoneResult {
  const entered = raw.trim();
  if (entered === '') return { ok: false, reason: 'phone number is empty' };

  if (AMBIGUOUS_COMMA_TAIL.test(entered)) {
    return { ok: false, reason: `"${entered}" is ambiguous: mark the extension ("доб. 123", "ext. 123") or separate numbers with ";"` };
  }
  const match = EXTENSION.exec(entered);
  const main = match?.[1] ?? entered;
  const region = defaultRegion.trim().toUpperCase();
  const defaultCountry = isSupportedCountry(region) ? region : undefined;
  // extract: false — the whole text must be the number; "call 8 916…" or "abc" is rejected,
  // never silently read as whatever digits it contains.
  const parsed = parsePhoneNumberFromString(main, { defaultCountry, extract: false });

  if (!parsed?.isValid()) {
    const international = /^\s*(\+|00)/.test(main);
    const hint = international
      ? ''
      : defaultCountry
        ? ` (numbers without a country code are read as ${defaultCountry})`
        : ' (write it with its country code, e.g. +7)';
    return { ok: false, reason: `"${entered}" is not a valid phone number${hint}` };
  }
  // The library understands RFC 3966 ";ext=45" itself; our marker wins when both exist.
  const ext = match?.[2] ?? parsed.ext ?? null;
  return { ok: true, phone: { raw: entered, e164: parsed.number, ext: ext === '' ? null : ext } };
}

/**
 * Several numbers in one cell, separated by ";" or new lines. A comma also separates numbers,
 * but only when every comma-separated piece is a valid number by itself (otherwise the comma
 * could be part of an extension such as "…67, 45"). Duplicates (same E.164 and extension) are
 * dropped; each part that does not parse yields one error naming it.
 */
export function parsePhoneList(cell: string, defaultRegion: string): { phones: PhoneNumber[]; errors: string[] } {
  const phones: PhoneNumber[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (phone: PhoneNumber): void => {
    const key = `${phone.e164};${phone.ext ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    phones.push(phone);
  };

  for (const part of cell.split(/[;\n\r]+/)) {
    if (part.trim() === '') continue;
    const single = normalizePhone(part, defaultRegion);
    if (single.ok) {
      add(single.phone);
      continue;
    }
    const pieces = part.includes(',') ? part.split(',').map((piece) => normalizePhone(piece, defaultRegion)) : [];
    if (pieces.length > 0 && pieces.every((piece) => piece.ok)) {
      for (const piece of pieces) if (piece.ok) add(piece.phone);
    } else {
      errors.push(single.reason);
    }
  }
  return { phones, errors };
}

/** The key of the phone index: the E.164 number without the extension, so that "доб. 12" and
 *  "доб. 34" of one switchboard find the same clients (the caller then flags the switchboard). */
export function phoneLookupKey(phone: Pick<PhoneNumber, 'e164'>): string {
  return phone.e164;
}

/** The number in international form ("+1 913 555 8888 ext. 12"): it reads the same in every region. */
export function internationalForm(phone: Pick<PhoneNumber, 'e164' | 'ext'>): string {
  const international = parsePhoneNumberFromString(phone.e164)?.formatInternational() ?? phone.e164;
  return phone.ext ? `${international} ext. ${phone.ext}` : international;
}

/** A 3CX PBX's region (its numbers without a country code are from there): its setting, else the user's default. */
export function pbxRegionOf(settings: Pick<Settings, 'softphoneRegions' | 'defaultPhoneRegion'>, host: string): string {
  return settings.softphoneRegions[host.toLowerCase()] ?? settings.defaultPhoneRegion;
}

/** Why `text` is not a region phone numbers can be read in ("RU", "DE", "US"), or null when it is one. */
export function regionProblem(text: string): string | null {
  const region = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region) ? null : `"${text.trim()}" is not a country code: write two letters, such as RU, DE or US`;
}
