import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  CLIENT_STATUSES,
  COMPLAINT_STATUSES,
  CONTRACT_STATUSES,
  OBLIGATION_KINDS,
  TEMPLATE_KINDS,
  type Activity,
  type Client,
  type Complaint,
  type Contact,
  type Contract,
  type Template,
} from '@/lib/domain/types';
import type { SettingRow } from './database';

// The backup file and its check. The WHOLE file is checked before anything is written: the
// header, every row of every table, duplicate ids, and links to clients missing from the file.
// Rows keep fields this version does not know (looseObject): a restore loses nothing.
// Format version 1 grows by optional tables: a file written before contracts and complaints
// (schema v2) has no such tables and restores with them empty.

export const BACKUP_FORMAT = 'clientdesk-backup';
export const BACKUP_FORMAT_VERSION = 1;
const MAX_ERRORS = 50;

export interface BackupTables {
  clients: Client[];
  contacts: Contact[];
  activities: Activity[];
  templates: Template[];
  settings: SettingRow[];
  contracts: Contract[];
  complaints: Complaint[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** The database version (Dexie verno) that wrote it. */
  schemaVersion: number;
  createdAt: string;
  tables: BackupTables;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: string[] };

const id = z.string().min(1);
const timestamp = z.iso.datetime({ offset: true });
// Lenient on purpose: a professional holiday may carry any year; the shape is what matters here.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const amount = z.number().finite().nullable();
const phone = z.looseObject({ raw: z.string(), e164: z.string().regex(/^\+\d{4,15}$/, 'expected an E.164 number'), ext: z.string().nullable() });
const synced = { id, ownerId: z.string(), createdAt: timestamp, updatedAt: timestamp, deletedAt: timestamp.nullable() };

const clientRow = z.looseObject({
  ...synced,
  name: z.string(),
  legalName: z.string(),
  taxId: z.string(),
  status: z.enum(CLIENT_STATUSES),
  domains: z.array(z.string()),
  emails: z.array(z.string()),
  phones: z.array(phone),
  phoneE164s: z.array(z.string()),
  industry: z.string(),
  source: z.string(),
  priceType: z.string(),
  contract: z.looseObject({ paymentTerms: z.string(), deferralDays: amount, discountPct: amount, creditLimit: amount }),
  receivables: z.looseObject({ amount, overdueAmount: amount, dueDate: day.nullable() }),
  reliabilityRating: amount,
  reliabilityNote: z.string(),
  needs: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  holidayDate: day.nullable(),
  lastContactAt: timestamp.nullable(),
  nextContactAt: day.nullable(),
  mergedIntoId: id.nullable().optional(),
});

const contactRow = z.looseObject({
  ...synced,
  clientId: id,
  name: z.string(),
  position: z.string(),
  emails: z.array(z.string()),
  phones: z.array(phone),
  phoneE164s: z.array(z.string()),
  birthday: day.nullable(),
  decisionMaker: z.boolean(),
});

const activityRow = z.looseObject({
  ...synced,
  type: z.enum(ACTIVITY_TYPES),
  clientId: id.nullable(),
  contactId: id.nullable(),
  at: timestamp,
  dayKey: day,
  channelRef: z.string().nullable(),
  templateId: id.nullable(),
  outcome: z.string().nullable(),
  summary: z.string(),
  retractsId: id.nullable(),
});

const templateRow = z.looseObject({
  ...synced,
  name: z.string(),
  subject: z.string(),
  bodyHtml: z.string(),
  kind: z.enum(TEMPLATE_KINDS),
  countsAsOffer: z.boolean(),
  useCount: z.number().int().nonnegative(),
  lastUsedAt: timestamp.nullable(),
});

const obligation = z.looseObject({
  id,
  kind: z.enum(OBLIGATION_KINDS),
  title: z.string(),
  dueDate: day.nullable(),
  done: z.boolean(),
  doneAt: timestamp.nullable(),
});

const contractRow = z.looseObject({
  ...synced,
  clientId: id,
  number: z.string(),
  date: day.nullable(),
  amount,
  currency: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  signedAt: day.nullable(),
  firstContract: z.boolean(),
  obligations: z.array(obligation),
  notes: z.string(),
});

const complaintRow = z.looseObject({
  ...synced,
  clientId: id,
  openedAt: day,
  subject: z.string(),
  details: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  resolution: z.string(),
  resolvedAt: day.nullable(),
});

const settingRow = z
  .looseObject({ key: z.string().min(1), value: z.unknown() })
  .refine((row) => row.key !== 'settings' || (typeof row.value === 'object' && row.value !== null && typeof (row.value as { managerId?: unknown }).managerId === 'string'), {
    message: 'the settings must be an object with a managerId',
    path: ['value'],
  });

const header = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'this is not a ClientDesk backup' }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, { error: 'this backup format version is not known to this version of ClientDesk' }),
  schemaVersion: z.number().int().positive(),
  createdAt: timestamp,
  tables: z.object({
    clients: z.array(z.unknown()),
    contacts: z.array(z.unknown()),
    activities: z.array(z.unknown()),
    templates: z.array(z.unknown()),
    settings: z.array(z.unknown()),
    // Added with schema v3; absent from the backups written before.
    contracts: z.array(z.unknown()).default([]),
    complaints: z.array(z.unknown()).default([]),
  }),
});

