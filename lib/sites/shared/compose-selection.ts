// Remembers where the user's caret last was in each compose body (site-dom-facts 1.6 and 2.6 step 1,
// like InboxSDK's monitor-selection-range): clicking our sidebar moves the focus away, but a template
// belongs where the user was typing. Site-neutral: each site says how to find the compose body.

import { elementOf } from './element-of';

/** The compose body that contains `el` (the site's body chain), or null. */
export type ComposeBodyOf = (el: Element) => Element | null;

// Compose body -> the last range inside it. Weak: a closed compose takes its range with it.
const lastRanges = new WeakMap<Element, Range>();

/** Stores a copy of the selection whenever it lies inside a compose body, until `signal` aborts. */
export function trackComposeSelection(doc: Document, signal: AbortSignal, bodyOf: ComposeBodyOf): void {
  doc.addEventListener(
    'selectionchange',
    () => {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const start = elementOf(range.startContainer);
      const body = start && bodyOf(start);
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
