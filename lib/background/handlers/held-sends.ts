import { decideHeldSend, pendingHeldSends } from '@/lib/db/held-sends';
import type { ClientDeskDb } from '@/lib/db/database';
import type { HeldSendView } from '@/lib/messaging/views';
import type { Handlers } from './context';

// Sends whose offers wait for the user (issue 12.4): listed in the popup's today view, counted or
// left out there. The badge counts only what the user counted.

const SAMPLE_SIZE = 3;

/** The pending held sends, each with a few of its organisations by name. */
export async function heldSendViews(db: ClientDeskDb): Promise<HeldSendView[]> {
  const pending = await pendingHeldSends(db);
  const clientIds = [...new Set(pending.flatMap((h) => h.targets.slice(0, SAMPLE_SIZE).flatMap((t) => (t.clientId ? [t.clientId] : []))))];
  const clients = await db.clients.bulkGet(clientIds);
  const names = new Map(clients.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  return pending.map((held) => ({
    id: held.id,
    subject: held.subject,
    sentAt: held.sentAt,
    organisations: held.targets.length,
    // A target key is client:<id>, domain:<domain> or address:<email> (offer-count.ts).
    sample: held.targets.slice(0, SAMPLE_SIZE).map((t) => (t.clientId ? names.get(t.clientId) : undefined) ?? t.key.replace(/^\w+:/, '')),
  }));
}

export const heldSendHandlers: Pick<Handlers, 'pageToBackground.decideHeldSend'> = {
  async 'pageToBackground.decideHeldSend'(message, ctx) {
    await decideHeldSend(ctx.db, message.heldSendId, message.count, await ctx.settings());
    await ctx.badgeChanged();
    await ctx.hub.dataChanged();
    return null;
  },
};
