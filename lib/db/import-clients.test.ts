import { describe, expect, it } from 'vitest';
import type { ParsedClientRow } from '@/lib/io/client-csv';
import { applyClientImport } from './import-clients';
import { freshDb, testSettings } from './test-helpers';

function row(line: number, company: string, contact: Partial<NonNullable<ParsedClientRow['contact']>> | null, extra: Partial<ParsedClientRow> = {}): ParsedClientRow {
  return {
    line,
    company,
    contact: contact ? { name: '', position: '', emails: [], phones: [], birthday: null, ...contact } : null,
    status: null,
    domains: [],
    priceType: '',
    paymentTerms: '',
    receivables: null,
    notes: '',
    ...extra,
  };
}

describe('applyClientImport', () => {
  it('groups contacts of one company into one client and derives its domain from work addresses', async () => {
    const db = freshDb();
    const counts = await applyClientImport(
      db,
      [
        row(2, 'Rosstal', { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'] }, { status: 'active', priceType: 'Wholesale 2' }),
        row(3, 'ROSSTAL', { name: 'Olga Sidorova', emails: ['olga@rosstal.ru'] }),
        row(4, 'Sergey Ivanov', { name: 'Sergey Ivanov', emails: ['s.ivanov@mail.ru'] }),
      ],
      testSettings(),
    );
    expect(counts).toEqual({ clientsAdded: 2, clientsUpdated: 0, contactsAdded: 3, contactsUpdated: 0 });
    const rosstal = await db.clients.where('name').equals('Rosstal').first();
    expect(rosstal).toMatchObject({ status: 'active', priceType: 'Wholesale 2', domains: ['rosstal.ru'] });
    expect(await db.contacts.where('clientId').equals(rosstal!.id).count()).toBe(2);
    // Free-mail is never a company domain.
    expect((await db.clients.where('name').equals('Sergey Ivanov').first())?.domains).toEqual([]);
  });

  it('updates existing clients and contacts on a second import instead of duplicating them', async () => {
    const db = freshDb();
    const settings = testSettings();
    await applyClientImport(db, [row(2, 'Rosstal', { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'] })], settings);
    const counts = await applyClientImport(
      db,
      [row(2, 'Rosstal', { name: 'Ivan Petrov', position: 'Buyer', emails: ['ivan.petrov@rosstal.ru', 'ivan@rosstal.ru'] }, { receivables: 1200.5 })],
      settings,
    );
    expect(counts).toEqual({ clientsAdded: 0, clientsUpdated: 1, contactsAdded: 0, contactsUpdated: 1 });
    expect(await db.clients.count()).toBe(1);
    const [ivan] = await db.contacts.toArray();
    expect(ivan).toMatchObject({ position: 'Buyer', emails: ['ivan.petrov@rosstal.ru', 'ivan@rosstal.ru'] });
    expect((await db.clients.toArray())[0]?.receivables.amount).toBe(1200.5);
  });

  it('finds the contact by address even when the company is spelled differently', async () => {
    const db = freshDb();
    const settings = testSettings();
    await applyClientImport(db, [row(2, 'Rosstal', { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'] })], settings);
    await applyClientImport(db, [row(2, 'Rosstal LLC', { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'] })], settings);
    expect(await db.clients.count()).toBe(1);
    expect(await db.contacts.count()).toBe(1);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const db = freshDb();
    const settings = testSettings();
    await applyClientImport(db, [row(2, 'Existing', null)], settings);
    const broken = row(3, 'Second', { name: 'X', emails: ['x@second.ru'] });
    // A value IndexedDB cannot store makes the write fail after the first row was written.
    (broken as unknown as { notes: unknown }).notes = () => 'not cloneable';
    await expect(applyClientImport(db, [row(2, 'First', null), broken], settings)).rejects.toThrow();
    expect((await db.clients.toArray()).map((c) => c.name)).toEqual(['Existing']);
    expect(await db.contacts.count()).toBe(0);
  });
});
