import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayCounts } from '@/lib/background/badge';
import { addActivity } from './clients';
import {
  contractsSignedInMonth,
  contractsWithOpenObligations,
  countNewClientContractsInMonth,
  deleteContract,
  formatContractAmount,
  monthRange,
  saveContract,
  setObligationDone,
  signedSummary,
  StaleContractError,
  type ContractFields,
} from './contracts';
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

function fields(patch: Partial<ContractFields> = {}): ContractFields {
  return { number: '12/26', date: '2026-06-25', amount: 120000, currency: 'RUB', status: 'draft', obligations: [], notes: '', ...patch };
}

const contractActivities = async (db: ReturnType<typeof freshDb>) => db.activities.where('[type+dayKey]').between(['contract', ''], ['contract', '\uffff']).toArray();

afterEach(() => {
  vi.useRealTimers();
});

describe('saveContract', () => {
  it('adds a draft with its full shape: new obligations get ids, no signing day, nothing on the timeline', async () => {
    const { db, settings, rosstal } = await setup();
    const contract = await saveContract(
      db,
      rosstal.id,
      null,
      fields({ obligations: [{ kind: 'delivery', title: 'Rebar, 20 t', dueDate: '2026-07-10', done: false }] }),
      settings,
    );
    expect(contract).toMatchObject({ clientId: rosstal.id, ownerId: settings.managerId, status: 'draft', signedAt: null, deletedAt: null, notes: '' });
    expect(contract.obligations).toEqual([{ id: expect.any(String), kind: 'delivery', title: 'Rebar, 20 t', dueDate: '2026-07-10', done: false, doneAt: null }]);
    expect(await db.contracts.get(contract.id)).toEqual(contract);
    expect(await contractActivities(db)).toEqual([]);
  });

  it('on signing sets signedAt to today in the settings time zone and puts the signing on the timeline', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(JULY_1_MOSCOW);
    const { db, settings, rosstal } = await setup();
    const draft = await saveContract(db, rosstal.id, null, fields(), settings);
    const signed = await saveContract(db, rosstal.id, draft.id, fields({ status: 'signed' }), settings, draft.updatedAt);
    expect(signed.signedAt).toBe('2026-07-01');
    expect(signed.updatedAt > draft.updatedAt).toBe(true);
    expect(await contractActivities(db)).toEqual([
      expect.objectContaining({ type: 'contract', clientId: rosstal.id, dayKey: '2026-07-01', channelRef: `contract:${draft.id}`, summary: 'Contract 12/26 signed: 120 000 RUB' }),
    ]);
  });

  it('adds the signing to the timeline once, however often it is saved, fulfilled, cancelled or signed again', async () => {
    const { db, settings, rosstal } = await setup();
    let contract = await saveContract(db, rosstal.id, null, fields({ status: 'signed' }), settings);
    for (const status of ['signed', 'fulfilled', 'cancelled', 'negotiation', 'signed'] as const) {
      contract = await saveContract(db, rosstal.id, contract.id, fields({ status }), settings);
    }
    expect((await contractActivities(db)).map((a) => a.channelRef)).toEqual([`contract:${contract.id}`]);
  });

  it('keeps a given signing day, keeps it when cancelled, and drops it when back in negotiation', async () => {
    const { db, settings, rosstal } = await setup();
    const signed = await saveContract(db, rosstal.id, null, fields({ status: 'signed', signedAt: '2026-05-20' }), settings);
    expect(signed.signedAt).toBe('2026-05-20');
    const fulfilled = await saveContract(db, rosstal.id, signed.id, fields({ status: 'fulfilled' }), settings);
    expect(fulfilled.signedAt).toBe('2026-05-20');
    const cancelled = await saveContract(db, rosstal.id, signed.id, fields({ status: 'cancelled' }), settings);
    expect(cancelled.signedAt).toBe('2026-05-20');
    const reopened = await saveContract(db, rosstal.id, signed.id, fields({ status: 'negotiation' }), settings);
    expect(reopened.signedAt).toBeNull();
  });

  it('summarizes a signing without a number or an amount', () => {
    expect(signedSummary({ number: ' ', amount: null, currency: 'EUR' })).toBe('Contract signed');
    expect(signedSummary({ number: 'A-7', amount: 1200.5, currency: 'EUR' })).toBe('Contract A-7 signed: 1 200.50 EUR');
    expect(formatContractAmount(0)).toBe('0');
    expect(formatContractAmount(1234567)).toBe('1 234 567');
  });

  it('refuses a stale edit and keeps the version saved elsewhere', async () => {
    const { db, settings, rosstal } = await setup();
    const opened = await saveContract(db, rosstal.id, null, fields(), settings);
    const elsewhere = await saveContract(db, rosstal.id, opened.id, fields({ notes: 'Saved in the other tab' }), settings, opened.updatedAt);
    const stale = saveContract(db, rosstal.id, opened.id, fields({ notes: 'Mine' }), settings, opened.updatedAt);
    await expect(stale).rejects.toBeInstanceOf(StaleContractError);
    await expect(stale).rejects.toThrow(/changed elsewhere/);
    expect(await db.contracts.get(opened.id)).toEqual(elsewhere);
  });

  it('refuses a contract of another client, a removed contract and a removed client', async () => {
    const { db, settings, rosstal, volga } = await setup();
    const contract = await saveContract(db, rosstal.id, null, fields(), settings);
    await expect(saveContract(db, volga.id, contract.id, fields(), settings)).rejects.toThrow(/no longer exists/);
    await deleteContract(db, contract.id);
    await expect(saveContract(db, rosstal.id, contract.id, fields(), settings)).rejects.toThrow(/no longer exists/);
    await db.clients.update(volga.id, { deletedAt: '2026-01-01T00:00:00.000Z' });
    await expect(saveContract(db, volga.id, null, fields(), settings)).rejects.toThrow(/client card no longer exists/);
  });

  it('keeps obligation ids and when they were done; a repeated id becomes a new obligation', async () => {
    const { db, settings, rosstal } = await setup();
    const first = await saveContract(db, rosstal.id, null, fields({ obligations: [{ kind: 'payment', title: 'Prepay', dueDate: null, done: true }] }), settings);
    const prepay = first.obligations[0]!;
    expect(prepay.doneAt).not.toBeNull();
    const next = await saveContract(
      db,
      rosstal.id,
      first.id,
      fields({
        obligations: [
          { id: prepay.id, kind: 'payment', title: 'Prepayment 30%', dueDate: '2026-07-01', done: true },
          { id: prepay.id, kind: 'delivery', title: 'Copy', dueDate: null, done: false },
        ],
      }),
      settings,
    );
    expect(next.obligations[0]).toEqual({ ...prepay, title: 'Prepayment 30%', dueDate: '2026-07-01' });
    expect(next.obligations[1]!.id).not.toBe(prepay.id);
  });
});

