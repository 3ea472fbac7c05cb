// Ordered selector chains for Google Voice (softphones.md section 1): each key lists selectors tried in
// turn, and the first one that matches wins. GV's own test ids (`gv-test-id`, `gv-id`), the element ids
// and its custom tag names come first (facts 1.7: stable from the 2022 capture to the 2025-26 scripts);
// class names follow; English aria-labels are last-resort fallbacks, because GV localises them (1.7).
// Keys marked "relative" are queried inside another element (the remote party, the status).

import * as chains from '../shared/selector-chains';
import type { Accept } from '../shared/selector-chains';

export const GV_SELECTORS = {
  // --- The call panel (facts 1.2, 1.7) ---
  // Always in the page: the make-call panel when idle, the in-call section during a call.
  inCallRoot: ['gv-in-call-ng2'],
  // Present only while a call is dialled, rings or is connected.
  activeCall: [
    'gv-in-call-ng2 div.active-call', // 2022 capture
    '[class*="active-call-wrapper"]', // the 2025 bridge's "call UI visible" test
    'div[gv-test-id="incoming-call"]', // 2025 incoming container (1.7, [C])
  ],
  // A container that by itself means "incoming" (1.7).
  incomingContainer: ['div[gv-test-id="incoming-call"]', '[gv-test-id="incoming-call"]'],
  // Where the other party is shown; falls back to the active-call container in code.
  remoteParty: ['gv-in-call-remote-party'],
  // Relative to the remote party: the contact name, or the formatted number for an unknown caller.
  remoteName: ['[gv-test-id="in-call-contact-name"]', '.remote-display-name'],
  // Relative to the remote party: the formatted number ("(913) 555 8888"), bidi-wrapped.
  remoteNumber: ['.phone-number > span[aria-hidden="true"]', '.phone-number span:not(.cdk-visually-hidden)'],
  // Relative to the remote party: the number as spaced digits for screen readers ("6 1 4 9 …").
  remoteDigits: ['.phone-number .cdk-visually-hidden', '.cdk-visually-hidden'],

  // --- Status and timer (facts 1.2) ---
  // "Calling …" (outgoing ringing), "Incoming call", or an empty first span once connected.
  status: ['gv-in-call-status div.status', 'gv-in-call-status'],
  // mm:ss, only once the call connects. Fallbacks are checked against the timer pattern in code.
  callDuration: ['[gv-test-id="in-call-callduration"]', 'gv-in-call-status [aria-hidden="true"]', 'gv-in-call-status span'],

  // --- Buttons (facts 1.2) ---
  // Only while an incoming call rings: the best incoming-vs-outgoing signal.
  pickupButton: [
    'button[gv-test-id="in-call-pickup-call"]',
    '[gv-test-id="in-call-pickup-call"]',
    'button.pickup-call-button',
    'button[aria-label="Answer call"]',
  ],
  // In every call state, twice (normal and short-call response): use queryAllFirst.
  endCallButton: [
    'button[gv-test-id="in-call-end-call"]',
    '[gv-test-id="in-call-end-call"]',
    'button.call-end-button',
    'button[aria-label="Hang up call"]',
  ],
  // Disabled while an incoming call rings.
  muteButton: [
    'gv-in-call-button[gv-test-id="mute-button"] button',
    '[gv-test-id="mute-button"] button',
    'button[gv-test-id="mute-button"]',
    'button[aria-label="Mute call"]',
  ],

  // --- Dialling (facts 1.1) ---
  makeCallPanel: ['gv-make-call-panel-ng2'],
  dialInput: ['input#il1', 'gv-make-call-panel-ng2 input', 'input[placeholder="Enter a name or number"]'],
  // Its aria-label carries the dialled number as spaced digits: "Call + 1 1 2 3".
  newCallButton: ['button[gv-test-id="new-call-button"]', 'gv-make-call-panel-ng2 button[aria-label^="Call"]'],
  // The confirm dialog a `calls?a=nc,%2B<digits>` deep link opens.
  dialConfirmButton: ['button[gv-test-id="dialog-confirm-button"]'],
  // Buttons whose click starts a call to the number in their aria-label (the history rows' "Call ‪…‬").
  callNumberButton: ['button[gv-test-id="new-call-button"]', 'button[aria-label^="Call "]'],

  // --- Audio and the end of a call (facts 1.3, 1.4) ---
  // Its `play` event means an incoming call rings.
  inboundRing: ['audio[gv-id="inbound_ring"]'],
  // The call-progress tones carry a country prefix ("US_outbound_ring", "US_busy_tone").
  countryTone: ['audio[gv-id$="_outbound_ring"]', 'audio[gv-id$="_busy_tone"]'],
  // The call-quality toast shown after a call ends.
  callQualityToast: ['gv-call-quality', '#call-quality-header'],
} as const satisfies Record<string, readonly string[]>;

export type GvSelectorKey = keyof typeof GV_SELECTORS;
export type { Accept };

// The shared chain walkers (shared/selector-chains.ts), keyed by this site's registry.

/** First element of the first selector in the chain that matches (and passes `accept`). */
export function queryFirst(root: ParentNode, key: GvSelectorKey, accept?: Accept): Element | null {
  return chains.queryFirst(root, GV_SELECTORS[key], accept);
}

/** All elements of the first selector in the chain that matches (after `accept`). */
export function queryAllFirst(root: ParentNode, key: GvSelectorKey, accept?: Accept): Element[] {
  return chains.queryAllFirst(root, GV_SELECTORS[key], accept);
}

/** Nearest ancestor-or-self matching the chain, tried selector by selector, inside `boundary`. */
export function closestFirst(el: Element, key: GvSelectorKey, boundary?: Element): Element | null {
  return chains.closestFirst(el, GV_SELECTORS[key], boundary);
}

/** True when `el` matches any selector of the chain. */
export function matchesAny(el: Element, key: GvSelectorKey): boolean {
  return GV_SELECTORS[key].some((selector) => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  });
}
