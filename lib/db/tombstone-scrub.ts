import type { Activity, Client, Complaint, Contact, Contract, SyncedRecord } from '@/lib/domain/types';
import { clientDefaults, contactDefaults } from './normalize';

// What is left of a removed record (issue 12.9): a tombstone keeps only what replication and merging
// need (id, owner, times, the tombstone itself, links and the markers reports count by) and no
// personal data. The database scrubs tombstones once the undo period has passed; a backup file
// gets them scrubbed at once, whatever their age. Whitelists, not blacklists: a field added to a
// record later (by another feature) is dropped from a tombstone unless it is listed here. Pure
// functions; they sit beside normalize.ts, whose empty record they reuse.

/** How long a removed client keeps its data (a removal can still be undone) before it is scrubbed. */
export const TOMBSTONE_UNDO_DAYS = 30;

/** Tombstones removed before this time are past the undo period. */
export function scrubCutoff(now: Date): string {
  return new Date(now.getTime() - TOMBSTONE_UNDO_DAYS * 86_400_000).toISOString();
}

const synced = ({ id, ownerId, createdAt, updatedAt, deletedAt }: SyncedRecord): SyncedRecord => ({ id, ownerId, createdAt, updatedAt, deletedAt });

/** Status stays (not personal; the schema needs one); `mergedIntoId` leads to the card that holds the data now. */
export function scrubbedClient(client: Client): Client {
  return { ...synced(client), ...clientDefaults(), status: client.status, mergedIntoId: client.mergedIntoId ?? null };
}

export function scrubbedContact(contact: Contact): Contact {
  return { ...synced(contact), ...contactDefaults(), clientId: contact.clientId };
}

/** Status, signing day and "first contract" stay: the monthly report counts signed new-client contracts by them. */
export function scrubbedContract(contract: Contract): Contract {
  const { clientId, date, amount, currency, status, signedAt, firstContract } = contract;
  return { ...synced(contract), clientId, number: '', date, amount, currency, status, signedAt, firstContract, obligations: [], notes: '' };
}

/** The days opened and resolved stay: the monthly report counts complaints by them. */
export function scrubbedComplaint(complaint: Complaint): Complaint {
  const { clientId, openedAt, status, resolvedAt } = complaint;
  return { ...synced(complaint), clientId, openedAt, subject: '', details: '', status, resolution: '', resolvedAt };
}

/**
 * An activity of a removed client stays a fact (counts, reports), without its text (notes, mail
 * subjects) or the number called.
 */
export function scrubbedActivity(activity: Activity): Activity {
  const scrubbed: Activity = { ...activity, summary: '' };
  if (activity.call) scrubbed.call = { ...activity.call, number: '', ext: null };
  return scrubbed;
}

/** Same content, whatever the key order: a record already scrubbed is not written again. */
export function sameContent(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A client removed by the user, not merged into another card: its activities were not moved anywhere. */
export const isRemovedClient = (client: Pick<Client, 'deletedAt' | 'mergedIntoId'>): boolean => !!client.deletedAt && !client.mergedIntoId;

export interface ScrubbableTables {
  clients: Client[];
  contacts: Contact[];
  activities: Activity[];
  contracts: Contract[];
  complaints: Complaint[];
}

/** The tables as a backup must hold them: every tombstone scrubbed, and the activities of removed clients. */
export function scrubForBackup<T extends ScrubbableTables>(tables: T): T {
  const removed = new Set(tables.clients.filter(isRemovedClient).map((c) => c.id));
  const tomb = <R extends SyncedRecord>(scrub: (r: R) => R) => (row: R) => (row.deletedAt ? scrub(row) : row);
  return {
    ...tables,
    clients: tables.clients.map(tomb(scrubbedClient)),
    contacts: tables.contacts.map(tomb(scrubbedContact)),
    contracts: tables.contracts.map(tomb(scrubbedContract)),
    complaints: tables.complaints.map(tomb(scrubbedComplaint)),
    activities: tables.activities.map((a) => (a.clientId !== null && removed.has(a.clientId) ? scrubbedActivity(a) : a)),
  };
}
