import { describe, expect, it, vi } from 'vitest';
import { buildClient } from '@/lib/db/records';
import { freshDb, testSettings } from '@/lib/db/test-helpers';
import type { Complaint, Contract } from '@/lib/domain/types';
import { messageSchema } from '@/lib/messaging/protocol';
import type { HandlerContext } from './context';
import { handleMessage } from './index';

async function setup() {
  const db = freshDb();
  const settings = testSettings({ timeZone: 'Europe/Moscow' });
  const client = buildClient({ name: 'Rosstal' }, settings.managerId);
  await db.clients.add(client);
  const dataChanged = vi.fn(async () => {});
  const badgeChanged = vi.fn(async () => {});
  const ctx = { db, settings: async () => settings, badgeChanged, hub: { dataChanged } } as unknown as HandlerContext;
  /** Parses like the background does, then handles. */
  const send = <T,>(raw: unknown) => handleMessage(messageSchema.parse(raw), ctx) as Promise<T>;
  return { db, client, ctx, send, dataChanged, badgeChanged };
}

const contractFields = {
  number: ' 12/26 ',
  date: '2026-06-25',
  amount: 120000,
  currency: 'RUB',
  status: 'signed',
  obligations: [{ kind: 'delivery', title: ' Ship ', dueDate: '2026-07-01', done: false }],
  notes: '',
};
const complaintFields = { openedAt: '2026-06-20', subject: ' Bent rebar ', details: '', status: 'open', resolution: '' };

const refusal = (raw: unknown) => {
  const parsed = messageSchema.safeParse(raw);
  return parsed.success ? null : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('contract and complaint messages', () => {
  it('accept the form shapes, and refuse bad values', () => {
    const save = { type: 'pageToBackground.saveContract', clientId: 'c1', contractId: null, fields: contractFields };
    expect(refusal(save)).toBeNull();
    expect(refusal({ ...save, fields: { ...contractFields, currency: 'rub' } })).toEqual(['fields.currency']);
    expect(refusal({ ...save, fields: { ...contractFields, amount: -1 } })).toEqual(['fields.amount']);
    expect(refusal({ ...save, fields: { ...contractFields, amount: Infinity } })).toEqual(['fields.amount']);
    expect(refusal({ ...save, fields: { ...contractFields, date: '2026-02-30' } })).toEqual(['fields.date']);
    expect(refusal({ ...save, fields: { ...contractFields, status: 'won' } })).toEqual(['fields.status']);
    const many = Array.from({ length: 101 }, () => contractFields.obligations[0]);
    expect(refusal({ ...save, fields: { ...contractFields, obligations: many } })).toEqual(['fields.obligations']);
    expect(refusal({ type: 'pageToBackground.setObligationDone', contractId: 'k', obligationId: 'o', done: 'yes' })).toEqual(['done']);
    const complaint = { type: 'pageToBackground.saveComplaint', clientId: 'c1', complaintId: null, fields: complaintFields };
    expect(refusal(complaint)).toBeNull();
    expect(refusal({ ...complaint, fields: { ...complaintFields, subject: '   ' } })).toEqual(['fields.subject']);
    expect(refusal({ ...complaint, fields: { ...complaintFields, status: 'closed' } })).toEqual(['fields.status']);
    expect(refusal({ type: 'pageToBackground.deleteComplaint' })).toEqual(['complaintId']);
  });

  it('save, mark done and remove a contract, announcing each change to the sidebars and the badge', async () => {
    const { db, client, send, dataChanged, badgeChanged } = await setup();
    const contract = await send<Contract>({ type: 'pageToBackground.saveContract', clientId: client.id, contractId: null, fields: contractFields });
    expect(contract).toMatchObject({ number: '12/26', status: 'signed', firstContract: true, obligations: [{ title: 'Ship', done: false }] });
    const stale = { type: 'pageToBackground.saveContract', clientId: client.id, contractId: contract.id, fields: contractFields, expectedUpdatedAt: '2000-01-01T00:00:00.000Z' };
    await expect(send(stale)).rejects.toThrow(/changed elsewhere/);
    const done = await send<Contract>({ type: 'pageToBackground.setObligationDone', contractId: contract.id, obligationId: contract.obligations[0]!.id, done: true });
    expect(done.obligations[0]!.done).toBe(true);
    await send({ type: 'pageToBackground.deleteContract', contractId: contract.id });
    expect((await db.contracts.get(contract.id))?.deletedAt).not.toBeNull();
    expect(dataChanged).toHaveBeenCalledTimes(3);
    expect(badgeChanged).toHaveBeenCalledTimes(3);
  });

  it('save and remove a complaint, trimming its text', async () => {
    const { db, client, send, dataChanged, badgeChanged } = await setup();
    const complaint = await send<Complaint>({ type: 'pageToBackground.saveComplaint', clientId: client.id, complaintId: null, fields: complaintFields });
    expect(complaint.subject).toBe('Bent rebar');
    const resolved = await send<Complaint>({
      type: 'pageToBackground.saveComplaint', clientId: client.id, complaintId: complaint.id, fields: { ...complaintFields, status: 'resolved', resolution: ' Replaced ' }, expectedUpdatedAt: complaint.updatedAt,
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Replaced', resolvedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    await send({ type: 'pageToBackground.deleteComplaint', complaintId: complaint.id });
    expect((await db.complaints.get(complaint.id))?.deletedAt).not.toBeNull();
    expect(dataChanged).toHaveBeenCalledTimes(3);
    expect(badgeChanged).toHaveBeenCalledTimes(3);
  });
});
