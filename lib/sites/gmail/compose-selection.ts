// The caret memory (shared/compose-selection.ts) bound to this site's compose body chain.

import { trackComposeSelection as track } from '../shared/compose-selection';
import { closestFirst } from './selectors';

export { rememberRange, savedRange } from '../shared/compose-selection';

/** Stores a copy of the selection whenever it lies inside a compose body, until `signal` aborts. */
export function trackComposeSelection(doc: Document, signal: AbortSignal): void {
  track(doc, signal, (el) => closestFirst(el, 'composeBody'));
}
