// Finds Outlook compose forms and reads their recipients, subject and draft id (site-dom-facts 2.3,
// outlook-2026 1a). Pure apart from a WeakMap that gives id-less composes a stable generated id.

import type { Correspondent, MailContext } from '../types';
import { cleanText } from '@/lib/domain/address';
import { dedupeByEmail } from '../correspondents';
import { parsePersonText, roleByOrder, roleFromLabel } from './parse-person';
import { isInside, queryAllFirst, queryFirst } from './selectors';

export type ComposeVariant = NonNullable<MailContext['variant']>;
export interface ComposeRoot {
  el: Element;
  variant: ComposeVariant;
}

// `#docking_InitVisiblePart_<n>` may hold only the header (To/Cc/subject: Briskine opens the Cc
// field inside it); the body can be a sibling. Climb this far at most to find the whole form.
const MAX_CLIMB = 6;

export function composeBodyOf(root: Element): HTMLElement | null {
  return queryFirst(root, 'composeBody') as HTMLElement | null;
}

/** A form still in use: it has a body or a subject field. */
export function isLiveCompose(el: Element): boolean {
  return composeBodyOf(el) !== null || queryFirst(el, 'composeSubject') !== null;
}

/** The smallest ancestor-or-self of a docked part that holds a body, without reaching another compose. */
function wholeForm(part: Element, others: Element[]): Element {
  let el: Element = part;
  for (let i = 0; i < MAX_CLIMB && !composeBodyOf(el); i += 1) {
    const parent = el.parentElement;
    if (!parent || parent === el.ownerDocument.body || parent.id === 'ReadingPaneContainerId') break;
    if (others.some((o) => o !== part && parent.contains(o))) break;
    el = parent;
  }
  return composeBodyOf(el) ? el : part;
}

/** Every open compose (docked in the reading pane, dialog, full page / pop-out window), in page order. */
export function findComposeRoots(doc: Document): ComposeRoot[] {
  const found: ComposeRoot[] = [];
  const add = (el: Element, variant: ComposeVariant) => {
    if (found.some((f) => f.el.contains(el) || el.contains(f.el))) return;
    if (isLiveCompose(el)) found.push({ el, variant });
  };
  const docked = queryAllFirst(doc, 'composeRootDocked');
  for (const part of docked) add(wholeForm(part, docked), part.closest('[role=dialog]') ? 'popup' : 'inline');
  // Full page (pop-out window, `/mail/compose/<id>`) before dialogs: a full-page form may sit in one.
  for (const el of queryAllFirst(doc, 'composeRootFullPage', isLiveCompose)) add(el, 'fullscreen');
  for (const el of queryAllFirst(doc, 'composeRootDialog', isLiveCompose)) add(el, 'popup');
  return found.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** The recipient containers in page order (To, Cc, Bcc): editables that are not the body. */
export function recipientContainers(root: Element): Element[] {
  const body = composeBodyOf(root);
  const notBody = (el: Element) => el !== body && !(body?.contains(el) ?? false) && !isInside(el, 'composeBody', root);
  const found = queryAllFirst(root, 'composeRecipientContainer', notBody);
  // A container nested in another (a pill's own editable) is part of it.
  return found.filter((c) => !found.some((o) => o !== c && o.contains(c)));
}

export function hasRecipientArea(root: Element): boolean {
  return recipientContainers(root).length > 0;
}

/** Committed recipients of one container (typed text that is not a pill yet is not a recipient). */
function readContainer(container: Element): Array<{ email: string | null; name: string }> {
  const pills = queryAllFirst(container, 'composePill');
  const outer = pills.filter((p) => !pills.some((q) => q !== p && q.contains(p)));
  return outer.flatMap((pill) => {
    const texts = queryAllFirst(pill, 'composePillText');
    const text = texts.length > 0 ? texts.map((t) => t.textContent ?? '').join(' ') : pill.textContent;
    const person = parsePersonText(text);
    return person ? [person] : [];
  });
}

/** Recipients of one compose, roles from the container's label when known, else its position. */
export function readComposeRecipients(root: Element): Correspondent[] {
  const people: Correspondent[] = [];
  recipientContainers(root).forEach((container, index) => {
    const role = roleFromLabel(container.getAttribute('aria-label')) ?? roleByOrder(index);
    for (const person of readContainer(container)) people.push({ ...person, role });
  });
  return dedupeByEmail(people);
}

/** The subject field: `MSG_<id>_SUBJECT`, else the last text input of the compose (Briskine). */
export function subjectInput(root: Element): HTMLInputElement | null {
  return (queryAllFirst(root, 'composeSubject').at(-1) as HTMLInputElement | undefined) ?? null;
}

/** OWA's draft id, from the subject's `MSG_<draftId>_SUBJECT` id (facts 2.3), or null. */
export function readDraftId(root: Element): string | null {
  const id = root.querySelector('input[id^="MSG_"][id$="_SUBJECT"]')?.id;
  const match = id ? /^MSG_(.+)_SUBJECT$/.exec(id) : null;
  return match?.[1] ?? null;
}

const generatedIds = new WeakMap<Element, string>();
let generatedCount = 0;

/** A stable id for this compose element, for when OWA shows no draft id. */
export function generatedComposeId(root: Element): string {
  let id = generatedIds.get(root);
  if (!id) {
    generatedCount += 1;
    id = `compose-${generatedCount}`;
    generatedIds.set(root, id);
  }
  return id;
}

/** Recipients, subject and id of one compose. */
export function parseCompose(root: Element, variant: ComposeVariant): MailContext {
  const docked = root.matches('[id^="docking_InitVisiblePart_"]') ? root : root.querySelector('[id^="docking_InitVisiblePart_"]');
  return {
    kind: 'compose',
    id: readDraftId(root) ?? (docked?.id || generatedComposeId(root)),
    variant,
    subject: cleanText(subjectInput(root)?.value),
    correspondents: readComposeRecipients(root),
  };
}
