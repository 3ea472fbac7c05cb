// The signed-in user's own address, read without depending on the UI language.

import { emailsInText } from '@/lib/domain/address';
import { queryAllFirst } from './selectors';

/**
 * Gmail's title is "<view or subject> - <account> - Gmail" in every language, so the account is the
 * last address-looking token (a subject may contain another address before it). Fallback: the
 * account button's label, which contains the address whatever its wording. Null when neither shows one.
 */
export function readSelfEmail(doc: Document): string | null {
  const fromTitle = emailsInText(doc.title).at(-1);
  if (fromTitle) return fromTitle;
  for (const link of queryAllFirst(doc, 'accountLink')) {
    const fromLabel = emailsInText(link.getAttribute('aria-label') ?? '').at(-1);
    if (fromLabel) return fromLabel;
  }
  return null;
}
