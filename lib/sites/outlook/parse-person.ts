// Turns what OWA shows for one person into an address and a name (outlook-2026 1a and 3): a pill or
// persona text is `Name <addr>`, a bare address, or a bare display name (a resolved contact, which
// carries no address in the DOM). Pure string and attribute reads.

import { cleanText, normalizeEmail, parseNameAddress } from '@/lib/domain/address';
import type { CorrespondentRole } from '../types';

export interface Person {
  email: string | null;
  name: string;
}

// A field label before the people: "From: ", "De : ", "To:", "À :", "Cc :" (any UI language: a short
// run without an address or angle bracket, ending in a colon). French puts a space before the colon.
const LABEL_PREFIX = /^[^:<>@;,]{1,20}?\s?:\s*/u;

/** Removes a leading field label such as "From:" or "De :". */
export function stripFieldLabel(text: string): string {
  return text.replace(LABEL_PREFIX, '');
}

/** `Name <addr>` → both; a bare address → email; anything else non-empty → name only. */
export function parsePersonText(raw: string | null | undefined): Person | null {
  const text = cleanText(raw).replace(/[;,]$/, '').trim();
  if (!text) return null;
  const parsed = parseNameAddress(text);
  if (parsed) return { email: parsed.email, name: parsed.name };
  // A name that still holds `<…>` is not a name we can use (broken markup).
  if (/[<>]/.test(text)) return null;
  return { email: null, name: text };
}

/**
 * One person from a header element: its own text first; an address in `title` (the `.OZZZK[title]`
 * and `span[title="<addr>"]` variants, facts 2.5) completes a name-only text; an aria-label
 * "From: Name <addr>" is used when the text gives no address.
 */
export function readPersonElement(el: Element): Person | null {
  const fromText = parsePersonText(el.textContent);
  if (fromText?.email) return fromText;
  const titleEmail = normalizeEmail(el.getAttribute('title'));
  if (titleEmail) return { email: titleEmail, name: fromText?.name ?? '' };
  const label = el.getAttribute('aria-label');
  const fromLabel = label ? parsePersonText(stripFieldLabel(label)) : null;
  if (fromLabel?.email) return { email: fromLabel.email, name: fromLabel.name || (fromText?.name ?? '') };
  return fromText ?? fromLabel;
}

// The role words OWA puts before a recipient row, by UI language (facts 2.7: labels are localised).
// Only a hint: without a known word, rows are taken in the order To, Cc, Bcc.
const ROLE_WORDS: Record<string, CorrespondentRole> = {
  to: 'to', 'à': 'to', a: 'to', an: 'to', para: 'to', aan: 'to',
  cc: 'cc', kopie: 'cc',
  bcc: 'bcc', cci: 'bcc', cco: 'bcc', bkopie: 'bcc',
};

/** The role a field label such as "Cc :" or "À: Alice" names, or null when unknown. */
export function roleFromLabel(label: string | null | undefined): CorrespondentRole | null {
  const word = /^\s*([^\s:]+)\s?:?/u.exec(cleanText(label).toLowerCase())?.[1];
  if (!word) return null;
  return ROLE_WORDS[word] ?? null;
}

/** Role by position: To, Cc, Bcc, then Bcc for anything after. */
export function roleByOrder(index: number): CorrespondentRole {
  return (['to', 'cc', 'bcc'] as const)[Math.min(index, 2)] ?? 'bcc';
}
