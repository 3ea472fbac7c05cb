import { dayKey, monthOf } from '@/lib/domain/day-key';
import { SIGNED_CONTRACT_STATUSES, type Client, type Contract, type ContractStatus, type Obligation, type Settings } from '@/lib/domain/types';
import { addActivity } from './clients';
import { newId, nowIso, type ClientDeskDb } from './database';
import { laterThan, newRecord } from './records';

// Contracts on the client card (issue 7): writes behind the card's contract form, and the reads the
// badge, Today and the monthly report need. Removal is a tombstone; the timeline keeps its facts.

/** An obligation as a form sends it: without an id when it is new. */
export type ObligationInput = Omit<Obligation, 'id' | 'doneAt'> & { id?: string };

export type ContractFields = Pick<Contract, 'number' | 'date' | 'amount' | 'currency' | 'status' | 'notes'> & {
  obligations: ObligationInput[];
  /** Omitted: the day it becomes signed (settings time zone), kept while signed. */
  signedAt?: string | null;
  /** Omitted: true when the client has no other signed or fulfilled contract (see `firstContractFor`). */
  firstContract?: boolean;
};

/** A month: an instant (read in the time zone), 'YYYY-MM', or any day 'YYYY-MM-DD' in it. */
export type MonthRef = Date | string;

export class StaleContractError extends Error {
  constructor(public readonly current: Contract) {
    super('This contract was changed elsewhere since you opened it. Your edit was not saved; the page now shows the latest version.');
  }
}

export const isSignedStatus = (status: ContractStatus): boolean => SIGNED_CONTRACT_STATUSES.includes(status);

/** First and last day keys of a month. */
export function monthRange(month: MonthRef, timeZone?: string): { first: string; last: string } {
  if (month instanceof Date) return monthOf(dayKey(month, timeZone));
  if (/^\d{4}-\d{2}$/.test(month)) return monthOf(`${month}-01`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(month)) return monthOf(month);
  throw new Error(`"${month}" is not a month (YYYY-MM) or a day (YYYY-MM-DD)`);
}

/** "120 000" or "1 200.50": digits grouped by spaces, as the timeline shows amounts. */
export function formatContractAmount(amount: number): string {
  const [whole = '', fraction = '00'] = amount.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction === '00' ? grouped : `${grouped}.${fraction}`;
}

/** "Contract 12/26 signed: 120 000 RUB" */
export function signedSummary(contract: Pick<Contract, 'number' | 'amount' | 'currency'>): string {
  const name = contract.number.trim() ? `Contract ${contract.number.trim()}` : 'Contract';
  return contract.amount === null ? `${name} signed` : `${name} signed: ${formatContractAmount(contract.amount)} ${contract.currency}`;
}

export const contractChannelRef = (contractId: string): string => `contract:${contractId}`;

/** The default of `firstContract`: none of the client's other contracts is signed or fulfilled. */
export function firstContractFor(others: readonly Pick<Contract, 'status' | 'deletedAt'>[]): boolean {
  return !others.some((c) => !c.deletedAt && isSignedStatus(c.status));
}

/** Keeps each obligation's id and the time it was marked done; new ones (or a repeated id) get a new id. */
export function mergeObligations(previous: readonly Obligation[], inputs: readonly ObligationInput[], now = nowIso()): Obligation[] {
  const before = new Map(previous.map((o) => [o.id, o]));
  const used = new Set<string>();
  return inputs.map((input) => {
    const id = input.id && !used.has(input.id) ? input.id : newId();
    used.add(id);
    const old = before.get(id);
    const doneAt = input.done ? (old?.done && old.doneAt ? old.doneAt : now) : null;
    return { id, kind: input.kind, title: input.title, dueDate: input.dueDate, done: input.done, doneAt };
  });
}

/** Signed or fulfilled: the given day, else the day it was signed, else today. Cancelled keeps it; draft and negotiation have none. */
function signedAtFor(status: ContractStatus, given: string | null | undefined, previous: string | null, today: string): string | null {
  if (isSignedStatus(status)) return given ?? previous ?? today;
  if (status === 'cancelled') return given === undefined ? previous : given;
  return null;
}

async function aliveClient(db: ClientDeskDb, clientId: string): Promise<Client> {
  const client = await db.clients.get(clientId);
  if (!client || client.deletedAt) throw new Error('This client card no longer exists.');
  return client;
}

async function editableContract(db: ClientDeskDb, clientId: string, contractId: string, expectedUpdatedAt?: string): Promise<Contract> {
  const current = await db.contracts.get(contractId);
  if (!current || current.deletedAt || current.clientId !== clientId) throw new Error('This contract no longer exists.');
  if (expectedUpdatedAt && current.updatedAt !== expectedUpdatedAt) throw new StaleContractError(current);
  return current;
}

/** The signing on the timeline, once per contract whatever happens to it later (channelRef `contract:<id>`). */
async function recordSigning(db: ClientDeskDb, contract: Contract, settings: Settings): Promise<void> {
  const channelRef = contractChannelRef(contract.id);
  if ((await db.activities.where('channelRef').equals(channelRef).count()) > 0) return;
  await addActivity(db, { type: 'contract', clientId: contract.clientId, channelRef, summary: signedSummary(contract) }, settings);
}

