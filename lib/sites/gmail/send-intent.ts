// The user asking Gmail to send (site-dom-facts 1.4, InboxSDK's "presending"): a click on, or
// Enter/Space on, a compose's Send or Send+Archive button, or Ctrl/⌘+Enter anywhere in a compose.
// Only provisional: Gmail may still refuse (no recipient, bad address); send-detector.ts confirms.
// Only the user's own input counts: a page script's `button.click()` or dispatched KeyboardEvent has
// `isTrusted === false` (DOM standard: only the browser sets it, and it cannot be redefined), so a
// forged "send" never becomes an intent (DESIGN.md "What counts, and what must never count").

import type { SentMail } from '../types';
import { elementOf } from '../shared/element-of';
import { findComposeRoots, readDraftId } from './parse-compose';
import { closestFirst, isInside } from './selectors';
import { readSelfEmail } from './self-email';
import { readComposeContexts } from './snapshot';

/** What a send carries, read the moment it was asked for (the compose is gone afterwards). */
export type SendIntent = Omit<SentMail, 'sentAt'>;

const isEnter = (e: KeyboardEvent) => e.key === 'Enter' || e.keyCode === 13;
const isSpace = (e: KeyboardEvent) => e.key === ' ' || e.key === 'Spacebar' || e.keyCode === 32;

/** Cheap pre-check (two `closest` calls) before the compose lookup: most clicks are elsewhere. */
function nearSendButton(el: Element): boolean {
  return closestFirst(el, 'sendButton') !== null || closestFirst(el, 'sendAndArchiveButton') !== null;
}

function onSendButton(el: Element, root: Element): boolean {
  return isInside(el, 'sendButton', root) || isInside(el, 'sendAndArchiveButton', root);
}

function composeRootOf(doc: Document, el: Element): Element | null {
  return findComposeRoots(doc).find((r) => r.el.contains(el))?.el ?? null;
}

/**
 * Calls `onIntent(root)` for every send request, in the capture phase so that it runs before
 * Gmail's own handlers remove the compose.
 */
export function listenForSendIntent(doc: Document, onIntent: (root: Element) => void, signal: AbortSignal): void {
  const options = { capture: true, signal };
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const el = elementOf(event.target);
      if (!el || !nearSendButton(el)) return;
      const root = composeRootOf(doc, el);
      if (root && onSendButton(el, root)) onIntent(root);
    },
    options,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      const el = elementOf(event.target);
      if (!el || event.repeat) return;
      const shortcut = (event.ctrlKey || event.metaKey) && isEnter(event);
      const pressButton = (isEnter(event) || isSpace(event)) && nearSendButton(el);
      if (!shortcut && !pressButton) return;
      const root = composeRootOf(doc, el);
      if (root && (shortcut || onSendButton(el, root))) onIntent(root);
    },
    options,
  );
}

/** Reads the compose as it is now: the same context id as the snapshot, recipients without the user. */
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
