import { sendChannelRef, sendRef, type SendTarget } from '@/lib/domain/offer-count';
import type { Activity, HeldSend, Settings } from '@/lib/domain/types';
import { planOffers } from '@/lib/domain/unusual-send';
import type { ClientDeskDb } from './database';
import { addActivity } from './clients';
import { newRecord } from './records';

// Records a confirmed send on the timeline, once (DESIGN.md "What counts as an e-mail offer").
// A send to an unusual number of organisations is recorded as e-mails and its offers are held, in
// the same transaction, for the user to count or not (lib/domain/unusual-send.ts, held-sends.ts).

export interface SendToRecord {
  site: string;
  draftId: string | null;
  sendId: string;
  subject: string;
  sentAt: Date;
  targets: SendTarget[];
  /** An offer template was inserted, or the user marked the mail as an offer. */
  isOffer: boolean;
  templateId: string | null;
}

export interface RecordedSend {
  activities: Activity[];
  /** Targets already recorded for this send (a repeated report). */
  duplicates: number;
  /** The send's offers, held for the user's confirmation (a new hold only). */
  held: HeldSend | null;
}

export async function recordSend(db: ClientDeskDb, send: SendToRecord, settings: Settings): Promise<RecordedSend> {
  const plan = planOffers(send.targets, send.isOffer, settings.offerCounting);
  const offerKeys = new Set(plan.countedKeys);
  return db.transaction('rw', db.activities, db.clients, db.heldSends, async () => {
    const activities: Activity[] = [];
    let duplicates = 0;
    for (const target of send.targets) {
      const channelRef = sendChannelRef(send.site, send, target.key);
      if ((await db.activities.where('channelRef').equals(channelRef).count()) > 0) {
        duplicates++;
        continue;
      }
      const type = offerKeys.has(target.key) ? 'email_offer' : 'email';
      activities.push(
        await addActivity(
          db,
          { type, clientId: target.clientId, contactId: target.contactId, channelRef, templateId: send.templateId, summary: send.subject || '(no subject)' },
          settings,
          send.sentAt,
        ),
      );
      if (target.clientId) {
        const client = await db.clients.get(target.clientId);
        const at = send.sentAt.toISOString();
        if (client && (client.lastContactAt ?? '') < at) await db.clients.update(client.id, { lastContactAt: at });
      }
    }
    const held = plan.held.length > 0 ? await holdOffers(db, send, plan.held, settings) : null;
    return { activities, duplicates, held };
  });
}

/** Stores the held offers of a send, once per send (a repeated report finds the first hold). */
async function holdOffers(db: ClientDeskDb, send: SendToRecord, targets: SendTarget[], settings: Settings): Promise<HeldSend | null> {
  const ref = sendRef(send.site, send);
  if ((await db.heldSends.where('sendRef').equals(ref).count()) > 0) return null;
  const held: HeldSend = {
    ...newRecord(settings.managerId),
    site: send.site,
    sendRef: ref,
    subject: send.subject,
    sentAt: send.sentAt.toISOString(),
    templateId: send.templateId,
    targets: targets.map(({ key, clientId, contactId, emails }) => ({ key, clientId, contactId, emails })),
    status: 'pending',
    decidedAt: null,
  };
  await db.heldSends.add(held);
  return held;
}

/** How many activities of a type fall on a day (the [type+dayKey] index: O(log n)). */
export function countOnDay(db: ClientDeskDb, type: Activity['type'], dayKey: string): Promise<number> {
  return db.activities.where('[type+dayKey]').equals([type, dayKey]).filter((a) => !a.deletedAt).count();
}

/** Phone offers count once per client a day ("offers to 20 companies a day"). */
export async function countClientsOnDay(db: ClientDeskDb, type: Activity['type'], dayKey: string): Promise<number> {
  const activities = await db.activities.where('[type+dayKey]').equals([type, dayKey]).filter((a) => !a.deletedAt).toArray();
  return new Set(activities.map((a) => a.clientId ?? a.id)).size;
}

export function countBetweenDays(db: ClientDeskDb, type: Activity['type'], firstDay: string, lastDay: string): Promise<number> {
  return db.activities.where('[type+dayKey]').between([type, firstDay], [type, lastDay], true, true).filter((a) => !a.deletedAt).count();
}

export function activitiesOnDay(db: ClientDeskDb, type: Activity['type'], dayKey: string): Promise<Activity[]> {
  return db.activities.where('[type+dayKey]').equals([type, dayKey]).filter((a) => !a.deletedAt).sortBy('at');
}
