// Links that open a new mail in the user's mail site, addressed and filled (issue 7: a greeting
// "one click away"). Gmail and Outlook on the web take the fields in the URL; the body is plain
// text there, so a template's HTML is turned into text first.

export type MailSite = 'gmail' | 'outlook';

export interface ComposeFields {
  to: string;
  subject: string;
  body: string;
}

export function composeUrl(site: MailSite, { to, subject, body }: ComposeFields): string {
  if (site === 'gmail') {
    const params = new URLSearchParams({ view: 'cm', fs: '1', to, su: subject, body });
    return `https://mail.google.com/mail/?${params.toString()}`;
  }
  const params = new URLSearchParams({ to, subject, body });
  return `https://outlook.office.com/mail/deeplink/compose?${params.toString()}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * The character of a numeric reference, as browsers decode it (HTML spec, "numeric character
 * reference end state"): NUL, a surrogate or a number past U+10FFFF is U+FFFD — never the
 * RangeError `String.fromCodePoint` throws, which broke *Send greeting* (issue 12.14b).
 */
export function codePointText(codePoint: number): string {
  const valid = Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : '\uFFFD';
}

/** Template HTML as the text a plain compose field takes: paragraphs and line breaks kept, tags dropped. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return codePointText(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return codePointText(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