describe('firstContract', () => {
  it('defaults to true while the client has no other signed or fulfilled contract', async () => {
    const { db, settings, rosstal, volga } = await setup();
    const draft = await saveContract(db, rosstal.id, null, fields(), settings);
    expect(draft.firstContract).toBe(true);
    const signed = await saveContract(db, rosstal.id, null, fields({ status: 'signed' }), settings);
    expect(signed.firstContract).toBe(true);
    expect((await saveContract(db, rosstal.id, null, fields(), settings)).firstContract).toBe(false);
    // Another client's contracts do not matter; a removed signed contract does not count.
    expect((await saveContract(db, volga.id, null, fields(), settings)).firstContract).toBe(true);
    await deleteContract(db, signed.id);
    expect((await saveContract(db, rosstal.id, null, fields(), settings)).firstContract).toBe(true);
  });

  it('is computed again when a contract becomes signed after another one was, unless given', async () => {
    const { db, settings, rosstal } = await setup();
    const a = await saveContract(db, rosstal.id, null, fields({ number: 'A' }), settings);
    const b = await saveContract(db, rosstal.id, null, fields({ number: 'B' }), settings);
    expect([a.firstContract, b.firstContract]).toEqual([true, true]);
    await saveContract(db, rosstal.id, a.id, fields({ number: 'A', status: 'signed' }), settings);
    const bSigned = await saveContract(db, rosstal.id, b.id, fields({ number: 'B', status: 'signed' }), settings);
    expect(bSigned.firstContract).toBe(false);
    // Kept on a later edit; the user's explicit value always wins.
    expect((await saveContract(db, rosstal.id, b.id, fields({ number: 'B', status: 'fulfilled' }), settings)).firstContract).toBe(false);
    expect((await saveContract(db, rosstal.id, b.id, fields({ number: 'B', status: 'fulfilled', firstContract: true }), settings)).firstContract).toBe(true);
    expect((await saveContract(db, rosstal.id, null, fields({ firstContract: true }), settings)).firstContract).toBe(true);
  });
});

