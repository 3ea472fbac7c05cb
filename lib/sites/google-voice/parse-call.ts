// Pure readers of Google Voice's call panel and dialler (softphones.md 1.1, 1.2, 1.7): they take a
// Document and return plain values; the adapter decides when to call them. DOM APIs only.
// Numbers on GV are wrapped in invisible direction marks (U+202A … U+202C, 1.2); every text is read
// through `cleanText`. The visually-hidden spaced digits are only a fallback for the visible number:
// in the real capture they were redacted differently, so the two are never assumed to be equal.

import { matchesAny, queryAllFirst, queryFirst } from './selectors';

/** What the call panel shows at one moment. */
export interface CallPanelReading {
  /** A call is dialled, rings or is connected. */
  active: boolean;
  /** The other party's number as shown (marks and outer spaces removed), or null. */
  number: string | null;
  /** The contact's name; empty when GV shows only the number. */
  name: string;
  /** true: incoming; false: outgoing; null: this reading cannot tell (e.g. already connected). */
  incoming: boolean | null;
  /** The call is connected (its timer shows, or the status went quiet with no pickup button). */
  connected: boolean;
  /** The in-call timer (mm:ss or h:mm:ss) in seconds, when it shows. */
  timerSec: number | null;
}

export const IDLE_READING: CallPanelReading = Object.freeze({
  active: false,
  number: null,
  name: '',
  incoming: null,
  connected: false,
  timerSec: null,
});

