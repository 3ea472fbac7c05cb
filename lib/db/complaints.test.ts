import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadClientPage } from './client-list';
import {
  allOpenComplaints,
  complaintsInMonth,
  deleteComplaint,
  openComplaintsOf,
  saveComplaint,
  StaleComplaintError,
  type ComplaintFields,
} from './complaints';
import { deleteContract, saveContract } from './contracts';
import { buildClient } from './records';
import { freshDb, testSettings } from './test-helpers';

// 23:30 on 30 June in UTC is already 1 July in Moscow: "today" must be read in the settings' zone.
const JULY_1_MOSCOW = new Date('2026-06-30T21:30:00Z');

async function setup() {
  const db = freshDb();
  const settings = testSettings({ timeZone: 'Europe/Moscow' });
  const rosstal = buildClient({ name: 'Rosstal' }, settings.managerId);
  const volga = buildClient({ name: 'Volga' }, settings.managerId);
  await db.clients.bulkAdd([rosstal, volga]);
  return { db, settings, rosstal, volga };
}

function fields(patch: Partial<ComplaintFields> = {}): ComplaintFields {
  return { openedAt: '2026-06-20', subject: 'Damaged rebar', details: 'Two bundles bent', status: 'open', resolution: '', ...patch };
}

/** The complaint events on the timeline, by channelRef (so by complaint, then "opened" before "resolved"). */
const timeline = async (db: ReturnType<typeof freshDb>) =>
  (await db.activities.where('[type+dayKey]').between(['complaint', ''], ['complaint', '\uffff']).toArray())
    .map((a) => ({ ref: a.channelRef ?? '', summary: a.summary, day: a.dayKey }))
    .sort((a, b) => a.ref.localeCompare(b.ref));

afterEach(() => {
  vi.useRealTimers();
});

describe('saveComplaint', () => {
  it('opens a complaint with its full shape and puts the opening on the timeline', async () => {
    const { db, settings, rosstal } = await setup();
    const complaint = await saveComplaint(db, rosstal.id, null, fields(), settings);
    expect(complaint).toMatchObject({ ...fields(), clientId: rosstal.id, ownerId: settings.managerId, resolvedAt: null, deletedAt: null });
    expect(await db.complaints.get(complaint.id)).toEqual(complaint);
    expect(await timeline(db)).toEqual([{ ref: `complaint:${complaint.id}:opened`, summary: 'Complaint opened: Damaged rebar', day: expect.any(String) }]);
  });

  it('sets resolvedAt to today in the settings time zone when resolved, clears it when reopened, and logs each event once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(JULY_1_MOSCOW);
    const { db, settings, rosstal } = await setup();
    const opened = await saveComplaint(db, rosstal.id, null, fields(), settings);
    const working = await saveComplaint(db, rosstal.id, opened.id, fields({ status: 'in-progress' }), settings, opened.updatedAt);
    expect(working.resolvedAt).toBeNull();
    const resolved = await saveComplaint(db, rosstal.id, opened.id, fields({ status: 'resolved', resolution: 'Replaced' }), settings, working.updatedAt);
    expect(resolved.resolvedAt).toBe('2026-07-01');
    vi.setSystemTime(new Date('2026-07-05T09:00:00Z'));
    const again = await saveComplaint(db, rosstal.id, opened.id, fields({ status: 'resolved', resolution: 'Replaced and discounted' }), settings);
    expect(again.resolvedAt).toBe('2026-07-01');
    const reopened = await saveComplaint(db, rosstal.id, opened.id, fields({ status: 'open' }), settings);
    expect(reopened.resolvedAt).toBeNull();
    const resolvedAgain = await saveComplaint(db, rosstal.id, opened.id, fields({ status: 'resolved' }), settings);
    expect(resolvedAgain.resolvedAt).toBe('2026-07-05');
    expect(await timeline(db)).toEqual([
      { ref: `complaint:${opened.id}:opened`, summary: 'Complaint opened: Damaged rebar', day: '2026-07-01' },
      { ref: `complaint:${opened.id}:resolved`, summary: 'Complaint resolved: Damaged rebar — Replaced', day: '2026-07-01' },
    ]);
  });

  it('logs both events for a complaint entered already resolved', async () => {
    const { db, settings, rosstal } = await setup();
    const complaint = await saveComplaint(db, rosstal.id, null, fields({ status: 'resolved' }), settings);
    expect(complaint.resolvedAt).not.toBeNull();
    expect((await timeline(db)).map((e) => e.ref)).toEqual([`complaint:${complaint.id}:opened`, `complaint:${complaint.id}:resolved`]);
  });

  it('refuses a stale edit, keeping the version saved elsewhere', async () => {
    const { db, settings, rosstal } = await setup();
    const opened = await saveComplaint(db, rosstal.id, null, fields(), settings);
    const elsewhere = await saveComplaint(db, rosstal.id, opened.id, fields({ details: 'Other tab' }), settings, opened.updatedAt);
    const stale = saveComplaint(db, rosstal.id, opened.id, fields({ status: 'resolved' }), settings, opened.updatedAt);
    await expect(stale).rejects.toBeInstanceOf(StaleComplaintError);
    await expect(stale).rejects.toThrow(/changed elsewhere/);
    expect(await db.complaints.get(opened.id)).toEqual(elsewhere);
    expect((await timeline(db)).map((e) => e.ref)).toEqual([`complaint:${opened.id}:opened`]);
  });

  it('refuses an empty subject, another client, a removed complaint and a removed client', async () => {
    const { db, settings, rosstal, volga } = await setup();
    await expect(saveComplaint(db, rosstal.id, null, fields({ subject: '  ' }), settings)).rejects.toThrow(/needs a subject/);
    const complaint = await saveComplaint(db, rosstal.id, null, fields(), settings);
    await expect(saveComplaint(db, volga.id, complaint.id, fields(), settings)).rejects.toThrow(/no longer exists/);
    await deleteComplaint(db, complaint.id);
    await expect(saveComplaint(db, rosstal.id, complaint.id, fields(), settings)).rejects.toThrow(/no longer exists/);
    await db.clients.update(volga.id, { deletedAt: '2026-01-01T00:00:00.000Z' });
    await expect(saveComplaint(db, volga.id, null, fields(), settings)).rejects.toThrow(/client card no longer exists/);
  });
});

