import Dexie, { type EntityTable } from 'dexie';
import type { Activity, Client, Complaint, Contact, Contract, HeldSend, Template } from '@/lib/domain/types';

// The only code that opens IndexedDB. Only the background and first-party extension pages may
// import lib/db: inside a site the sidebar iframe is a third-party frame and IndexedDB is denied
// there (toolchain.md), so the sidebar gets its data by messages.

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ClientDeskDb = Dexie & {
  clients: EntityTable<Client, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  activities: EntityTable<Activity, 'id'>;
  templates: EntityTable<Template, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  contracts: EntityTable<Contract, 'id'>;
  complaints: EntityTable<Complaint, 'id'>;
  heldSends: EntityTable<HeldSend, 'id'>;
};

export const DB_NAME = 'clientdesk';

/** Schema v1: every index a rule needs (DESIGN.md "Data model"). Change it only by adding a version. */
export const SCHEMA_V1 = {
  clients: 'id, name, *domains, *emails, *phoneE164s, status, taxId, nextContactAt, lastContactAt, updatedAt',
  contacts: 'id, clientId, name, *emails, *phoneE164s, updatedAt',
  activities: 'id, clientId, [type+dayKey], [clientId+at], channelRef, at',
  templates: 'id, kind, name',
  settings: 'key',
} as const;

/**
 * Schema v2 (issue 5, the client workspace): indexes for the client list's filters.
 * - clients `*tags`, `priceType`: filter by them, and list the values in use for the filter
 *   pickers (`orderBy('tags').uniqueKeys()`) without reading every card.
 * - clients `deletedAt`: IndexedDB leaves null out of an index, so this index holds only the
 *   tombstones (deleted and merged cards): counting or listing them reads only them.
 * No new activity index: a card's timeline is read whole through `[clientId+at]`, and
 * base-wide type queries (reports) already have `[type+dayKey]`.
 * No data upgrade: fields added since v1 (`mergedIntoId`) get defaults on read (normalize.ts).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  clients: `${SCHEMA_V1.clients}, *tags, priceType, deletedAt`,
} as const;

/**
 * Schema v3 (issue 7): contracts and complaints, new tables only (no existing row changes).
 * - `clientId`: the client card lists its contracts and complaints.
 * - contracts `status`: Today reads the signed contracts (their obligations due) without the
 *   drafts; obligations live inside their contract (a handful each), so they need no index.
 * - contracts `signedAt` (YYYY-MM-DD): the month's signed contracts, for the quota on the badge
 *   and the monthly report, as one key range. Null is left out of the index: unsigned ones cost nothing.
 * - complaints `status`: the open ones, base-wide (Today, the sidebar).
 * - complaints `openedAt`, `resolvedAt` (YYYY-MM-DD): complaints received and resolved in a month (report).
 * - `updatedAt`: an incremental refresh and a later replication read what changed since.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  contracts: 'id, clientId, status, signedAt, updatedAt',
  complaints: 'id, clientId, status, openedAt, resolvedAt, updatedAt',
} as const;

/**
 * Schema v4 (issue 12.4): sends whose offers wait for the user's confirmation, a new table only.
 * - `status`: the pending ones, for the popup, without reading the decided ones.
 * - `sendRef`: a send reported twice is held once.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  heldSends: 'id, status, sendRef, sentAt',
} as const;

export function openDb(name = DB_NAME): ClientDeskDb {
  const db = new Dexie(name) as ClientDeskDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  return db;
}

let shared: ClientDeskDb | null = null;

/** The extension's database, opened once per context. */
export function getDb(): ClientDeskDb {
  shared ??= openDb();
  return shared;
}

/** Random ids, never auto-increment: records must replicate between managers later. */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
