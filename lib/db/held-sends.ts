import type { HeldSend, Settings } from '@/lib/domain/types';
import { addActivity } from './clients';
import type { ClientDeskDb } from './database';
import { laterThan } from './records';

// Sends whose offers wait for the user (issue 12.4). The user counts them (their `email_offer`s are
// added, on the day of the send) or not; either way the decision is stored and made only once.

/** Still waiting for the user, oldest first. */
export async function pendingHeldSends(db: ClientDeskDb): Promise<HeldSend[]> {
  const rows = await db.heldSends.where('status').equals('pending').toArray();
  return rows.filter((h) => !h.deletedAt).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

/** The channelRef of a held offer once counted: apart from its e-mail's, so neither hides the other. */
export const countedOfferRef = (held: HeldSend, targetKey: string) => `${held.sendRef}:${targetKey}:confirmed`;

/**
 * Counts a held send's offers (`count`) or leaves them out for good. A decision already made is
 * kept: a second click, or a second popup, changes nothing.
 */
export async function decideHeldSend(db: ClientDeskDb, id: string, count: boolean, settings: Settings): Promise<HeldSend> {
  return db.transaction('rw', db.heldSends, db.activities, async () => {
    const held = await db.heldSends.get(id);
    if (!held || held.deletedAt) throw new Error('This send is no longer waiting for a decision.');
    if (held.status !== 'pending') return held;
    if (count) {
      for (const target of held.targets) {
        const channelRef = countedOfferRef(held, target.key);
        if ((await db.activities.where('channelRef').equals(channelRef).count()) > 0) continue;
        await addActivity(
          db,
          { type: 'email_offer', clientId: target.clientId, contactId: target.contactId, channelRef, templateId: held.templateId, summary: held.subject || '(no subject)' },
          settings,
          new Date(held.sentAt),
        );
      }
    }
    const now = new Date().toISOString();
    const decided: HeldSend = { ...held, status: count ? 'counted' : 'dismissed', decidedAt: now, updatedAt: laterThan(held.updatedAt, now) };
    await db.heldSends.put(decided);
    return decided;
  });
}
