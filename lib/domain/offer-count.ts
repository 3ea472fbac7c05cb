import { emailDomain, isFreeMailDomain, isOwnDomain } from './email';

// DESIGN.md "What counts as an e-mail offer": one offer per distinct recipient organisation —
// a client card; unknown recipients grouped by company domain; free-mail addresses one each —
// never twice for the same send. A setting switches to one per message.

export type CountingRule = 'per-organisation' | 'per-message';

/** One recipient of a sent mail, with the client card it matched (best match), if any. */
export interface SentRecipient {
  email: string;
  clientId: string | null;
  contactId: string | null;
}

/** One organisation a send reached: what an activity is recorded for. */
export interface SendTarget {
  /** client:<id>, domain:<domain> or address:<email>. */
  key: string;
  clientId: string | null;
  contactId: string | null;
  /** The recipients it groups. */
  emails: string[];
}

export function organisationKey(recipient: SentRecipient): string {
  if (recipient.clientId) return `client:${recipient.clientId}`;
  const domain = emailDomain(recipient.email);
  return isFreeMailDomain(domain) ? `address:${recipient.email}` : `domain:${domain}`;
}

/**
 * The organisations one send reached, in recipient order. Colleagues (the user's own domains)
 * are not an organisation the offer went to, unless a client card says they are.
 */
export function sendTargets(recipients: readonly SentRecipient[], ownDomains: readonly string[]): SendTarget[] {
  const targets = new Map<string, SendTarget>();
  for (const recipient of recipients) {
    if (!recipient.clientId && isOwnDomain(emailDomain(recipient.email), ownDomains)) continue;
    const key = organisationKey(recipient);
    const target = targets.get(key);
    if (target) {
      if (!target.emails.includes(recipient.email)) target.emails.push(recipient.email);
      target.contactId ??= recipient.contactId;
    } else {
      targets.set(key, { key, clientId: recipient.clientId, contactId: recipient.contactId, emails: [recipient.email] });
    }
  }
  return [...targets.values()];
}

/** How many offers a send counts for under the rule: one per organisation, or one per message. */
export function offerTargets(targets: readonly SendTarget[], rule: CountingRule): SendTarget[] {
  return rule === 'per-message' ? targets.slice(0, 1) : [...targets];
}

/** One send's key: its draft id when the site gives one (a send reported twice keeps it), else its send id. */
export function sendRef(site: string, send: { draftId: string | null; sendId: string }): string {
  return `${site}:${send.draftId ? `draft:${send.draftId}` : `send:${send.sendId}`}`;
}

/** The key that makes recording a send idempotent: the same send reported twice records once. */
export function sendChannelRef(site: string, send: { draftId: string | null; sendId: string }, targetKey: string): string {
  return `${sendRef(site, send)}:${targetKey}`;
}
