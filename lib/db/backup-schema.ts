import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  OBLIGATION_KINDS,
  type Activity,
  type Client,
  type Complaint,
  type Contact,
  type Contract,
  type Template,
} from '@/lib/domain/types';
import {
  clientPatchSchema,
  complaintFieldsSchema,
  contactFieldsSchema,
  contractFieldsSchema,
  dayKeyString,
  email,
  id,
  instant,
  money,
  phoneNumber,
  storedSettingsSchema,
  templateFields,
  text,
} from '@/lib/messaging/fields';
import type { SettingRow } from './database';

// The backup file and its check. The WHOLE file is checked before anything is written: the
// header, every row of every table, duplicate ids, and links to clients missing from the file.
// Rows are checked with the schemas the messages that write them use (lib/messaging/fields.ts),
// so a file can put nothing in the base that the app itself would refuse (issue 12.6: a backup
// with a time zone Intl does not know replaced the settings and took Options down).
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

const synced = { id, ownerId: z.string(), createdAt: instant, updatedAt: instant, deletedAt: instant.nullable() };
const card = clientPatchSchema.shape;
const person = contactFieldsSchema.shape;

const clientRow = z.looseObject({
  ...synced,
  name: text(300),
  legalName: card.legalName.unwrap(),
  taxId: card.taxId.unwrap(),
  status: card.status.unwrap(),
  industry: card.industry.unwrap(),
  source: card.source.unwrap(),
  priceType: card.priceType.unwrap(),
  receivables: card.receivables.unwrap().required().loose(),
  reliabilityRating: card.reliabilityRating.unwrap(),
  reliabilityNote: card.reliabilityNote.unwrap(),
  holidayDate: card.holidayDate.unwrap(),
  nextContactAt: card.nextContactAt.unwrap(),
  // Imports and merges unite lists and join texts beyond what one edit may send, and an import
  // takes the terms as the file has them (importRowSchema): no caps and no ranges here.
  domains: z.array(z.string()),
  emails: z.array(email),
  phones: z.array(phoneNumber),
  phoneE164s: z.array(z.string()),
  tags: z.array(z.string()),
  needs: z.string(),
  notes: z.string(),
  contract: z.looseObject({ paymentTerms: text(500), deferralDays: money, discountPct: money, creditLimit: money }),
  lastContactAt: instant.nullable(),
  mergedIntoId: id.nullable().optional(),
});

const contactRow = z.looseObject({
  ...synced,
  clientId: id,
  name: person.name,
  position: person.position,
  birthday: person.birthday,
  decisionMaker: person.decisionMaker,
  // An import unites the addresses and phones of every row of the same person.
  emails: z.array(email),
  phones: z.array(phoneNumber),
  phoneE164s: z.array(z.string()),
});

const activityRow = z.looseObject({
  ...synced,
  type: z.enum(ACTIVITY_TYPES),
  clientId: id.nullable(),
  contactId: id.nullable(),
  at: instant,
  dayKey: dayKeyString,
  channelRef: z.string().nullable(),
  templateId: id.nullable(),
  outcome: z.string().nullable(),
  summary: z.string(),
  retractsId: id.nullable(),
});

const templateRow = templateFields
  .extend({ ...synced, useCount: z.number().int().nonnegative(), lastUsedAt: instant.nullable() })
  .loose();

const obligation = z.looseObject({
  id,
  kind: z.enum(OBLIGATION_KINDS),
  title: text(500),
  dueDate: dayKeyString.nullable(),
  done: z.boolean(),
  doneAt: instant.nullable(),
});

const contractRow = contractFieldsSchema
  .extend({ ...synced, clientId: id, signedAt: dayKeyString.nullable(), firstContract: z.boolean(), obligations: z.array(obligation) })
  .loose();

const complaintRow = complaintFieldsSchema.extend({ ...synced, clientId: id, resolvedAt: dayKeyString.nullable() }).loose();

/** Known keys of the settings table are checked as the app writes them; others are opaque. */
const SETTING_VALUES: Record<string, z.ZodType> = {
  settings: storedSettingsSchema,
  lastBackupAt: instant,
  sampleClientIds: z.array(id),
};

const settingRow = z.looseObject({ key: z.string().min(1), value: z.unknown() }).superRefine((row, ctx) => {
  const schema = SETTING_VALUES[row.key];
  const parsed = schema?.safeParse(row.value);
  if (!parsed || parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
});

const header = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'this is not a ClientDesk backup' }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, { error: 'this backup format version is not known to this version of ClientDesk' }),
  schemaVersion: z.number().int().positive(),
  createdAt: instant,
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
