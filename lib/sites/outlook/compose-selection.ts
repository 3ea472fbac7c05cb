// Remembers where the user's caret last was in each compose body (site-dom-facts 2.6 step 1: restore
// the saved Range): clicking our sidebar moves the focus away, but a template belongs where the user
// was typing. Same approach as the Gmail adapter's compose-selection.ts, on Outlook's body chain.

import { elementOf } from '../gmail/element-of';
import { closestFirst } from './selectors';

// Compose body -> the last range inside it. Weak: a closed compose takes its range with it.
const lastRanges = new WeakMap<Element, Range>();

/** Stores a copy of the selection whenever it lies inside a compose body, until `signal` aborts. */
export function trackComposeSelection(doc: Document, signal: AbortSignal): void {
  doc.addEventListener(
    'selectionchange',
    () => {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const start = elementOf(range.startContainer);
      const body = start && closestFirst(start, 'composeBody');
      if (body && body.contains(range.endContainer)) lastRanges.set(body, range.cloneRange());
    },
    { signal },
  );
}

/** A copy of the body's last range, if it still lies inside the body. */
export function savedRange(body: Element): Range | null {
  const range = lastRanges.get(body);
  if (!range || !body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
  return range.cloneRange();
}

export function rememberRange(body: Element, range: Range): void {
  lastRanges.set(body, range.cloneRange());
}
