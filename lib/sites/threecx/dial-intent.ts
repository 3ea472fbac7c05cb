// The fallbacks for when the WebSocket tells us nothing (the hook missing or the protocol changed):
// a number the user dials by other means still drives the card and a manual log (issue 6).
//   - the click-to-call route `#/call?phone=<n>` (softphones.md 2; `#/dialer` and `dest`/`number`
//     are the variants public code also tries),
//   - a phone-like value typed into an input labelled as a number/phone/dial field,
//   - a tel:/callto:/sip:/3cx: link the user clicks,
//   - the web client's own RequestMakeCall frame (messages.ts), sent before the server answers.
// Each gives a 'dialing' outgoing context until the WebSocket shows the real call. Pure.

import type { MailContext } from '../types';

export type DialSource = 'route' | 'typed' | 'link' | 'makeCall';

/** A number the user is dialling, as far as the page lets us see it. */
export interface DialIntent {
  id: string;
  phone: string;
  source: DialSource;
  startedAt: number;
}

const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Digits with the usual separators, an optional leading +; 3 (an extension) to 15 (E.164) digits. */
const PHONE_SHAPE = /^\+?[\d\s().\-\u2010-\u2015]+$/;
const DIAL_LABEL = /number|phone|dial|номер|телефон/i;

/** The number with bidi marks removed and spaces collapsed, or null when it does not look like one. */
export function cleanPhone(text: string): string | null {
  const phone = text.replace(BIDI, '').replace(/\s+/g, ' ').trim();
  if (!PHONE_SHAPE.test(phone)) return null;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15 ? phone : null;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The number in the web client's click-to-call route, e.g. `#/call?phone=%2B74951234567`.
 * Read by hand rather than with URLSearchParams, which would turn an unencoded "+" into a space.
 */
export function phoneFromHash(hash: string): string | null {
  const match = /^#\/(?:call|dialer)\/?\?(.*)$/.exec(hash);
  if (!match) return null;
  for (const pair of (match[1] ?? '').split('&')) {
    const [key = '', value = ''] = pair.split('=');
    if (['phone', 'number', 'dest'].includes(key.toLowerCase())) return cleanPhone(decode(value));
  }
  return null;
}

/** The number a calling link dials: tel:, callto:, sip:/sips: (a numeric user part), 3cx://call/<n>, or the call route. */
export function phoneFromHref(href: string): string | null {
  const match = /^(?:tel:|callto:(?:\/\/)?|sips?:|3cx:\/\/call\/)([^;?@#]*)/i.exec(href.trim());
  if (match) return cleanPhone(decode(match[1] ?? ''));
  const hashAt = href.indexOf('#/');
  return hashAt >= 0 ? phoneFromHash(href.slice(hashAt)) : null;
}

/** Whether an input is labelled as a place to type a number (aria-label, placeholder or name). */
export function isDialInput(input: Element): boolean {
  if (input.tagName !== 'INPUT') return false;
  const type = (input.getAttribute('type') ?? 'text').toLowerCase();
  if (!['text', 'tel', 'search', 'number', ''].includes(type)) return false;
  return ['aria-label', 'placeholder', 'name'].some((attr) => DIAL_LABEL.test(input.getAttribute(attr) ?? ''));
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/**
 * The intent after the user dialled `phone` by `source` at `at`. The same number again (typed, then
 * the Call click's RequestMakeCall, then the route) stays one intent; typing that goes on without the
 * field being emptied edits it; anything else is a new intent.
 */
export function nextIntent(
  current: DialIntent | null,
  phone: string,
  source: DialSource,
  at: number,
  options: { continuesTyping?: boolean; newId: () => string },
): DialIntent {
  if (current && digitsOf(current.phone) === digitsOf(phone)) {
    return current.phone === phone ? current : { ...current, phone };
  }
  if (current && source === 'typed' && current.source === 'typed' && options.continuesTyping) return { ...current, phone };
  return { id: options.newId(), phone, source, startedAt: at };
}

/** The context a dial intent shows: an outgoing call being dialled. */
export function intentContext(intent: DialIntent): MailContext {
  return {
    kind: 'call',
    id: intent.id,
    subject: '',
    correspondents: [{ email: null, name: '', role: 'to', phone: intent.phone }],
    call: { direction: 'out', state: 'dialing', startedAt: intent.startedAt, connectedAt: null, endedAt: null, durationSec: null },
  };
}
