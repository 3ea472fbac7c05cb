import type { ClientDeskDb } from '@/lib/db/database';
import { findMatchesForEmail } from '@/lib/db/lookup';
import { recordSend } from '@/lib/db/sends';
import { sendTargets, type SentRecipient } from '@/lib/domain/offer-count';
import type { Settings } from '@/lib/domain/types';
import { recordMeasure } from '@/lib/user-timing';
import { isOffer } from './compose-marks';
import type { ConfirmedSend } from './send-reconciler';
import type { SidebarHub } from './sidebar-hub';

// A confirmed send goes on the timeline: its compose's marks decide whether it is an offer, its
// recipients' cards decide the organisations it counts for (DESIGN.md "What counts…"). Every site's
// sends come through here, so recordSend's rule for unusual sends (more organisations than one offer
// reaches: held for the user, lib/domain/unusual-send.ts) applies to Gmail and Outlook alike.

export interface RecordDeps {
  db: ClientDeskDb;
  hub: SidebarHub;
  settings(): Promise<Settings>;
  badgeChanged(): Promise<void>;
}

export async function recordConfirmedSend(deps: RecordDeps, send: ConfirmedSend, emittedAt?: number): Promise<void> {
  const settings = await deps.settings();
  const snapshot = send.tabId !== null ? await deps.hub.snapshotOf(send.tabId) : null;
  // A send only the network saw: find its compose by subject among the tab's last composes.
  const contextId =
    send.contextId ?? snapshot?.contexts.find((c) => c.kind === 'compose' && send.subject && c.subject.trim() === send.subject.trim())?.id ?? null;
  const mark = send.tabId !== null && contextId ? await deps.hub.marks.take(send.tabId, contextId) : undefined;
  const recipients: SentRecipient[] = [];
  for (const person of send.recipients) {
    if (!person.email || person.email === snapshot?.selfEmail) continue;
    const [best] = await findMatchesForEmail(deps.db, person.email, settings);
    recipients.push({ email: person.email, clientId: best?.client.id ?? null, contactId: best?.contact?.id ?? null });
  }
  const offerTemplate = mark?.templates.find((t) => t.countsAsOffer) ?? mark?.templates[0];
  await recordSend(
    deps.db,
    {
      site: send.site,
      draftId: send.draftId,
      sendId: send.sendId,
      subject: send.subject,
      sentAt: new Date(send.sentAt),
      targets: sendTargets(recipients, settings.ownDomains),
      isOffer: isOffer(mark),
      templateId: offerTemplate?.id ?? null,
    },
    settings,
  );
  await deps.badgeChanged();
  // User Timing entry read by `npm run bench`: final send in the page → new badge text.
  if (emittedAt !== undefined) recordMeasure('clientdesk:send-to-badge', emittedAt - performance.timeOrigin);
  await deps.hub.dataChanged();
}
