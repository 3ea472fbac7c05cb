import type { Client, ClientStatus, Contact, PhoneNumber } from './types';

// Pure rules for putting two versions of the same client or person together without losing
// anything: the import (a file row onto a card) and "merge duplicates" (one card into another).

/** `a` then the items of `b` it lacks, in order. */
export function unionOf<T>(a: readonly T[], b: readonly T[]): T[] {
  if (b.length === 0) return [...a];
  const seen = new Set(a);
  return [...a, ...b.filter((item) => !seen.has(item) && seen.add(item))];
}

const phoneKey = (p: PhoneNumber) => `${p.e164};${p.ext ?? ''}`;

/** Phones of `a`, then those of `b` with another number or extension (the raw spelling of `a` stays). */
export function unionPhones(a: readonly PhoneNumber[], b: readonly PhoneNumber[]): PhoneNumber[] {
  if (b.length === 0) return [...a];
  const seen = new Set(a.map(phoneKey));
  return [...a, ...b.filter((p) => !seen.has(phoneKey(p)) && seen.add(phoneKey(p)))];
}

/** The keys of the phone index (E.164 without the extension), once each. */
export function phoneIndexKeys(phones: readonly PhoneNumber[]): string[] {
  return [...new Set(phones.map((p) => p.e164))];
}

/**
 * Free text with `added` appended on a new line, unless it says nothing new: empty, already
 * contained, or a longer version of the current text (a re-import of an edited export).
 */
export function appendText(current: string, added: string): string {
  const extra = added.trim();
  if (!extra || current.includes(extra)) return current;
  if (current.trim() && extra.includes(current.trim())) return extra;
  return current.trim() ? `${current}\n${extra}` : extra;
}

/** Deep equality of plain stored data (strings, numbers, booleans, null, arrays, objects). */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => samePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when two contacts are the same person: they share an address or a phone number. */
export function isSamePerson(a: Pick<Contact, 'emails' | 'phoneE164s'>, b: Pick<Contact, 'emails' | 'phoneE164s'>): boolean {
  return a.emails.some((e) => b.emails.includes(e)) || a.phoneE164s.some((p) => b.phoneE164s.includes(p));
}

/** `keep` with its empty fields filled from `other` and the addresses and phones of both. */
export function mergeContactFields(keep: Contact, other: Contact): Contact {
  const phones = unionPhones(keep.phones, other.phones);
  return {
    ...keep,
    name: keep.name || other.name,
    position: keep.position || other.position,
    emails: unionOf(keep.emails, other.emails),
    phones,
    phoneE164s: phoneIndexKeys(phones),
    birthday: keep.birthday ?? other.birthday,
    decisionMaker: keep.decisionMaker || other.decisionMaker,
  };
}

type Empty = '' | null | undefined;
const isEmpty = (value: unknown): value is Empty => value === '' || value === null || value === undefined;

/** Collects the other card's values that lost to the kept card's, so they can be kept as a note. */
class Conflicts {
  readonly lines: string[] = [];

  /** The kept value when it has one, else the other; a different other value is noted. */
  pick<T extends string | number | null>(label: string, keep: T, other: T): T {
    if (isEmpty(keep)) return other;
    if (!isEmpty(other) && other !== keep) this.lines.push(`${label}: ${other}`);
    return keep;
  }
}

/** A new card starts as a prospect: that is "not set", so the other card's status fills it. */
function mergeStatus(keep: ClientStatus, other: ClientStatus): ClientStatus {
  return keep === 'prospect' ? other : keep;
}

/** The next planned contact: the earlier of those still ahead (on or after `today`), else the later one. */
export function mergeNextContact(keep: string | null, other: string | null, today: string): string | null {
  const dates = [keep, other].filter((d): d is string => d !== null).sort();
  return dates.find((d) => d >= today) ?? dates.at(-1) ?? null;
}

function mergeReceivables(keep: Client, other: Client, conflicts: Conflicts): Client['receivables'] {
  // Amount, overdue part and due date belong together: one card's set is taken whole.
  const has = (r: Client['receivables']) => r.amount !== null || r.overdueAmount !== null || r.dueDate !== null;
  if (!has(keep.receivables)) return { ...other.receivables };
  const o = other.receivables;
  if (has(o) && (o.amount !== keep.receivables.amount || o.overdueAmount !== keep.receivables.overdueAmount || o.dueDate !== keep.receivables.dueDate)) {
    conflicts.lines.push(`receivables: ${o.amount ?? '—'} (overdue ${o.overdueAmount ?? '—'}, due ${o.dueDate ?? '—'})`);
  }
  return { ...keep.receivables };
}

/**
 * The fields of `keep` after `other` (a duplicate card) is merged into it: the kept card's values
 * win and its empty ones are filled from the other; lists are united, notes joined; the other
 * card's values that lost are kept in the notes, so nothing is lost. Identity, owner and
 * timestamps stay those of `keep` (the caller versions the record). `today` is YYYY-MM-DD.
 */
export function mergeClientFields(keep: Client, other: Client, today: string): Client {
  const c = new Conflicts();
  const phones = unionPhones(keep.phones, other.phones);
  const merged: Client = {
    ...keep,
    legalName: c.pick('legal name', keep.legalName, other.legalName),
    taxId: c.pick('tax id', keep.taxId, other.taxId),
    status: mergeStatus(keep.status, other.status),
    domains: unionOf(keep.domains, other.domains),
    emails: unionOf(keep.emails, other.emails),
    phones,
    phoneE164s: phoneIndexKeys(phones),
    industry: c.pick('industry', keep.industry, other.industry),
    source: c.pick('source', keep.source, other.source),
    priceType: c.pick('price type', keep.priceType, other.priceType),
    contract: {
      paymentTerms: c.pick('payment terms', keep.contract.paymentTerms, other.contract.paymentTerms),
      deferralDays: c.pick('deferral days', keep.contract.deferralDays, other.contract.deferralDays),
      discountPct: c.pick('discount %', keep.contract.discountPct, other.contract.discountPct),
      creditLimit: c.pick('credit limit', keep.contract.creditLimit, other.contract.creditLimit),
    },
    receivables: mergeReceivables(keep, other, c),
    reliabilityRating: c.pick('reliability rating', keep.reliabilityRating, other.reliabilityRating),
    reliabilityNote: appendText(keep.reliabilityNote, other.reliabilityNote),
    needs: appendText(keep.needs, other.needs),
    tags: unionOf(keep.tags, other.tags),
    holidayDate: c.pick('professional holiday', keep.holidayDate, other.holidayDate),
    lastContactAt: [keep.lastContactAt, other.lastContactAt].filter((d) => d !== null).sort().at(-1) ?? null,
    nextContactAt: mergeNextContact(keep.nextContactAt, other.nextContactAt, today),
  };
  const notes = appendText(keep.notes, other.notes);
  const lost = c.lines.length ? `Merged from "${other.name}": ${c.lines.join('; ')}.` : '';
  return { ...merged, notes: appendText(notes, lost) };
}
