import type { Settings } from '@/lib/domain/types';
import { emptyImportClient, type ImportClientFields, type ImportContactFields, type ImportRow } from '@/lib/io/import-row';
import { openDb, type ClientDeskDb } from './database';
import { defaultSettings } from './settings';

/** A fresh, uniquely named database (fake-indexeddb in unit tests). */
export function freshDb(): ClientDeskDb {
  return openDb(`test-${crypto.randomUUID()}`);
}

export function testSettings(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ownDomains: ['acme-supply.com'], ...patch };
}

/** An import row with only the given fields; `contact: null` for a row without a person. */
export function importRow(line: number, client: Partial<ImportClientFields>, contact: Partial<ImportContactFields> | null = null): ImportRow {
  return {
    line,
    client: { ...emptyImportClient(), ...client },
    contact: contact && { name: '', position: '', emails: [], phones: [], birthday: null, decisionMaker: null, ...contact },
  };
}

/** A phone as the readers produce it. */
export function e164(number: string, ext: string | null = null): { raw: string; e164: string; ext: string | null } {
  return { raw: number, e164: number, ext };
}

/** Every row of every table, sorted by key: compare two bases table by table. */
export async function allTables(db: ClientDeskDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    clients: byId(await db.clients.toArray()),
    contacts: byId(await db.contacts.toArray()),
    activities: byId(await db.activities.toArray()),
    templates: byId(await db.templates.toArray()),
    settings: (await db.settings.toArray()).sort((a, b) => a.key.localeCompare(b.key)),
  };
}
