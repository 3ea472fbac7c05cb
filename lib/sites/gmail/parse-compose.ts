// Finds Gmail compose windows and reads their recipients (site-dom-facts 1.2, 1.3).
// Pure apart from a WeakMap that gives id-less composes a stable generated id.

import type { Correspondent, CorrespondentRole, MailContext } from '../types';
import { cleanText, normalizeEmail, parseNameAddress } from '@/lib/domain/address';
import { dedupeByEmail } from '../correspondents';
import { closestFirst, isInside, queryAllFirst, queryFirst } from './selectors';

export type ComposeVariant = NonNullable<MailContext['variant']>;
export interface ComposeRoot {
  el: Element;
  variant: ComposeVariant;
}

const ROLES: readonly string[] = ['to', 'cc', 'bcc'];

/** A compose still in use: Gmail leaves an emptied shell behind while a closed compose saves (facts 1.2). */
export function isLiveCompose(el: Element): boolean {
  return Boolean(
    queryFirst(el, 'composeSubject') ||
      queryFirst(el, 'composeId') ||
      (queryFirst(el, 'composeBody') && el.querySelector('form')),
  );
}

function guessVariant(el: Element): ComposeVariant {
  if (el.closest('.aSt')) return 'fullscreen';
  return el.closest('.ip, [role=listitem]') ? 'inline' : 'popup';
}

/** Every open compose window (popup, full-screen, inline reply), minimised ones included, in page order. */
export function findComposeRoots(doc: Document): ComposeRoot[] {
  const found: ComposeRoot[] = [];
  const add = (el: Element, variant: ComposeVariant) => {
    if (found.some((f) => f.el.contains(el) || el.contains(f.el))) return;
    if (isLiveCompose(el)) found.push({ el, variant });
  };
  for (const el of queryAllFirst(doc, 'composeRootFullscreen', isLiveCompose)) add(el, 'fullscreen');
  for (const el of queryAllFirst(doc, 'composeRootPopup', isLiveCompose)) add(el, 'popup');
  for (const el of queryAllFirst(doc, 'composeRootInline', isLiveCompose)) add(el, 'inline');
  // Structural last resort: the dialog or region around any compose body no chain found.
  for (const body of queryAllFirst(doc, 'composeBody')) {
    if (found.some((f) => f.el.contains(body))) continue;
    const el = closestFirst(body, 'composeRootAny');
    if (el) add(el, guessVariant(el));
  }
  return found.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** True when the compose shows any recipients UI (chips, fields or the collapsed summary). */
export function hasRecipientArea(root: Element): boolean {
  return queryFirst(root, 'composeRecipientArea', outsideBody(root)) !== null;
}

/** Recipients, subject and id of one compose window. */
export function parseCompose(root: Element, variant: ComposeVariant = guessVariant(root)): MailContext {
  // One source only, in order: PeopleKit chips, old-UI chips, collapsed summary. The hidden summary
  // can be stale while the fields are open, so it is read only when no fields exist.
  const recipients = readPeopleKit(root) ?? readOldUi(root) ?? readSummary(root);
  const subject = queryFirst(root, 'composeSubject');
  return {
    kind: 'compose',
    id: composeId(root),
    variant,
    subject: cleanText(subject ? valueOf(subject) : ''),
    correspondents: dedupeByEmail(recipients),
  };
}

/** An input's live value (Gmail sets the property, not always the attribute). */
function valueOf(el: Element): string {
  const live: unknown = (el as Partial<HTMLInputElement>).value;
  return typeof live === 'string' ? live : (el.getAttribute('value') ?? '');
}

function outsideBody(root: Element) {
  return (el: Element) => !isInside(el, 'composeBody', root);
}

function roleOf(name: string | null | undefined): CorrespondentRole {
  return name && ROLES.includes(name) ? (name as CorrespondentRole) : 'to';
}

function person(email: string | null, name: string, role: CorrespondentRole): Correspondent[] {
  return email ? [{ email, name, role }] : [];
}

// facts 1.3: chip = [role=option][data-hovercard-id] (address) [data-name] (display name),
// role from the enclosing `.anm[name=to|cc|bcc]`.
function readPeopleKit(root: Element): Correspondent[] | null {
  const accept = outsideBody(root);
  const chips = queryAllFirst(root, 'composeRecipientChipsPeopleKit', accept);
  if (chips.length === 0 && !queryFirst(root, 'composeRecipientField', accept)) return null;
  return chips.flatMap((chip) =>
    person(
      normalizeEmail(chip.getAttribute('data-hovercard-id')),
      cleanText(chip.getAttribute('data-name') ?? chip.textContent),
      roleOf(closestFirst(chip, 'composeRecipientField', root)?.getAttribute('name')),
    ),
  );
}

// facts 1.3 old UI: `textarea.vO[name=to|cc|bcc]` per row, `.vR` chips holding a hidden input
// `Name <email>`; `.vR span[email]` when the hidden input is missing.
function readOldUi(root: Element): Correspondent[] | null {
  const accept = outsideBody(root);
  const inputs = queryAllFirst(root, 'composeRecipientInputsOld', accept);
  if (inputs.length > 0) {
    return inputs.flatMap((input) => {
      const parsed = parseNameAddress(valueOf(input));
      const role = roleOf(input.getAttribute('name') ?? rowRole(input, root));
      return parsed ? person(parsed.email, parsed.name, role) : [];
    });
  }
  const spans = queryAllFirst(root, 'composeRecipientSpansOld', accept);
  if (spans.length === 0 && !queryFirst(root, 'composeRecipientTextareaOld', accept)) return null;
  return spans.flatMap((span) =>
    person(
      normalizeEmail(span.getAttribute('email')),
      cleanText(span.getAttribute('name') ?? span.textContent),
      roleOf(rowRole(span, root)),
    ),
  );
}

function rowRole(el: Element, root: Element): string | null {
  const row = el.closest('tr');
  if (!row || !root.contains(row)) return null;
  return queryFirst(row, 'composeRecipientTextareaOld')?.getAttribute('name') ?? null;
}

// facts 1.3: the collapsed "Recipients" summary lists `span[email]`, without roles.
function readSummary(root: Element): Correspondent[] {
  return queryAllFirst(root, 'composeRecipientSummary', outsideBody(root)).flatMap((span) =>
    person(normalizeEmail(span.getAttribute('email')), cleanText(span.getAttribute('name') ?? span.textContent), 'to'),
  );
}

/** Gmail's draft id (`input[name=draft]`, facts 1.3), or null while Gmail has none yet. */
export function readDraftId(root: Element): string | null {
  const input = queryFirst(root, 'composeDraftId');
  const value = input ? valueOf(input).trim() : '';
  return ['', 'undefined', 'null'].includes(value) ? null : value;
}

const generatedIds = new WeakMap<Element, string>();
let generatedCount = 0;

/** composeid, else the draft id (facts 1.3), else an id generated once per compose element. */
export function composeId(root: Element): string {
  // Gmail writes "undefined" into the draft input until the first save.
  const usable = (el: Element) => !['', 'undefined', 'null'].includes(valueOf(el).trim());
  const input = queryFirst(root, 'composeId', usable);
  return input ? valueOf(input).trim() : generatedComposeId(root);
}

/** A stable id for this compose element, for when Gmail's own ids are missing or collide. */
export function generatedComposeId(root: Element): string {
  let id = generatedIds.get(root);
  if (!id) {
    generatedCount += 1;
    id = `compose-${generatedCount}`;
    generatedIds.set(root, id);
  }
  return id;
}