describe('complaint reads', () => {
  it('tombstones a complaint once, keeping its events', async () => {
    const { db, settings, rosstal } = await setup();
    const complaint = await saveComplaint(db, rosstal.id, null, fields(), settings);
    await deleteComplaint(db, complaint.id);
    const gone = await db.complaints.get(complaint.id);
    expect(gone?.deletedAt).toBe(gone?.updatedAt);
    await deleteComplaint(db, complaint.id);
    expect(await db.complaints.get(complaint.id)).toEqual(gone);
    expect(await timeline(db)).toHaveLength(1);
  });

  it("lists a client's open and in-progress complaints, the longest waiting first", async () => {
    const { db, settings, rosstal, volga } = await setup();
    const later = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-06-25', status: 'in-progress' }), settings);
    const earlier = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-06-01' }), settings);
    await saveComplaint(db, rosstal.id, null, fields({ status: 'resolved' }), settings);
    const removed = await saveComplaint(db, rosstal.id, null, fields(), settings);
    await deleteComplaint(db, removed.id);
    const other = await saveComplaint(db, volga.id, null, fields({ openedAt: '2026-06-10' }), settings);
    expect((await openComplaintsOf(db, rosstal.id)).map((c) => c.id)).toEqual([earlier.id, later.id]);
    expect((await allOpenComplaints(db)).map((c) => c.id)).toEqual([earlier.id, other.id, later.id]);
  });

  it('lists the complaints opened or resolved in a month, each once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(JULY_1_MOSCOW);
    const { db, settings, rosstal } = await setup();
    const junePending = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-06-05' }), settings);
    const juneResolvedInJuly = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-06-10', status: 'resolved' }), settings);
    const july = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-07-01', status: 'resolved' }), settings);
    const removed = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-07-02' }), settings);
    await deleteComplaint(db, removed.id);
    expect((await complaintsInMonth(db, '2026-07')).map((c) => c.id)).toEqual([juneResolvedInJuly.id, july.id]);
    expect((await complaintsInMonth(db, JULY_1_MOSCOW, 'UTC')).map((c) => c.id)).toEqual([junePending.id, juneResolvedInJuly.id]);
  });
});

describe('the client page', () => {
  it('brings the alive contracts (latest first) and complaints (latest opened first) of the client', async () => {
    const { db, settings, rosstal, volga } = await setup();
    const contract = (number: string, date: string | null) =>
      saveContract(db, rosstal.id, null, { number, date, amount: null, currency: 'RUB', status: 'draft', obligations: [], notes: '' }, settings);
    const older = await contract('1', '2026-01-10');
    const newer = await contract('2', '2026-05-10');
    const removed = await contract('3', '2026-06-10');
    await deleteContract(db, removed.id);
    await saveContract(db, volga.id, null, { number: 'V', date: null, amount: null, currency: 'RUB', status: 'draft', obligations: [], notes: '' }, settings);
    const resolved = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-03-01', status: 'resolved' }), settings);
    const open = await saveComplaint(db, rosstal.id, null, fields({ openedAt: '2026-06-01' }), settings);

    const page = await loadClientPage(db, rosstal.id);
    expect(page?.contracts.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(page?.complaints.map((c) => c.id)).toEqual([open.id, resolved.id]);
    expect(page?.activities.some((a) => a.type === 'complaint')).toBe(true);
  });
});
