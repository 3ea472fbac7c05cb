// Puts a rendered template into an Outlook compose (site-dom-facts 2.6, outlook-2026 4): at the caret
// the user last had in its body, else at the top of the body, above the signature and the quoted text.
// Direct Range insertion survives: RoosterJS's CachePlugin invalidates its model on foreign childList
// mutations (outlook-2026 4); a bubbling `input` event then marks the draft dirty so it autosaves.
// Nodes only, never innerHTML strings (Trusted Types).

import type { ComposeInsert, InsertResult } from '../types';
import { sanitizeToFragment } from '@/lib/domain/sanitize';
import { elementOf } from '../gmail/element-of';
import { rememberRange, savedRange } from './compose-selection';
import { composeBodyOf, subjectInput } from './parse-compose';
import { OUTLOOK_SELECTORS, isInside } from './selectors';
import { readComposeContexts } from './snapshot';

export const COMPOSE_CLOSED = 'That compose window is no longer open.';
export const NO_BODY = 'This compose window has no message body to write into.';
export const NOTHING_TO_INSERT = 'The template has no content that can be inserted.';

/** Signature and quoted text (#divRplyFwdMsg, #appendonsend…): never written into (facts 2.3, 2.6). */
function isProtected(el: Element, body: Element): boolean {
  return isInside(el, 'composeSignature', body) || isInside(el, 'composeQuote', body);
}

function protectedParts(body: Element): Element[] {
  const selectors = [...OUTLOOK_SELECTORS.composeSignature, ...OUTLOOK_SELECTORS.composeQuote];
  return selectors.flatMap((s) => Array.from(body.querySelectorAll(s)));
}

/** OWA's blank line `<div><br></div>` (or an empty div): the line a new compose starts on. */
function isEmptyLine(node: Node, body: Element): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE || !['DIV', 'P'].includes(node.nodeName)) return false;
  if (isProtected(node as Element, body) || protectedParts(node as Element).length > 0) return false;
  return Array.from(node.childNodes).every(
    (child) => child.nodeName === 'BR' || (child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() === ''),
  );
}

/** Start of the body, or inside its first line when that line is blank: before signature and quote. */
function topOfBody(body: Element): Range {
  const range = body.ownerDocument.createRange();
  const first = Array.from(body.childNodes).find(
    (n) => !(n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() === ''),
  );
  if (first && isEmptyLine(first, body)) {
    range.selectNodeContents(first); // its <br> is replaced by the content
  } else {
    range.setStart(body, 0);
    range.collapse(true);
  }
  return range;
}

/** The user's last caret or selection when it is safe to use, else the top of the body. */
function insertionRange(body: Element): Range {
  const range = savedRange(body);
  if (!range) return topOfBody(body);
  // A selection reaching into the signature or the quote would delete part of it: keep only its start.
  if (!range.collapsed && protectedParts(body).some((part) => range.intersectsNode(part))) range.collapse(true);
  const start = elementOf(range.startContainer);
  return start && !isProtected(start, body) ? range : topOfBody(body);
}

/** Fills the subject only when it is empty, with the events OWA's React input listens to. */
function fillSubject(root: Element, subject: string | null): boolean {
  const box = subjectInput(root);
  if (!box || !subject?.trim() || box.value.trim() !== '') return false;
  // React tracks the value through the prototype's setter: set it there so the change is seen.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box) as object, 'value')?.set;
  if (setter) setter.call(box, subject);
  else box.value = subject;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Inserts into the compose whose context id (as in the snapshot) is `contextId`. */
export function insertIntoCompose(doc: Document, contextId: string, content: ComposeInsert): InsertResult {
  const root = readComposeContexts(doc).find((c) => c.context.id === contextId)?.el;
  if (!root) return { ok: false, reason: COMPOSE_CLOSED };
  const body = composeBodyOf(root);
  if (!body) return { ok: false, reason: NO_BODY };
  const fragment = sanitizeToFragment(content.html, doc);
  const last = fragment.lastChild;
  if (!last) return { ok: false, reason: NOTHING_TO_INSERT };

  // Read the saved caret before focusing: focus moves the selection (and we would record that).
  const range = insertionRange(body);
  body.focus();
  range.deleteContents();
  range.insertNode(fragment);

  const caret = doc.createRange();
  caret.setStartAfter(last);
  caret.collapse(true);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(caret);
  rememberRange(body, caret);

  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return { ok: true, subjectFilled: fillSubject(root, content.subject) };
}
