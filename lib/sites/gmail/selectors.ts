// Ordered selector chains for Gmail, after InboxSDK's selectors.d.ts registry (site-dom-facts 1.7):
// each key lists selectors tried in turn, and the first one that matches wins. Stable attributes
// (email, data-hovercard-id, name=, data-*-id, roles, g_editable) come first, Gmail's obfuscated
// classes are fallbacks. Nothing here matches UI text, so every UI language works the same.

import * as chains from '../shared/selector-chains';
import type { Accept } from '../shared/selector-chains';

// Message bodies and quotes: mail content, never Gmail's own UI.
const MESSAGE_BODY = ['div.a3s', 'div.ii.gt', 'div.adP', '.gmail_quote', 'blockquote'] as const;

export const GMAIL_SELECTORS = {
  // --- App shell and reading view (facts 1.5) ---
  // Scope for everything in the reading view: Gmail keeps old lists detached from it.
  main: ['div[role=main]', '[role=main]'],
  threadRoot: [
    'div.nH.a98.iY', // layout since 2023-11 (InboxSDK #1078)
    'div.nH.if', // older layout
    // Structural fallbacks: the outermost block (inside main) holding the subject and the messages.
    'div:has(h2[data-legacy-thread-id]):has([role=listitem] [data-message-id])',
    'div:has([data-message-id])',
  ],
  threadSubject: ['h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]', '.ha h2', 'h2.hP'],
  threadIdHost: ['h2[data-legacy-thread-id]', '[data-legacy-thread-id]', '[data-thread-perm-id]'],
  messageItem: ['[role=list] > [role=listitem]', 'div.adn[data-message-id]', 'div.h7, div.kv'],
  messageHeaderSender: ['h3.iw span[email]', 'td.gF span[email]', 'span.gD[email]'],
  messageHeaderRecipients: ['span.hb span[email]', '.hb [email]', 'span.g2[email]'],
  // Never read people from these: message bodies and quotes can carry forged header markup.
  messageBody: MESSAGE_BODY,
  // An inline reply sits inside the thread; its chips are not the thread's people.
  inlineComposeArea: ['.ip', '.M9', 'form', '[contenteditable=true]', '[g_editable=true]'],

  // --- Compose windows (facts 1.2) ---
  composeRootPopup: ['div.dw .no div.AD [role=dialog]', 'div.AD [role=dialog]', 'div.dw [role=dialog]'],
  composeRootFullscreen: ['.aSs .aSt [role=dialog]', '.aSt [role=dialog]'],
  // `.M9` inside the reply container, which may sit one extra div deeper since 2025-09
  // (InboxSDK #1274); else the reply container's first child.
  composeRootInline: ['.ip.adB .M9', '.ip.adB > div:first-child'],
  // Last resort: the region or dialog around any compose body.
  composeRootAny: ['[role=dialog]', '[role=region]'],

  // --- Compose anatomy, relative to a compose root (facts 1.3) ---
  composeBody: ['div[g_editable=true]', '.Ap [contenteditable=true]', 'div[contenteditable=true][role=textbox]'],
  composeSubject: ['input[name=subjectbox]', 'input[name=subject]'],
  // The visible subject field only: the hidden `input[name=subject]` is not for typing into.
  composeSubjectBox: ['input[name=subjectbox]'],
  composeId: ['input[name=composeid]', 'input[name=draft]'],
  // Gmail's own draft id (`#msg-a:r-…`), the key of a send (facts 1.3, 1.4).
  composeDraftId: ['input[name=draft]'],
  // Parts of the body that are not the user's text: insertion never lands inside them (facts 1.3, 1.6).
  composeSignature: ['div.gmail_signature', '.gmail_signature_prefix', '[data-smartmail=gmail_signature]'],
  composeQuote: ['.gmail_quote', 'blockquote'],
  // Any sign of a recipients UI at all (PeopleKit, old UI, collapsed summary).
  composeRecipientArea: [
    '.anm[name=to]',
    'div[name=to]',
    '[data-hovercard-id]',
    'textarea[name=to]',
    '.vR',
    '.oL.aDm',
    '.aoD.hl',
    'table.GS',
  ],
  // PeopleKit (since 2021-10): one field per role, chips carry the address in data-hovercard-id.
  composeRecipientField: ['.anm[name=to], .anm[name=cc], .anm[name=bcc]', 'div[name=to], div[name=cc], div[name=bcc]'],
  composeRecipientChipsPeopleKit: [
    '.anm[name] [role=listbox] [role=option][data-hovercard-id]',
    'div[name] [data-hovercard-id]',
    '[role=listbox] [data-hovercard-id]',
    '[role=option][data-hovercard-id]',
  ],
  composeRecipientInput: ['input[role=combobox][aria-autocomplete=list]', 'input[peoplekit-id]', 'textarea.vO'],
  // Old UI: a textarea per role and `.vR` chips with a hidden `Name <email>` input.
  composeRecipientTextareaOld: ['textarea.vO[name]', 'textarea[name=to], textarea[name=cc], textarea[name=bcc]'],
  composeRecipientInputsOld: ['.vR > input[type=hidden][name]', '.vR input[type=hidden]'],
  composeRecipientSpansOld: ['.vR span[email]', '.vR [email]'],
  // Collapsed "Recipients" summary (Mailvelope reads the same).
  composeRecipientSummary: ['.oL.aDm span[email]', '.aoD.hl span[email]', '.aoD [email]'],

  // --- Send controls and the "sent" notice (facts 1.3, 1.4); for send detection ---
  // Found by structure, never by the localised tooltip ("Send (Ctrl-Enter)", "Enviar (Ctrl-Intro)").
  sendButton: [
    '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
    'td.gU.Up div[role=button]:not(.Uo):not([aria-haspopup=true])',
    'div.T-I.T-I-atl.aoO[role=button]',
  ],
  sendAndArchiveButton: ['.IZ .Up div > div[role=button].Uo', 'td.gU.Up div[role=button].Uo'],
  moreSendOptionsButton: ['.IZ .Up div > [role=button][aria-haspopup=true]', 'div.T-I.hG.T-I-atl[role=button]'],
  discardButton: ['.oh[role=button]', '.oh'],
  minimizedMarker: ['.Hm > img'],
  // Only counts as the "sent" notice when it holds #link_undo or #link_vsm (Meru's test, facts 1.4).
  sentNotice: ['div.b8[role=alert] .vh', '[role=alert] .vh', '.vh'],
  sentNoticeUndo: ['span#link_undo', '#link_undo'],
  sentNoticeViewMessage: ['span#link_vsm', '#link_vsm'],
  // Gmail shows the notice in its own snackbar, never inside a mail: a notice found in a message
  // (body `.a3s` / `.ii.gt` / `.adP`, quote, a thread's `[role=listitem]`) or in a compose (its
  // editable body, its dialog) is mail content that anyone could have written (facts 1.4, 1.5).
  sentNoticeNeverInside: [
    ...MESSAGE_BODY,
    '[role=listitem]',
    '[contenteditable=true]',
    '[g_editable=true]',
    '[role=dialog]',
  ],

  // --- Account (self address) ---
  accountLink: ['a[href*="accounts.google.com/SignOutOptions"][aria-label]', 'a[aria-label][href*="SignOutOptions"]'],
} as const satisfies Record<string, readonly string[]>;

export type GmailSelectorKey = keyof typeof GMAIL_SELECTORS;
export type { Accept };

// The shared chain walkers (shared/selector-chains.ts), keyed by this site's registry.

/** First element of the first selector in the chain that matches (and passes `accept`). */
export function queryFirst(root: ParentNode, key: GmailSelectorKey, accept?: Accept): Element | null {
  return chains.queryFirst(root, GMAIL_SELECTORS[key], accept);
}

/** All elements of the first selector in the chain that matches (after `accept`). */
export function queryAllFirst(root: ParentNode, key: GmailSelectorKey, accept?: Accept): Element[] {
  return chains.queryAllFirst(root, GMAIL_SELECTORS[key], accept);
}

/** Nearest ancestor-or-self matching the chain, tried selector by selector, inside `boundary`. */
export function closestFirst(el: Element, key: GmailSelectorKey, boundary?: Element): Element | null {
  return chains.closestFirst(el, GMAIL_SELECTORS[key], boundary);
}

/** True when `el` sits inside (or is) an element matching any selector of `key`, strictly within `boundary`. */
export function isInside(el: Element, key: GmailSelectorKey, boundary: Element): boolean {
  return chains.isInside(el, GMAIL_SELECTORS[key], boundary);
}
