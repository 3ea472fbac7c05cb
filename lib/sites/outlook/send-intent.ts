// The user asking Outlook to send (site-dom-facts 2.4): a click on, or Enter/Space on, a compose's Send
// button, or Ctrl/⌘+Enter anywhere in a compose (OWA's default shortcut). Only provisional: OWA may
// still refuse (no recipient); send-detector.ts confirms.

import type { SentMail } from '../types';
import { elementOf } from '../shared/element-of';
import { findComposeRoots, readDraftId } from './parse-compose';
import { controlOf, queryAllFirst, type OutlookSelectorKey } from './selectors';
import { readSelfEmail } from './self-email';
import { readComposeContexts } from './snapshot';

/** What a send carries, read the moment it was asked for (the compose is gone afterwards). */
export type SendIntent = Omit<SentMail, 'sentAt'>;

const isEnter = (e: KeyboardEvent) => e.key === 'Enter' || e.keyCode === 13;
const isSpace = (e: KeyboardEvent) => e.key === ' ' || e.key === 'Spacebar' || e.keyCode === 32;

/** True when `el` is on one of the root's controls of `key` (icons count as their button). */
export function onControl(el: Element, root: Element, key: OutlookSelectorKey): boolean {
  return queryAllFirst(root, key).some((hit) => controlOf(hit).contains(el) && root.contains(controlOf(hit)));
}

export function composeRootOf(doc: Document, el: Element): Element | null {
  return findComposeRoots(doc).find((r) => r.el.contains(el))?.el ?? null;
}

// Cheap pre-check before the compose lookup: most clicks are on no button at all.
const BUTTONISH = 'button, [role=button], [data-icon-name]';

/** Calls `onIntent(root)` for every send request, in the capture phase: before OWA removes the form. */
export function listenForSendIntent(doc: Document, onIntent: (root: Element) => void, signal: AbortSignal): void {
  const options = { capture: true, signal };
  doc.addEventListener(
    'click',
    (event) => {
      const el = elementOf(event.target);
      if (!el?.closest(BUTTONISH)) return;
      const root = composeRootOf(doc, el);
      if (root && onControl(el, root, 'composeSendButton')) onIntent(root);
    },
    options,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      const el = elementOf(event.target);
      if (!el || event.repeat) return;
      const shortcut = (event.ctrlKey || event.metaKey) && isEnter(event);
      const press = (isEnter(event) || isSpace(event)) && el.closest(BUTTONISH) !== null;
      if (!shortcut && !press) return;
      const root = composeRootOf(doc, el);
      if (root && (shortcut || onControl(el, root, 'composeSendButton'))) onIntent(root);
    },
    options,
  );
}

/** Reads the compose as it is now: the snapshot's context id, recipients without the user. */
export function readSendIntent(doc: Document, root: Element): SendIntent | null {
  const found = readComposeContexts(doc).find((c) => c.el === root);
  if (!found) return null;
  const self = readSelfEmail(doc);
  return {
    contextId: found.context.id,
    draftId: readDraftId(root),
    sendId: crypto.randomUUID(),
    subject: found.context.subject,
    recipients: found.context.correspondents.filter((c) => c.email === null || c.email !== self),
  };
}
