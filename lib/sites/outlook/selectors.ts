// Ordered selector chains for Outlook on the web (OWA), in the style of the Gmail registry: each key
// lists selectors tried in turn, and the first one that matches wins. Anchors are ids, `data-*`,
// `contenteditable`/`aria-multiline`, roles and Fluent `data-icon-name` (site-dom-facts 2.7,
// outlook-2026.md 1a/3). Obfuscated classes (`.OZZZK`, `.aVla3`) and localised aria-labels come last:
// aria-labels differ per UI language (facts 2.7: the French UI broke extensions that relied on them),
// so every English label is followed by its French one and never stands first.

import * as chains from '../shared/selector-chains';
import type { Accept } from '../shared/selector-chains';

export const OUTLOOK_SELECTORS = {
  // --- App shell and reading pane (facts 2.2, 2.5; outlook-2026 3) ---
  readingPane: ['#ReadingPaneContainerId', '#ConversationReadingPaneContainer', 'div[role=main]'],
  conversation: [
    '[data-app-section="ConversationContainer"]',
    '#ConversationReadingPaneContainer',
    '#ReadingPaneContainerId',
  ],
  // Thread id host: the conversation itself, else the selected row of the message list.
  conversationIdHost: ['[data-convid]', '#MailList [aria-selected=true][data-convid]'],
  threadSubject: ['span[id$="_SUBJECT"][role=heading]', '[role=heading][aria-level="2"]', '[role=heading]'],
  // Sender of a message header. Structure first: the header's persona hover target (text
  // `Name <addr>` for external senders), then the obfuscated `.OZZZK[title]`, then the labels.
  messageHeaderSender: [
    '[data-app-section="MessageHeader"] [data-lpc-hover-target-id]',
    '[data-app-section="MessageHeader"] .OZZZK[title]',
    '.OZZZK[title]',
    '[aria-label^="From:"]',
    '[aria-label^="De :"], [aria-label^="De:"]',
  ],
  // One row per role (To, Cc, Bcc) in the header; pills inside.
  messageRecipientRows: [
    '[data-testid="RecipientWell"]',
    'div[aria-label^="To:"], div[aria-label^="Cc:"], div[aria-label^="Bcc:"]',
    'div[aria-label^="À :"], div[aria-label^="À:"], div[aria-label^="Cc :"], div[aria-label^="Cci :"]',
  ],
  messagePersona: ['[data-lpc-hover-target-id]', 'span.lpc-hoverTarget', '[title*="@"]'],
  // Never read people from these: a message body can carry forged header markup (facts 4).
  messageBody: ['[id^="UniqueMessageBody_"]', '[data-app-section="MessageBody"]', '[role=document]', '.allowTextSelection'],
  // The user's own address from the folder tree (Mailvelope `getUserInfo`, outlook-2026 3).
  selfFolderRoot: ['[id^="primaryMailboxRoot"][data-folder-name]', '[id^="primaryMailboxRoot"][title]', '[id^="primaryMailboxRoot"]'],

  // --- Compose (facts 2.3; outlook-2026 1a) ---
  composeRootDocked: ['[id^="docking_InitVisiblePart_"]'],
  composeRootFullPage: ['[data-app-section="ComposeForm"]', '[data-app-section="Form_Content"]'],
  composeRootDialog: ['[role=dialog]'],
  // Body: the multi-line editable (2026), else the editor parent's editable, else the English/French label.
  composeBody: [
    '[contenteditable=true][aria-multiline=true]',
    '[id^="editorParent_"] [contenteditable=true]',
    '[contenteditable=true][aria-label^="Message body"]',
    '[contenteditable=true][aria-label^="Corps du message"]',
  ],
  // Recipient containers in the order To, Cc, Bcc (Briskine history, outlook-2026 1a); the body is
  // excluded by the caller. Localised labels only as a last resort.
  composeRecipientContainer: [
    '[contenteditable=true]:not([aria-multiline=true])',
    '[role=presentation][contenteditable]',
    'div[role=textbox]:not([dir])',
    'div[aria-label="To"], div[aria-label="Cc"], div[aria-label="Bcc"], div[aria-label="À"], div[aria-label="Cci"]',
  ],
  // Committed recipients inside a container (outlook-2026 1a: `:scope > [contenteditable]` since 2025-06).
  composePill: [':scope > [contenteditable]', '[data-lpc-hover-target-id]', '[draggable=true]', '[role=button]'],
  // A pill's name text; its aria-label is not read (it starts with presence, outlook-2026 1a).
  composePillText: ['[class*="textContainer-"], [class*="individualText-"]'],
  // Subject: `MSG_<draftId>_SUBJECT`, else the last plain text input of the compose (Briskine).
  composeSubject: [
    'input[id^="MSG_"][id$="_SUBJECT"]',
    'input[type=text][autocomplete=off]',
    'input[aria-label="Add a subject"], input[aria-label="Subject"], input[aria-label="Ajouter un objet"], input[aria-label="Objet"]',
  ],
  // Send: data-testid, the non-localised `name`, the Fluent icon, then the command bar's primary
  // command; English/French labels last. Icon entries are mapped to their button by the caller.
  composeSendButton: [
    '[data-testid="ComposeSendButton"]',
    'button[name="Send"]',
    '[data-icon-name="SendRegular"], [data-icon-name="SendFilled"], [data-icon-name="Send"]',
    '.ms-CommandBar-primaryCommand button[name]',
    'button[aria-label="Send"], button[title="Send"], button[aria-label="Envoyer"], button[title="Envoyer"]',
  ],
  composeDiscardButton: [
    '#discardCompose',
    '[data-icon-name="DeleteRegular"], [data-icon-name="Delete"]',
    'button[aria-label="Discard"], button[aria-label="Ignorer"]',
  ],
  // Parts of the body that are not the user's text: insertion never lands inside them (facts 2.3, 2.6).
  composeSignature: ['#Signature', '#signature', '[id^="Signature"]'],
  composeQuote: ['#divRplyFwdMsg', '#RplyFwdMsg', '#appendonsend', '#mail-editor-reference-message-container'],
  // Refusals of a send: a dialog anywhere, an alert inside the compose (facts 2.4).
  validationDialog: ['[role=alertdialog]'],
  validationAlert: ['[role=alert]'],
} as const satisfies Record<string, readonly string[]>;

