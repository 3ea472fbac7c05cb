import { dayKey } from '@/lib/domain/day-key';
import type { Client, Complaint, Settings } from '@/lib/domain/types';
import { addActivity } from './clients';
import { monthRange, type MonthRef } from './contracts';
import type { ClientDeskDb } from './database';
import { laterThan, newRecord } from './records';

// Complaints on the client card (issue 7), followed to resolution: writes behind the card's
// complaint form, and the reads of the card, Today and the monthly report. Removal is a tombstone.

export type ComplaintFields = Pick<Complaint, 'openedAt' | 'subject' | 'details' | 'status' | 'resolution'>;

/** Not resolved yet: shown on the card, in the sidebar and in Today. */
export const OPEN_COMPLAINT_STATUSES = ['open', 'in-progress'] as const satisfies readonly Complaint['status'][];

export class StaleComplaintError extends Error {
  constructor(public readonly current: Complaint) {
    super('This complaint was changed elsewhere since you opened it. Your edit was not saved; the page now shows the latest version.');
  }
}

export const complaintChannelRef = (complaintId: string, event: 'opened' | 'resolved'): string => `complaint:${complaintId}:${event}`;

export const isOpenComplaint = (complaint: Pick<Complaint, 'status' | 'deletedAt'>): boolean => !complaint.deletedAt && complaint.status !== 'resolved';

async function aliveClient(db: ClientDeskDb, clientId: string): Promise<Client> {
  const client = await db.clients.get(clientId);
  if (!client || client.deletedAt) throw new Error('This client card no longer exists.');
  return client;
}

async function editableComplaint(db: ClientDeskDb, clientId: string, complaintId: string, expectedUpdatedAt?: string): Promise<Complaint> {
  const current = await db.complaints.get(complaintId);
  if (!current || current.deletedAt || current.clientId !== clientId) throw new Error('This complaint no longer exists.');
  if (expectedUpdatedAt && current.updatedAt !== expectedUpdatedAt) throw new StaleComplaintError(current);
  return current;
}

function eventSummary(complaint: Complaint, event: 'opened' | 'resolved'): string {
  if (event === 'opened') return `Complaint opened: ${complaint.subject}`;
  const resolution = complaint.resolution.trim();
  return resolution ? `Complaint resolved: ${complaint.subject} — ${resolution}` : `Complaint resolved: ${complaint.subject}`;
}

/** Opening and resolving go on the timeline once each per complaint (channelRef `complaint:<id>:<event>`). */
async function recordEvent(db: ClientDeskDb, complaint: Complaint, event: 'opened' | 'resolved', settings: Settings): Promise<void> {
  const channelRef = complaintChannelRef(complaint.id, event);
  if ((await db.activities.where('channelRef').equals(channelRef).count()) > 0) return;
  await addActivity(db, { type: 'complaint', clientId: complaint.clientId, channelRef, summary: eventSummary(complaint, event) }, settings);
}

/**
 * Adds a complaint (complaintId null) or replaces an existing one's fields, refusing a stale edit
 * (with `expectedUpdatedAt`). `resolvedAt` is set (today, settings time zone) when it becomes
 * resolved and cleared when it is reopened; opening and resolving are appended to the timeline.
 */
export async function saveComplaint(
  db: ClientDeskDb,
  clientId: string,
  complaintId: string | null,
  fields: ComplaintFields,
  settings: Settings,
  expectedUpdatedAt?: string,
): Promise<Complaint> {
  if (!fields.subject.trim()) throw new Error('A complaint needs a subject.');
  return db.transaction('rw', [db.clients, db.complaints, db.activities], async () => {
    await aliveClient(db, clientId);
    const current = complaintId === null ? null : await editableComplaint(db, clientId, complaintId, expectedUpdatedAt);
    const resolved = fields.status === 'resolved';
    const complaint: Complaint = {
      ...(current ?? newRecord(settings.managerId)),
      ...fields,
      clientId,
      resolvedAt: resolved ? (current?.resolvedAt ?? dayKey(new Date(), settings.timeZone)) : null,
      ...(current ? { updatedAt: laterThan(current.updatedAt) } : {}),
    };
    await db.complaints.put(complaint);
    if (!current) await recordEvent(db, complaint, 'opened', settings);
    if (resolved && current?.status !== 'resolved') await recordEvent(db, complaint, 'resolved', settings);
    return complaint;
  });
}

/** Tombstones a complaint; its events on the timeline stay (facts). Removing a removed one does nothing. */
export async function deleteComplaint(db: ClientDeskDb, complaintId: string): Promise<void> {
  await db.transaction('rw', db.complaints, async () => {
    const complaint = await db.complaints.get(complaintId);
    if (!complaint || complaint.deletedAt) return;
    const now = laterThan(complaint.updatedAt);
    await db.complaints.update(complaintId, { deletedAt: now, updatedAt: now });
  });
}

const byOpened = (a: Complaint, b: Complaint) => a.openedAt.localeCompare(b.openedAt) || a.createdAt.localeCompare(b.createdAt);

/** A client's alive complaints, the latest opened first. */
export async function complaintsOf(db: ClientDeskDb, clientId: string): Promise<Complaint[]> {
  const complaints = await db.complaints.where('clientId').equals(clientId).filter((c) => !c.deletedAt).toArray();
  return complaints.sort((a, b) => byOpened(b, a));
}

/** A client's open and in-progress complaints, the longest waiting first. */
export async function openComplaintsOf(db: ClientDeskDb, clientId: string): Promise<Complaint[]> {
  const complaints = await db.complaints.where('clientId').equals(clientId).filter(isOpenComplaint).toArray();
  return complaints.sort(byOpened);
}

/** Every open and in-progress complaint of the base (the `status` index), the longest waiting first. */
export async function allOpenComplaints(db: ClientDeskDb): Promise<Complaint[]> {
  const complaints = await db.complaints.where('status').anyOf([...OPEN_COMPLAINT_STATUSES]).filter((c) => !c.deletedAt).toArray();
  return complaints.sort(byOpened);
}

/** Alive complaints opened or resolved in a month (each once), in opening order: the report's complaints. */
export async function complaintsInMonth(db: ClientDeskDb, month: MonthRef, timeZone?: string): Promise<Complaint[]> {
  const { first, last } = monthRange(month, timeZone);
  const [opened, resolved] = await db.transaction('r', db.complaints, () =>
    Promise.all([
      db.complaints.where('openedAt').between(first, last, true, true).toArray(),
      db.complaints.where('resolvedAt').between(first, last, true, true).toArray(),
    ]),
  );
  const unique = new Map([...opened, ...resolved].filter((c) => !c.deletedAt).map((c) => [c.id, c]));
  return [...unique.values()].sort(byOpened);
}
