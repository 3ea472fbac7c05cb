// One read of the Gmail page: the open thread, every compose window, the user's own address and
// what could not be read. Pure: the adapter decides when to call it.

import type { AdapterProblem, MailContext, PageSnapshot } from '../types';
import { findComposeRoots, generatedComposeId, hasRecipientArea, parseCompose } from './parse-compose';
import { parseOpenThread } from './parse-thread';
import { isThreadRoute } from './route';
import { readSelfEmail } from './self-email';

export const THREAD_UNREADABLE: AdapterProblem = {
  code: 'thread-unreadable',
  message:
    'ClientDesk cannot read the correspondents of this Gmail thread; Gmail may have changed its page. ' +
    'Client cards will not show for this thread. Reloading Gmail may help; if not, update ClientDesk.',
};

export const COMPOSE_UNREADABLE: AdapterProblem = {
  code: 'compose-unreadable',
  message:
    'ClientDesk cannot read the recipients of this Gmail draft; Gmail may have changed its page. ' +
    'Client cards will not show for this draft. Reloading Gmail may help; if not, update ClientDesk.',
};

/**
 * Reads the page. `focusedComposeEl` is any element inside the compose that has (or last had)
 * focus. `hash` defaults to the document's URL hash.
 */
export function readGmailSnapshot(
  doc: Document,
  focusedComposeEl: Element | null,
  hash = doc.defaultView?.location.hash ?? '',
): PageSnapshot {
  const selfEmail = readSelfEmail(doc);
  const withoutSelf = (ctx: MailContext): MailContext => ({
    ...ctx,
    correspondents: ctx.correspondents.filter((c) => c.email === null || c.email !== selfEmail),
  });
  const contexts: MailContext[] = [];
  const problems: AdapterProblem[] = [];

  // Only on a thread route: on a list Gmail may keep a hidden thread view around (facts 1.1, 1.5).
  if (isThreadRoute(hash)) {
    const thread = parseOpenThread(doc, hash);
    // The own address still counts as a readable sender here (a thread of one's own messages).
    if (!thread || !thread.correspondents.some((c) => c.role === 'from')) problems.push({ ...THREAD_UNREADABLE });
    if (thread) contexts.push(withoutSelf(thread));
  }

  let focusedContextId: string | null = null;
  for (const { el, context } of readComposeContexts(doc)) {
    if (!hasRecipientArea(el) && !problems.some((p) => p.code === COMPOSE_UNREADABLE.code)) {
      problems.push({ ...COMPOSE_UNREADABLE });
    }
    contexts.push(withoutSelf(context));
    if (focusedComposeEl && el.contains(focusedComposeEl)) focusedContextId = context.id;
  }

  return { site: 'gmail', selfEmail, contexts, focusedContextId, problems };
}

export interface ComposeContext {
  el: Element;
  /** As the snapshot reports it: `context.id` is the compose's context id everywhere (send, insert). */
  context: MailContext;
}

/**
 * Every open compose with its context id, in page order. The one place ids are given: the snapshot,
 * send detection and insertion must agree on them. Self is not yet removed from the recipients.
 */
export function readComposeContexts(doc: Document): ComposeContext[] {
  const usedIds = new Set<string>();
  return findComposeRoots(doc).map(({ el, variant }) => {
    const context = parseCompose(el, variant);
    // Two composes must never share an id, whatever Gmail's hidden inputs say.
    if (usedIds.has(context.id)) context.id = generatedComposeId(el);
    usedIds.add(context.id);
    return { el, context };
  });
}