export type OutlookSelectorKey = keyof typeof OUTLOOK_SELECTORS;
export type { Accept };

// The shared chain walkers (shared/selector-chains.ts), keyed by this site's registry.

/** First element of the first selector in the chain that matches (and passes `accept`). */
export function queryFirst(root: ParentNode, key: OutlookSelectorKey, accept?: Accept): Element | null {
  return chains.queryFirst(root, OUTLOOK_SELECTORS[key], accept);
}

/** All elements of the first selector in the chain that matches (after `accept`). */
export function queryAllFirst(root: ParentNode, key: OutlookSelectorKey, accept?: Accept): Element[] {
  return chains.queryAllFirst(root, OUTLOOK_SELECTORS[key], accept);
}

/** Nearest ancestor-or-self matching the chain, tried selector by selector. */
export function closestFirst(el: Element, key: OutlookSelectorKey): Element | null {
  return chains.closestFirst(el, OUTLOOK_SELECTORS[key]);
}

/** True when `el` sits inside (or is) an element matching any selector of `key`, strictly within `boundary`. */
export function isInside(el: Element, key: OutlookSelectorKey, boundary: Element): boolean {
  return chains.isInside(el, OUTLOOK_SELECTORS[key], boundary);
}

/** The clickable control an icon or label belongs to (Fluent icons sit inside their button). */
export function controlOf(el: Element): Element {
  return el.closest('button, [role=button], [role=menuitem]') ?? el;
}
