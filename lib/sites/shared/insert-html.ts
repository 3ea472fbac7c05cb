// The insertion core both sites share (site-dom-facts 1.6, 2.6): sanitized template HTML goes into a
// compose body at the caret the user last had there, else at the top of the body, and never into the
// signature or the quoted text. Both editors keep DOM changes to the body (Gmail serialises the
// contenteditable, RoosterJS drops its cached model on foreign mutations); a paste-like `input` event
// marks the draft dirty. Nodes only, never innerHTML strings (Trusted Types, facts 1.10). Each site
// finds the compose, its body and its subject, and names the parts that are not the user's text.

import { sanitizeToFragment } from '@/lib/domain/sanitize';
import { rememberRange, savedRange } from './compose-selection';
import { elementOf } from './element-of';
import { isInside, type SelectorChain } from './selector-chains';

export const COMPOSE_CLOSED = 'That compose window is no longer open.';
export const NO_BODY = 'This compose window has no message body to write into.';
export const NOTHING_TO_INSERT = 'The template has no content that can be inserted.';

/** The parts of a compose body that are not the user's text: never written into, never deleted. */
export interface ProtectedParts {
  /** The site's chains for them (signature, quoted text). */
  chains: readonly SelectorChain[];
  /** Also treat a blank line that holds such a part as not blank (Outlook's marker elements). */
  blankLineMayHoldOne?: boolean;
}

function isProtected(el: Element, body: Element, parts: ProtectedParts): boolean {
  return parts.chains.some((chain) => isInside(el, chain, body));
}

function protectedIn(el: Element, parts: ProtectedParts): Element[] {
  return parts.chains.flat().flatMap((s) => Array.from(el.querySelectorAll(s)));
}

/** The editors' blank line: `<div><br></div>` (or an empty div), the line a new compose starts on. */
function isEmptyLine(node: Node, body: Element, parts: ProtectedParts): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE || !['DIV', 'P'].includes(node.nodeName)) return false;
  if (isProtected(node as Element, body, parts)) return false;
  if (parts.blankLineMayHoldOne && protectedIn(node as Element, parts).length > 0) return false;
  return Array.from(node.childNodes).every(
    (child) => child.nodeName === 'BR' || (child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() === ''),
  );
}

/** Start of the body, or inside its first line when that line is blank: before signature and quote. */
function topOfBody(body: Element, parts: ProtectedParts): Range {
  const range = body.ownerDocument.createRange();
  const first = Array.from(body.childNodes).find(
    (n) => !(n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() === ''),
  );
  if (first && isEmptyLine(first, body, parts)) {
    range.selectNodeContents(first); // its <br> is replaced by the content
  } else {
    range.setStart(body, 0);
    range.collapse(true);
  }
  return range;
}

/** The user's last caret or selection when it is safe to use, else the top of the body. */
function insertionRange(body: Element, parts: ProtectedParts): Range {
  const range = savedRange(body);
  if (!range) return topOfBody(body, parts);
  // A selection reaching into the signature or the quote would delete part of it: keep only its start.
  if (!range.collapsed && protectedIn(body, parts).some((part) => range.intersectsNode(part))) range.collapse(true);
  const start = elementOf(range.startContainer);
  return start && !isProtected(start, body, parts) ? range : topOfBody(body, parts);
}

/**
 * Sanitizes `html` and inserts it into `body` at the saved caret (or the top), leaves the caret after
 * it and fires the `input` event. False when the sanitized template is empty (nothing is changed).
 */
export function insertHtmlIntoBody(doc: Document, body: HTMLElement, html: string, parts: ProtectedParts): boolean {
  // The one sanitizer of template HTML (lib/domain/sanitize), as a fragment: no innerHTML string (facts 1.10).
  const fragment = sanitizeToFragment(html, doc);
  const last = fragment.lastChild;
  if (!last) return false;

  // Read the saved caret before focusing: focus moves the selection (and we would record that).
  const range = insertionRange(body, parts);
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

  // Both sites save a draft after edits; a paste-like input event marks it dirty (facts 1.6, 2.6).
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return true;
}

/** Sets the value through the prototype's setter: React (OWA) tracks the value there and sees the change. */
export function setValueNatively(box: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box) as object, 'value')?.set;
  if (setter) setter.call(box, value);
  else box.value = value;
}

/** Fills the subject only when it is empty, with the `input` and `change` events the page listens to. */
export function fillEmptySubject(
  box: HTMLInputElement | null,
  subject: string | null,
  setValue: (box: HTMLInputElement, value: string) => void = (b, v) => {
    b.value = v;
  },
): boolean {
  if (!box || !subject?.trim() || box.value.trim() !== '') return false;
  setValue(box, subject);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
