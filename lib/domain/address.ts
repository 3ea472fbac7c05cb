// E-mail address helpers: normalise, validate, find in text. Pure and tiny: the site adapters
// (content scripts) use them as well as the background.

// Characters never found in an address we want: spaces, brackets, quotes, separators and the
// bidi marks Gmail puts around addresses in right-to-left titles (site-dom-facts 1.3, U+202A/U+202C).
const NOT_ADDR = '\\s@<>()\\[\\]"\'`,;:\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const ADDRESS = new RegExp(`^[^${NOT_ADDR}]+@[^${NOT_ADDR}.]+(?:\\.[^${NOT_ADDR}.]+)+$`, 'u');
const ADDRESS_IN_TEXT = new RegExp(`[^${NOT_ADDR}]+@[^${NOT_ADDR}.]+(?:\\.[^${NOT_ADDR}.]+)+`, 'gu');

/** Lower-cased, trimmed address, or null when the value does not look like an address. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const value = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  return ADDRESS.test(value) ? value : null;
}

/** Every address-looking token in a free text (e.g. a window title), normalised, in order. */
export function emailsInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ADDRESS_IN_TEXT)) {
    const email = normalizeEmail(match[0].replace(/[.]+$/, ''));
    if (email) found.push(email);
  }
  return found;
}

/** Parses `Name <email>`, `"Name" <email>` or a bare address (Gmail's old recipient chips, facts 1.3). */
export function parseNameAddress(value: string): { name: string; email: string } | null {
  const angled = /^(.*)<([^<>]+)>\s*$/.exec(value.trim());
  if (angled) {
    const email = normalizeEmail(angled[2]);
    const name = cleanText(angled[1] ?? '').replace(/^"(.*)"$/, '$1');
    return email ? { name, email } : null;
  }
  const email = normalizeEmail(value);
  return email ? { name: '', email } : null;
}

/** Collapses runs of whitespace and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