const ROW_SCHEMAS = {
  clients: clientRow,
  contacts: contactRow,
  activities: activityRow,
  templates: templateRow,
  settings: settingRow,
  contracts: contractRow,
  complaints: complaintRow,
} as const;
type TableName = keyof typeof ROW_SCHEMAS;

/** Problems found, capped so a badly broken file yields a readable list. */
class Problems {
  readonly list: string[] = [];
  private more = 0;

  add(message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push(message);
    else this.more++;
  }

  result(): string[] {
    return this.more ? [...this.list, `…and ${this.more} more problems`] : this.list;
  }
}

const where = (table: TableName, index: number, path: readonly PropertyKey[]) => `${table}, row ${index + 1}${path.length ? `, ${path.map(String).join('.')}` : ''}`;

/** Checks one table's rows; returns the valid ones (the whole result is used only without problems). */
function checkTable(table: TableName, rows: readonly unknown[], problems: Problems): unknown[] {
  const schema = ROW_SCHEMAS[table];
  const valid: unknown[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.add(`${where(table, index, issue.path)}: ${issue.message}`);
      return;
    }
    const key = table === 'settings' ? (parsed.data as SettingRow).key : (parsed.data as { id: string }).id;
    const first = firstRowOf.get(key);
    if (first !== undefined) problems.add(`${where(table, index, [])}: the id "${key}" is already used by row ${first + 1}`);
    else firstRowOf.set(key, index);
    valid.push(parsed.data);
  });
  return valid;
}

/** Contacts, contracts, complaints and activities must belong to a client in the same file. */
function checkLinks(tables: BackupTables, problems: Problems): void {
  const clientIds = new Set(tables.clients.map((c) => c.id));
  for (const table of ['contacts', 'contracts', 'complaints'] as const) {
    tables[table].forEach((row, i) => {
      if (!clientIds.has(row.clientId)) problems.add(`${where(table, i, ['clientId'])}: no client "${row.clientId}" in this backup`);
    });
  }
  tables.activities.forEach((a, i) => {
    if (a.clientId !== null && !clientIds.has(a.clientId)) problems.add(`${where('activities', i, ['clientId'])}: no client "${a.clientId}" in this backup`);
  });
}

/** Checks a parsed JSON backup completely; nothing may be restored unless `ok`. */
export function parseBackup(json: unknown): ParsedBackup {
  const head = header.safeParse(json);
  if (!head.success) return { ok: false, errors: head.error.issues.slice(0, MAX_ERRORS).map((i) => `${i.path.map(String).join('.') || 'file'}: ${i.message}`) };
  const problems = new Problems();
  const tables = Object.fromEntries(
    (Object.keys(ROW_SCHEMAS) as TableName[]).map((table) => [table, checkTable(table, head.data.tables[table], problems)]),
  ) as unknown as BackupTables;
  // Links are checked only on a file whose rows are sound (a broken row would add noise).
  if (!problems.list.length) checkLinks(tables, problems);
  const errors = problems.result();
  if (errors.length) return { ok: false, errors };
  return { ok: true, backup: { ...head.data, format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, tables } };
}

/** The same from the file's text: a file that is not JSON (e.g. cut short) is a problem, not a crash. */
export function parseBackupText(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not valid JSON (it may have been cut short).'] };
  }
  return parseBackup(json);
}