/**
 * Adds a contract (contractId null) or replaces an existing one's fields, refusing a stale edit
 * (with `expectedUpdatedAt`). When it first becomes signed (or fulfilled), `signedAt` is set and
 * a 'contract' activity is appended to the client's timeline.
 * `firstContract`, when omitted, is computed for a new contract and when the contract becomes
 * signed (another one may have been signed meanwhile); otherwise the stored value stays.
 */
export async function saveContract(
  db: ClientDeskDb,
  clientId: string,
  contractId: string | null,
  fields: ContractFields,
  settings: Settings,
  expectedUpdatedAt?: string,
): Promise<Contract> {
  return db.transaction('rw', [db.clients, db.contracts, db.activities], async () => {
    await aliveClient(db, clientId);
    const current = contractId === null ? null : await editableContract(db, clientId, contractId, expectedUpdatedAt);
    const becomesSigned = isSignedStatus(fields.status) && !(current && isSignedStatus(current.status));
    const { obligations, signedAt, firstContract, ...rest } = fields;
    const others = await db.contracts.where('clientId').equals(clientId).filter((c) => c.id !== contractId).toArray();
    const contract: Contract = {
      ...(current ?? newRecord(settings.managerId)),
      ...rest,
      clientId,
      signedAt: signedAtFor(fields.status, signedAt, current?.signedAt ?? null, dayKey(new Date(), settings.timeZone)),
      firstContract: firstContract ?? (current && !becomesSigned ? current.firstContract : firstContractFor(others)),
      obligations: mergeObligations(current?.obligations ?? [], obligations),
      ...(current ? { updatedAt: laterThan(current.updatedAt) } : {}),
    };
    await db.contracts.put(contract);
    if (becomesSigned) await recordSigning(db, contract, settings);
    return contract;
  });
}

/** Marks one obligation done (with the time) or not done. */
export async function setObligationDone(db: ClientDeskDb, contractId: string, obligationId: string, done: boolean): Promise<Contract> {
  return db.transaction('rw', db.contracts, async () => {
    const current = await db.contracts.get(contractId);
    if (!current || current.deletedAt) throw new Error('This contract no longer exists.');
    if (!current.obligations.some((o) => o.id === obligationId)) throw new Error('This obligation no longer exists.');
    const now = laterThan(current.updatedAt);
    const obligations = current.obligations.map((o) => (o.id !== obligationId || o.done === done ? o : { ...o, done, doneAt: done ? now : null }));
    const next: Contract = { ...current, obligations, updatedAt: now };
    await db.contracts.put(next);
    return next;
  });
}

/** Tombstones a contract; the signing on the timeline stays (a fact). Removing a removed one does nothing. */
export async function deleteContract(db: ClientDeskDb, contractId: string): Promise<void> {
  await db.transaction('rw', db.contracts, async () => {
    const contract = await db.contracts.get(contractId);
    if (!contract || contract.deletedAt) return;
    const now = laterThan(contract.updatedAt);
    await db.contracts.update(contractId, { deletedAt: now, updatedAt: now });
  });
}

/** A client's alive contracts, the latest first (by contract date, else by creation). */
export async function contractsOf(db: ClientDeskDb, clientId: string): Promise<Contract[]> {
  const contracts = await db.contracts.where('clientId').equals(clientId).filter((c) => !c.deletedAt).toArray();
  const key = (c: Contract) => `${c.date ?? c.createdAt.slice(0, 10)} ${c.createdAt}`;
  return contracts.sort((a, b) => key(b).localeCompare(key(a)));
}

/** Alive contracts signed in a month (the `signedAt` index), in signing order. */
export async function contractsSignedInMonth(db: ClientDeskDb, month: MonthRef, timeZone?: string): Promise<Contract[]> {
  const { first, last } = monthRange(month, timeZone);
  const contracts = await db.contracts.where('signedAt').between(first, last, true, true).filter((c) => !c.deletedAt).toArray();
  return contracts.sort((a, b) => (a.signedAt ?? '').localeCompare(b.signedAt ?? ''));
}

/** Contracts with new clients signed in the month of `day` (YYYY-MM-DD or YYYY-MM): the monthly quota. */
export function countNewClientContractsInMonth(db: ClientDeskDb, day: string): Promise<number> {
  const { first, last } = monthRange(day);
  return db.contracts
    .where('signedAt')
    .between(first, last, true, true)
    .filter((c) => !c.deletedAt && c.firstContract)
    .count();
}

/** Signed (not yet fulfilled) alive contracts with an obligation not done: what Today follows up. */
export function contractsWithOpenObligations(db: ClientDeskDb): Promise<Contract[]> {
  return db.contracts
    .where('status')
    .equals('signed')
    .filter((c) => !c.deletedAt && c.obligations.some((o) => !o.done))
    .toArray();
}
