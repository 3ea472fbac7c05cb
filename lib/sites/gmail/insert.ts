// Puts a rendered template into a Gmail compose (site-dom-facts 1.6): at the caret the user last had
// in its body, else at the top of the body, above the signature and the quoted text. The insertion
// itself is shared (shared/insert-html.ts); this file finds Gmail's compose, body and subject box.

import type { ComposeInsert, InsertResult } from '../types';
import {
  COMPOSE_CLOSED,
  fillEmptySubject,
  insertHtmlIntoBody,
  NO_BODY,
  NOTHING_TO_INSERT,
  type ProtectedParts,
} from '../shared/insert-html';
import { GMAIL_SELECTORS, queryFirst } from './selectors';
import { readComposeContexts } from './snapshot';

export { COMPOSE_CLOSED, NO_BODY, NOTHING_TO_INSERT };

/** Signature (with its "-- " prefix) and quoted text: never written into, never deleted (facts 1.3). */
const PROTECTED: ProtectedParts = { chains: [GMAIL_SELECTORS.composeSignature, GMAIL_SELECTORS.composeQuote] };

/** Inserts into the compose whose context id (as in the snapshot) is `contextId`. */
export function insertIntoCompose(doc: Document, contextId: string, content: ComposeInsert): InsertResult {
  const root = readComposeContexts(doc).find((c) => c.context.id === contextId)?.el;
  if (!root) return { ok: false, reason: COMPOSE_CLOSED };
  const body = queryFirst(root, 'composeBody') as HTMLElement | null;
  if (!body) return { ok: false, reason: NO_BODY };
  if (!insertHtmlIntoBody(doc, body, content.html, PROTECTED)) return { ok: false, reason: NOTHING_TO_INSERT };
  // The visible subject box, filled only when empty.
  const box = queryFirst(root, 'composeSubjectBox') as HTMLInputElement | null;
  return { ok: true, subjectFilled: fillEmptySubject(box, content.subject) };
}
