// Puts a rendered template into a Gmail compose (site-dom-facts 1.6): at the caret the user last had
// in its body, else at the top of the body, above the signature and the quoted text. Gmail keeps DOM
// changes to the body (it serialises the contenteditable on save); an `input` event marks the draft
// dirty. Nodes only, never innerHTML strings (Trusted Types, facts 1.10).

import type { ComposeInsert, InsertResult } from '../types';
import { rememberRange, savedRange } from './compose-selection';
import { elementOf } from './element-of';
import { GMAIL_SELECTORS, isInside, queryFirst } from './selectors';
import { sanitizeToFragment } from '@/lib/domain/sanitize';
import { readComposeContexts } from './snapshot';

export const COMPOSE_CLOSED = 'That compose window is no longer open.';
export const NO_BODY = 'This compose window has no message body to write into.';
export const NOTHING_TO_INSERT = 'The template has no content that can be inserted.';

/** Signature (with its "-- " prefix) and quoted text: never written into, never deleted (facts 1.3). */
function isProtected(el: Element, body: Element): boolean {
  return isInside(el, 'composeSignature', body) || isInside(el, 'composeQuote', body);
}

function protectedParts(body: Element): Element[] {
  const selectors = [...GMAIL_SELECTORS.composeSignature, ...GMAIL_SELECTORS.composeQuote];
  return selectors.flatMap((s) => Array.from(body.querySelectorAll(s)));
}

/** Gmail's blank line: `<div><br></div>` (or an empty div), the line a new compose starts on. */
function isEmptyLine(node: Node, body: Element): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE || !['DIV', 'P'].includes(node.nodeName)) return false;
  if (isProtected(node as Element, body)) return false;
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

/** Fills the visible subject only when it is empty. */
function fillSubject(root: Element, subject: string | null): boolean {
  const box = queryFirst(root, 'composeSubjectBox') as HTMLInputElement | null;
  if (!box || !subject?.trim() || box.value.trim() !== '') return false;
  box.value = subject;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Inserts into the compose whose context id (as in the snapshot) is `contextId`. */
export function insertIntoCompose(doc: Document, contextId: string, content: ComposeInsert): InsertResult {
  const root = readComposeContexts(doc).find((c) => c.context.id === contextId)?.el;
  if (!root) return { ok: false, reason: COMPOSE_CLOSED };
  const body = queryFirst(root, 'composeBody') as HTMLElement | null;
  if (!body) return { ok: false, reason: NO_BODY };
  // The one sanitizer of template HTML (lib/domain/sanitize), as a fragment: no innerHTML string (facts 1.10).
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

  // Gmail saves a draft after edits; a paste-like input event marks it dirty (facts 1.6).
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return { ok: true, subjectFilled: fillSubject(root, content.subject) };
}