// Invisible direction marks: LRE, RLE, PDF, LRO, RLO, the isolates LRI … PDI, and LRM/RLM.
const DIRECTION_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const TIMER = /^(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)$/;
const PHONE_SHAPE = /^\+?[\d\s().-]+$/;
// A number inside a longer text, such as an aria-label ("Call + 1 1 2 3", "Call ‪(913) 555 8888‬").
const PHONE_IN_TEXT = /[+(\d][\d\s().-]*\d/;
const MIN_DIGITS = 3;
const MAX_DIGITS = 20;

/** Text without direction marks, with runs of white space collapsed and trimmed. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(DIRECTION_MARKS, '').replace(/\s+/g, ' ').trim();
}

/**
 * The text as a phone number, or null when it does not look like one. Spaced single digits (the
 * screen-reader form "6 1 4 9", "+ 1 1 2 3") are joined; any other form is kept as shown.
 */
export function phoneText(text: string | null | undefined): string | null {
  const clean = cleanText(text);
  if (!PHONE_SHAPE.test(clean)) return null;
  const digits = clean.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return null;
  const tokens = clean.split(' ');
  return tokens.length > 1 && tokens.every((t) => t.length === 1) ? tokens.join('') : clean;
}

/** The first number inside a longer text (an aria-label), or null. */
export function findPhoneIn(text: string | null | undefined): string | null {
  const match = PHONE_IN_TEXT.exec(cleanText(text));
  return match ? phoneText(match[0]) : null;
}

/** "00:14" → 14, "1:02:03" → 3723; null for anything else. */
export function parseTimer(text: string | null | undefined): number | null {
  const match = TIMER.exec(cleanText(text));
  if (!match) return null;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

/** Two numbers name the same line: equal digits, or one ends with the other (a country code added). */
export function samePhone(a: string | null, b: string | null): boolean {
  const da = (a ?? '').replace(/\D/g, '');
  const db = (b ?? '').replace(/\D/g, '');
  if (!da || !db) return false;
  if (da === db) return true;
  const [short, long] = da.length < db.length ? [da, db] : [db, da];
  return short.length >= 7 && long.endsWith(short);
}

/**
 * The country of the account's numbers: Google Voice shows them in national form ("(913) 555 8888",
 * facts 1.2), and a Google Voice number is a US number unless the page says otherwise. The page's
 * call-progress tones carry a country prefix (facts 1.3: "US_outbound_ring", "US_busy_tone" in the
 * capture of a US account); that the prefix follows the account's country is our inference [C].
 */
export const GV_DEFAULT_REGION = 'US';
const COUNTRY_TONE = /^([A-Z]{2})_(?:outbound_ring|busy_tone)$/;

export function readAccountRegion(doc: Document): string {
  for (const tone of queryAllFirst(doc, 'countryTone')) {
    const region = COUNTRY_TONE.exec(tone.getAttribute('gv-id') ?? '')?.[1];
    if (region) return region;
  }
  return GV_DEFAULT_REGION;
}

/** The active-call container, if a call is on. */
export function findActiveCall(doc: Document): Element | null {
  return queryFirst(doc, 'activeCall');
}

/** The in-call timer element: only its text changes every second (the adapter watches just it). */
export function findCallTimer(doc: ParentNode): Element | null {
  return queryFirst(doc, 'callDuration', (el) => parseTimer(el.textContent) !== null);
}

function isDisabled(button: Element): boolean {
  return (
    button.hasAttribute('disabled') ||
    button.closest('[aria-disabled="true"]') !== null ||
    button.closest('.button-wrapper.disabled') !== null
  );
}

/** The status line's own words: without the screen-reader text and the timer. */
function statusWords(status: Element): string {
  let words = '';
  const walker = status.ownerDocument.createTreeWalker(status, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const hidden = node.parentElement?.closest('.cdk-visually-hidden, [aria-hidden="true"]');
    if (hidden && hidden !== status && status.contains(hidden)) continue;
    words += ` ${node.nodeValue ?? ''}`;
  }
  return cleanText(words);
}

/** Last resort for the number: a leaf element of the call container whose whole text is a number. */
function scanForNumber(container: Element): string | null {
  for (const el of Array.from(container.querySelectorAll('span, div'))) {
    if (el.childElementCount > 0 || el.closest('gv-in-call-status, .cdk-visually-hidden')) continue;
    const phone = phoneText(el.textContent);
    if (phone) return phone;
  }
  return null;
}

/** The other party: name and number, from the remote-party block (or the call container). */
function readRemoteParty(doc: Document, container: Element | null): { number: string | null; name: string } {
  const party = queryFirst(doc, 'remoteParty') ?? container;
  if (!party) return { number: null, name: '' };
  const nameText = cleanText(queryFirst(party, 'remoteName')?.textContent);
  // An unknown caller's "name" is the formatted number.
  const nameAsNumber = phoneText(nameText);
  const name = nameAsNumber ? '' : nameText;
  const visible = queryFirst(party, 'remoteNumber', (el) => phoneText(el.textContent) !== null);
  const hidden = visible ? null : queryFirst(party, 'remoteDigits', (el) => phoneText(el.textContent) !== null);
  const number =
    phoneText(visible?.textContent) ??
    phoneText(hidden?.textContent) ??
    nameAsNumber ??
    (container ? scanForNumber(container) : null);
  return { number, name };
}

/** Reads the call panel: is a call on, with whom, which way, connected, and its timer. */
export function readCallPanel(doc: Document): CallPanelReading {
  const container = findActiveCall(doc);
  const pickup = queryFirst(doc, 'pickupButton');
  const endButtons = queryAllFirst(doc, 'endCallButton');
  if (!container && !pickup && endButtons.length === 0) return { ...IDLE_READING };

  const { number, name } = readRemoteParty(doc, container);
  const timerSec = parseTimer(findCallTimer(doc)?.textContent);
  const status = queryFirst(doc, 'status');
  const words = status ? statusWords(status) : null;
  // The first status span empties once the call connects (facts 1.2); the timer may be missing.
  const connected = timerSec !== null || (!pickup && words === '');

  let incoming: boolean | null = null;
  if (pickup) incoming = true;
  else if ((container && matchesAny(container, 'incomingContainer')) || queryFirst(doc, 'incomingContainer')) incoming = true;
  // English-only fallbacks (facts 1.7): "Incoming call", "Calling …".
  else if (words && /^incoming call/i.test(words)) incoming = true;
  else if (words && /^calling/i.test(words)) incoming = false;
  else if (!connected) {
    // The mute button is disabled only while an incoming call rings.
    const mute = queryFirst(doc, 'muteButton');
    if (mute && !isDisabled(mute)) incoming = false;
  }
  return { active: true, number, name, incoming, connected, timerSec };
}

/** A `calls?a=nc,%2B<digits>` deep link's number, while GV asks to confirm the call (facts 1.1). */
function deepLinkNumber(search: string): string | null {
  const action = new URLSearchParams(search).get('a') ?? '';
  const [verb, target] = action.split(',');
  return verb === 'nc' ? phoneText(target) : null;
}

/**
 * The number being dialled while no call is on: typed in the dial input (`input#il1`), else the one the
 * call button's aria-label carries ("Call + 1 1 2 3" → "+1123"), else a deep link awaiting confirmation.
 * `search` defaults to the page's (`?a=nc,…`).
 */
export function readDialledNumber(doc: Document, search = doc.defaultView?.location.search ?? ''): string | null {
  const input = queryFirst(doc, 'dialInput') as HTMLInputElement | null;
  const typed = phoneText(input?.value);
  if (typed) return typed;
  const fromButton = findPhoneIn(queryFirst(doc, 'newCallButton')?.getAttribute('aria-label'));
  if (fromButton) return fromButton;
  return queryFirst(doc, 'dialConfirmButton') ? deepLinkNumber(search) : null;
}
