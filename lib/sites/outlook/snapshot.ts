// One read of the Outlook page: the open conversation, every compose, the user's own address and what
// could not be read. Pure: the adapter decides when to call it.

import type { AdapterProblem, MailContext, PageSnapshot } from '../types';
import { findComposeRoots, generatedComposeId, hasRecipientArea, parseCompose } from './parse-compose';
import { parseOpenThread } from './parse-thread';
import { isComposeRoute, isThreadRoute } from './route';
import { readSelfEmail } from './self-email';

export const THREAD_UNREADABLE: AdapterProblem = {
  code: 'thread-unreadable',
  message:
    'ClientDesk cannot read the correspondents of this Outlook conversation; Outlook may have changed its page. ' +
    'Client cards will not show for this conversation. Reloading Outlook may help; if not, update ClientDesk.',
};

export const COMPOSE_UNREADABLE: AdapterProblem = {
  code: 'compose-unreadable',
  message:
    'ClientDesk cannot read the recipients of this Outlook draft; Outlook may have changed its page. ' +
    'Client cards will not show for this draft. Reloading Outlook may help; if not, update ClientDesk.',
};

/**
 * Reads the page. `focusedCompose` is any element inside the compose that has (or last had) focus.
 * `pathname` defaults to the document's (OWA routes by path, facts 2.1).
 */
export function readOutlookSnapshot(
  doc: Document,
  focusedCompose: Element | null,
  pathname = doc.defaultView?.location.pathname ?? '',
): PageSnapshot {
  const selfEmail = readSelfEmail(doc);
  const withoutSelf = (ctx: MailContext): MailContext => ({
    ...ctx,
    correspondents: ctx.correspondents.filter((c) => c.email === null || c.email !== selfEmail),
  });
  const contexts: MailContext[] = [];
  const problems: AdapterProblem[] = [];

  // Only on an item route: OWA may keep an old reading pane around on a folder (facts 2.1).
  if (isThreadRoute(pathname)) {
    const thread = parseOpenThread(doc, pathname);
    // A sender name without address still counts as read (OWA shows the user's own entry that way).
    if (!thread || !thread.correspondents.some((c) => c.role === 'from')) problems.push({ ...THREAD_UNREADABLE });
    if (thread) contexts.push(withoutSelf(thread));
  }

  let focusedContextId: string | null = null;
  const composes = readComposeContexts(doc);
  const unreadable = () => {
    if (!problems.some((p) => p.code === COMPOSE_UNREADABLE.code)) problems.push({ ...COMPOSE_UNREADABLE });
  };
  if (composes.length === 0 && isComposeRoute(pathname)) unreadable();
  for (const { el, context } of composes) {
    if (!hasRecipientArea(el)) unreadable();
    contexts.push(withoutSelf(context));
    if (focusedCompose && el.contains(focusedCompose)) focusedContextId = context.id;
  }
  return { site: 'outlook', selfEmail, contexts, focusedContextId, problems };
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
    if (usedIds.has(context.id)) context.id = generatedComposeId(el);
    usedIds.add(context.id);
    return { el, context };
  });
}
