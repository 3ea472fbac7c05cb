// Reads the open Outlook conversation: who wrote and who received each message (site-dom-facts 2.5,
// outlook-2026 3). Pure: takes a Document (and the path), returns plain data.

import type { Correspondent, CorrespondentRole, MailContext } from '../types';
import { cleanText } from '@/lib/domain/address';
import { dedupeByEmail } from '../correspondents';
import { parsePersonText, readPersonElement, roleByOrder, roleFromLabel, stripFieldLabel, type Person } from './parse-person';
import { itemIdFromPath } from './route';
import { isInside, queryAllFirst, queryFirst, type Accept } from './selectors';

// OWA renders the user's own entry as the localised word "You" with no address (OWA source
// `ReadOnlyRecipient`, outlook-2026 3): it is the user, not a contact called "You".
const SELF_WORDS = new Set(['you', 'vous', 'sie', 'du', 'tú', 'usted', 'tu', 'voi', 'jij', 'u']);

// A compose docked in the reading pane (facts 2.3) has its own pills: they are not the thread's people.
const COMPOSE_PARTS = '[id^="docking_InitVisiblePart_"], [data-app-section="ComposeForm"], [contenteditable=true]';

/** The open conversation's root, or null when none is shown. */
export function findConversationRoot(doc: Document): Element | null {
  return queryFirst(doc, 'conversation');
}

/** Header elements only: nothing inside a message body (forged markup, facts 4) or a compose. */
function inHeader(boundary: Element): Accept {
  return (el) => !isInside(el, 'messageBody', boundary) && el.closest(COMPOSE_PARTS) === null;
}

/** Correspondents of the open conversation, or null when no conversation root is found. */
export function parseOpenThread(doc: Document, pathname = doc.defaultView?.location.pathname ?? ''): MailContext | null {
  const root = findConversationRoot(doc);
  if (!root) return null;
  const accept = inHeader(root);
  const people: Correspondent[] = [];

  const outsideRows: Accept = (el) => accept(el) && !isInside(el, 'messageRecipientRows', root);
  for (const sender of queryAllFirst(root, 'messageHeaderSender', outsideRows)) {
    add(people, readPersonElement(sender), 'from');
  }
  const rows = queryAllFirst(root, 'messageRecipientRows', accept);
  for (const row of rows) {
    // Rows of one header are siblings: their position gives the role when the label is unknown.
    const siblings = rows.filter((r) => r.parentElement === row.parentElement);
    const role = roleFromLabel(row.getAttribute('aria-label') ?? row.textContent) ?? roleByOrder(siblings.indexOf(row));
    for (const person of readRow(row)) add(people, person, role);
  }

  const subject = queryFirst(doc, 'threadSubject', accept) ?? null;
  return {
    kind: 'thread',
    id: readThreadId(doc, root, pathname),
    subject: cleanText(subject?.textContent),
    correspondents: dedupeByEmail(people),
  };
}

/** The people of one recipient row: its persona pills, else its aria-label "To: A; B" (facts 2.5). */
function readRow(row: Element): Person[] {
  const pills = queryAllFirst(row, 'messagePersona');
  // A persona nested in another persona (hover target inside a titled span) is one person.
  const outer = pills.filter((p) => !pills.some((q) => q !== p && q.contains(p)));
  if (outer.length > 0) return outer.map(readPersonElement).filter((p): p is Person => p !== null);
  const label = row.getAttribute('aria-label');
  if (!label) return [];
  return stripFieldLabel(label)
    .split(';')
    .map(parsePersonText)
    .filter((p): p is Person => p !== null);
}

function add(people: Correspondent[], person: Person | null, role: CorrespondentRole): void {
  if (!person) return;
  if (!person.email && (!person.name || SELF_WORDS.has(person.name.toLowerCase()))) return;
  people.push({ email: person.email, name: person.name, role });
}

function readThreadId(doc: Document, root: Element, pathname: string): string {
  const host = root.closest('[data-convid]') ?? queryFirst(root, 'conversationIdHost') ?? queryFirst(doc, 'conversationIdHost');
  return host?.getAttribute('data-convid') || itemIdFromPath(pathname) || 'thread';
}
