// Puts a rendered template into an Outlook compose (site-dom-facts 2.6, outlook-2026 4): at the caret
// the user last had in its body, else at the top of the body, above the signature and the quoted text.
// Direct Range insertion survives: RoosterJS's CachePlugin invalidates its model on foreign childList
// mutations (outlook-2026 4). The insertion itself is shared (shared/insert-html.ts); this file finds
// OWA's compose, body and subject input.

import type { ComposeInsert, InsertResult } from '../types';
import {
  COMPOSE_CLOSED,
  fillEmptySubject,
  insertHtmlIntoBody,
  NO_BODY,
  NOTHING_TO_INSERT,
  setValueNatively,
  type ProtectedParts,
} from '../shared/insert-html';
import { composeBodyOf, subjectInput } from './parse-compose';
import { OUTLOOK_SELECTORS } from './selectors';
import { readComposeContexts } from './snapshot';

export { COMPOSE_CLOSED, NO_BODY, NOTHING_TO_INSERT };

/** Signature and quoted text (#divRplyFwdMsg, #appendonsend…): never written into (facts 2.3, 2.6). */
const PROTECTED: ProtectedParts = {
  chains: [OUTLOOK_SELECTORS.composeSignature, OUTLOOK_SELECTORS.composeQuote],
  blankLineMayHoldOne: true,
};

/** Inserts into the compose whose context id (as in the snapshot) is `contextId`. */
export function insertIntoCompose(doc: Document, contextId: string, content: ComposeInsert): InsertResult {
  const root = readComposeContexts(doc).find((c) => c.context.id === contextId)?.el;
  if (!root) return { ok: false, reason: COMPOSE_CLOSED };
  const body = composeBodyOf(root);
  if (!body) return { ok: false, reason: NO_BODY };
  if (!insertHtmlIntoBody(doc, body, content.html, PROTECTED)) return { ok: false, reason: NOTHING_TO_INSERT };
  // OWA's React input: the value goes through the native setter so React sees the change.
  return { ok: true, subjectFilled: fillEmptySubject(subjectInput(root), content.subject, setValueNatively) };
}
