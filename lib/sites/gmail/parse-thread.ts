// Reads the open Gmail thread: who wrote and who received each message (site-dom-facts 1.5).
// Pure: takes a Document (and the URL hash), returns plain data.

import type { Correspondent, CorrespondentRole, MailContext } from '../types';
import { cleanText, normalizeEmail } from '@/lib/domain/address';
import { dedupeByEmail } from '../correspondents';
import { threadIdFromHash } from './route';
import { isInside, queryAllFirst, queryFirst } from './selectors';

/** The open thread's root inside `div[role=main]`, or null when no thread is shown. */
export function findThreadRoot(doc: Document): Element | null {
  // site-dom-facts 1.5 pitfall: Gmail keeps old views detached from main, so scope to main.
  for (const main of queryAllFirst(doc, 'main')) {
    const root = queryFirst(main, 'threadRoot');
    if (root) return root;
  }
  return null;
}

/** Correspondents of the open thread, or null when no thread root is found. */
export function parseOpenThread(doc: Document, hash = doc.defaultView?.location.hash ?? ''): MailContext | null {
  const root = findThreadRoot(doc);
  if (!root) return null;
  const outsideBodies = (boundary: Element) => (el: Element) =>
    !isInside(el, 'messageBody', boundary) && !isInside(el, 'inlineComposeArea', boundary);

  const people: Correspondent[] = [];
  const messages = queryAllFirst(root, 'messageItem', outsideBodies(root));
  for (const message of messages.length > 0 ? messages : [root]) {
    // site-dom-facts 1.5: header areas only. The first header match precedes the body in document
    // order, and anything inside a body or an inline reply is skipped, so forged markup in a
    // message cannot add or replace people. Collapsed messages show only their sender.
    const accept = outsideBodies(message);
    const sender = queryFirst(message, 'messageHeaderSender', accept);
    if (sender) addPerson(people, sender, 'from');
    for (const recipient of queryAllFirst(message, 'messageHeaderRecipients', accept)) {
      // Gmail's header summary ("to me, Olga") does not split To and Cc; see site-dom-facts 1.5.
      addPerson(people, recipient, 'to');
    }
  }

  const subjectEl = queryFirst(root, 'threadSubject', outsideBodies(root));
  return {
    kind: 'thread',
    id: readThreadId(root, outsideBodies(root), hash),
    subject: cleanText(subjectEl?.textContent),
    correspondents: dedupeByEmail(people),
  };
}

function addPerson(people: Correspondent[], el: Element, role: CorrespondentRole): void {
  const email = normalizeEmail(el.getAttribute('email'));
  if (!email) return;
  const name = cleanText(el.getAttribute('name') ?? el.textContent);
  people.push({ email, name, role });
}

function readThreadId(root: Element, accept: (el: Element) => boolean, hash: string): string {
  const host = queryFirst(root, 'threadIdHost', accept);
  const fromDom = host?.getAttribute('data-legacy-thread-id') || host?.getAttribute('data-thread-perm-id');
  return fromDom || threadIdFromHash(hash) || 'thread';
}