describe('setObligationDone and deleteContract', () => {
  it('marks one obligation done with the time, and not done again', async () => {
    const { db, settings, rosstal } = await setup();
    const contract = await saveContract(
      db,
      rosstal.id,
      null,
      fields({ obligations: [{ kind: 'delivery', title: 'Ship', dueDate: '2026-07-01', done: false }, { kind: 'payment', title: 'Pay', dueDate: null, done: false }] }),
      settings,
    );
    const [ship, pay] = contract.obligations;
    const done = await setObligationDone(db, contract.id, ship!.id, true);
    expect(done.obligations[0]).toMatchObject({ done: true, doneAt: done.updatedAt });
    expect(done.obligations[1]).toEqual(pay);
    expect(done.updatedAt > contract.updatedAt).toBe(true);
    expect(await db.contracts.get(contract.id)).toEqual(done);
    const undone = await setObligationDone(db, contract.id, ship!.id, false);
    expect(undone.obligations[0]).toMatchObject({ done: false, doneAt: null });
    await expect(setObligationDone(db, contract.id, 'nope', true)).rejects.toThrow(/obligation no longer exists/);
  });

  it('tombstones a contract (once), leaving the signing on the timeline', async () => {
    const { db, settings, rosstal } = await setup();
    const contract = await saveContract(db, rosstal.id, null, fields({ status: 'signed' }), settings);
    await deleteContract(db, contract.id);
    const gone = await db.contracts.get(contract.id);
    expect(gone?.deletedAt).toBe(gone?.updatedAt);
    expect(gone!.deletedAt! > contract.updatedAt).toBe(true);
    await deleteContract(db, contract.id);
    expect(await db.contracts.get(contract.id)).toEqual(gone);
    expect(await contractActivities(db)).toHaveLength(1);
    await expect(setObligationDone(db, contract.id, 'x', true)).rejects.toThrow(/contract no longer exists/);
  });
});

describe('monthly reads', () => {
  async function signedIn() {
    const s = await setup();
    const sign = (clientId: string, signedAt: string, firstContract: boolean) =>
      saveContract(s.db, clientId, null, fields({ number: signedAt, status: 'signed', signedAt, firstContract }), s.settings);
    const june30 = await sign(s.rosstal.id, '2026-06-30', true);
    const july1 = await sign(s.rosstal.id, '2026-07-01', true);
    const july31 = await sign(s.volga.id, '2026-07-31', false);
    const removed = await sign(s.volga.id, '2026-07-15', true);
    await deleteContract(s.db, removed.id);
    await saveContract(s.db, s.volga.id, null, fields(), s.settings); // a draft: never in a month
    return { ...s, june30, july1, july31 };
  }

  it('lists the alive contracts signed in a month, by month, day or instant', async () => {
    const { db, july1, july31 } = await signedIn();
    const numbers = (list: { number: string }[]) => list.map((c) => c.number);
    expect(numbers(await contractsSignedInMonth(db, '2026-07'))).toEqual([july1.number, july31.number]);
    expect(numbers(await contractsSignedInMonth(db, '2026-07-20'))).toEqual([july1.number, july31.number]);
    expect(numbers(await contractsSignedInMonth(db, JULY_1_MOSCOW, 'Europe/Moscow'))).toEqual([july1.number, july31.number]);
    expect(numbers(await contractsSignedInMonth(db, JULY_1_MOSCOW, 'UTC'))).toEqual(['2026-06-30']);
  });

  it('counts only first contracts for the quota', async () => {
    const { db } = await signedIn();
    expect(await countNewClientContractsInMonth(db, '2026-07-10')).toBe(1);
    expect(await countNewClientContractsInMonth(db, '2026-06')).toBe(1);
    expect(await countNewClientContractsInMonth(db, '2026-08-01')).toBe(0);
  });

  it('refuses what is not a month', () => {
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(() => monthRange('July')).toThrow(/not a month/);
  });

  it('lists signed contracts with an obligation not done', async () => {
    const { db, settings, rosstal } = await setup();
    const open = [{ kind: 'delivery' as const, title: 'Ship', dueDate: '2026-07-01', done: false }];
    const waiting = await saveContract(db, rosstal.id, null, fields({ status: 'signed', obligations: open }), settings);
    await saveContract(db, rosstal.id, null, fields({ status: 'signed', obligations: [{ ...open[0]!, done: true }] }), settings);
    await saveContract(db, rosstal.id, null, fields({ status: 'draft', obligations: open }), settings);
    expect((await contractsWithOpenObligations(db)).map((c) => c.id)).toEqual([waiting.id]);
  });
});

describe('the badge: new-client contracts this month', () => {
  it('counts first contracts signed this month, and the older contract activities, each once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(JULY_1_MOSCOW);
    const { db, settings, rosstal, volga } = await setup();
    const newContracts = async () => (await todayCounts(db, settings, JULY_1_MOSCOW)).newContracts;
    expect(await newContracts()).toBe(0);

    await saveContract(db, rosstal.id, null, fields({ status: 'signed' }), settings); // first: counts, with its activity not counted again
    expect(await newContracts()).toBe(1);
    await saveContract(db, rosstal.id, null, fields({ status: 'signed' }), settings); // a second contract of the same client
    await saveContract(db, volga.id, null, fields({ status: 'signed', signedAt: '2026-06-30' }), settings); // last month
    expect(await newContracts()).toBe(1);

    // A 'contract' activity from before contract records (a restored backup) counts as it always did.
    await addActivity(db, { type: 'contract', clientId: volga.id, channelRef: 'ref-5', summary: 'Old contract' }, settings, JULY_1_MOSCOW);
    expect(await newContracts()).toBe(2);
  });
});
