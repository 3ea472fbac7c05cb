import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, launchExtension, SEED_CSV, type Harness } from './harness';

// Restore that cannot wipe the base (issue 12.6, 12.7): a file that would break the base is
// refused whole; a stored row Options cannot show never hides Backup; Cancel and closing the
// page during a restore leave the base exactly as it was. Every check reads IndexedDB itself.

let harness: Harness;
/** A backup of the seeded base, as Options downloads it. */
let backupText: string;
/** The same with 40,000 more clients, each with a contact (a file: too large to hand over as a buffer), long enough to cancel while it writes. */
let largeBackup: string;
const scratch = mkdtempSync(join(tmpdir(), 'clientdesk-restore-'));

// The shared machine is slow: the large file is checked twice (page, background) before it is written.
const LARGE_RESTORE_TIMEOUT = 300_000;
const STORES = ['clients', 'contacts', 'activities', 'templates', 'settings', 'contracts', 'complaints'] as const;

beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
  const page = await harness.openOptions('#backup');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a full backup' }).click();
  backupText = readFileSync(await (await downloading).path()).toString('utf8');
  await page.close();
  const file = JSON.parse(backupText) as { tables: { clients: Record<string, unknown>[]; contacts: Record<string, unknown>[] } };
  const [client] = file.tables.clients;
  const [contact] = file.tables.contacts;
  for (let i = 0; i < 40_000; i++) {
    file.tables.clients.push({ ...client, id: `bulk-client-${i}`, name: `Bulk ${i} LLC` });
    file.tables.contacts.push({ ...contact, id: `bulk-contact-${i}`, clientId: `bulk-client-${i}`, emails: [`person${i}@bulk${i}.example`] });
  }
  largeBackup = join(scratch, 'large.json');
  writeFileSync(largeBackup, JSON.stringify(file));
}, 180_000);
afterAll(async () => {
  await harness?.close();
  rmSync(scratch, { recursive: true, force: true });
});

type StoreRequest = { op: 'keys' } | { op: 'get'; store: string; key: string } | { op: 'put'; store: string; row: unknown } | { op: 'delete'; store: string; key: string };

/**
 * One request straight to ClientDesk's IndexedDB from an extension page, as a damaged or foreign
 * write would make it. Always in a readwrite transaction over every store: IndexedDB runs it only
 * after a restore's transaction has committed or rolled back, so 'keys' reads the settled base.
 */
async function inDatabase(page: Page, request: StoreRequest): Promise<unknown> {
  return page.evaluate(
    async ({ request, stores }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('clientdesk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction([...stores], 'readwrite');
      const done = new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      const result = (req: IDBRequest) => new Promise<unknown>((ok) => void (req.onsuccess = () => ok(req.result)));
      let value: unknown = null;
      if (request.op === 'keys') {
        const keys = await Promise.all(stores.map((store) => result(tx.objectStore(store).getAllKeys())));
        value = Object.fromEntries(stores.map((store, i) => [store, (keys[i] as IDBValidKey[]).map(String).sort()]));
      } else if (request.op === 'get') value = await result(tx.objectStore(request.store).get(request.key));
      else if (request.op === 'put') tx.objectStore(request.store).put(request.row);
      else tx.objectStore(request.store).delete(request.key);
      await done;
      db.close();
      return value;
    },
    { request, stores: STORES },
  );
}

/** Every store's keys, once no restore is writing. */
const storedBase = (page: Page) => inDatabase(page, { op: 'keys' }) as Promise<Record<(typeof STORES)[number], string[]>>;
const getRow = <T,>(page: Page, store: string, key: string) => inDatabase(page, { op: 'get', store, key }) as Promise<T>;
const putRow = (page: Page, store: string, row: unknown) => inDatabase(page, { op: 'put', store, row });
const deleteRow = (page: Page, store: string, key: string) => inDatabase(page, { op: 'delete', store, key });

/** Chooses the large backup, confirms Replace, and waits until rows are being written. */
async function startLargeRestore(page: Page): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('Backup file').setInputFiles(largeBackup, { timeout: 120_000 });
  await page.getByTestId('restore-check').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Replace my base' }).click();
  const bar = page.getByRole('progressbar', { name: 'Restoring' });
  await bar.waitFor({ timeout: 120_000 });
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 120_000, interval: 50 }).toBeGreaterThan(0);
}

describe('Options → Backup: restore', () => {
  it('refuses a backup whose settings hold a time zone this browser does not know, and changes nothing', async () => {
    const page = await harness.openOptions('#backup');
    const before = await storedBase(page);
    const file = JSON.parse(backupText) as { tables: { settings: { key: string; value: Record<string, unknown> }[] } };
    file.tables.settings.find((row) => row.key === 'settings')!.value.timeZone = 'Europe/Moskva';
    await page.getByLabel('Backup file').setInputFiles({ name: 'bad-zone.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const error = page.getByTestId('restore-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('Nothing was changed: bad-zone.json cannot be restored.');
    expect(await error.textContent()).toMatch(/settings, row \d+, value\.timeZone: expected a time zone such as Europe\/Moscow/);
    expect(await page.getByRole('button', { name: 'Replace my base' }).count()).toBe(0);
    expect(await storedBase(page)).toEqual(before);
    await page.close();
  });

  it('Cancel while the rows are written leaves the base exactly as it was', async () => {
    const page = await harness.openOptions('#backup');
    const before = await storedBase(page);
    await startLargeRestore(page);
    expect(await page.getByTestId('restore-working').textContent()).toContain('Closing this page cancels the restore; nothing will have changed.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('restore-error').textContent(), { timeout: 120_000 }).toBe('Cancelled: nothing was changed.');
    expect(await storedBase(page)).toEqual(before);
    await page.close();
  }, LARGE_RESTORE_TIMEOUT);

  it('closing the page while the rows are written leaves the base exactly as it was', async () => {
    const page = await harness.openOptions('#backup');
    const before = await storedBase(page);
    await startLargeRestore(page);
    await page.close();
    const other = await harness.openOptions('#backup');
    expect(await storedBase(other)).toEqual(before);
    await other.close();
  }, LARGE_RESTORE_TIMEOUT);
});

describe('Options with a stored row it cannot use', () => {
  it('a stored settings row with a bad time zone: every tab renders, Backup included, and the other settings are read', async () => {
    const page = await harness.openOptions('#backup');
    const stored = await getRow<{ key: string; value: Record<string, unknown> }>(page, 'settings', 'settings');
    try {
      await putRow(page, 'settings', { key: 'settings', value: { ...stored.value, timeZone: 'Mars/Olympus_Mons', managerName: 'Kept Name' } });
      // A new service worker reads the settings from the base (the old one holds them in memory).
      await harness.stopServiceWorker();
      const options = await harness.openOptions('#clients');
      await options.getByRole('navigation', { name: 'Workspace' }).waitFor();
      await options.locator('[data-testid=client-list][aria-busy=false]').waitFor({ timeout: 30_000 });
      await options.getByRole('link', { name: 'Backup' }).click();
      await options.getByRole('button', { name: 'Download a full backup' }).waitFor();
      const settings = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.getSettings' }));
      expect(settings).toMatchObject({ ok: true, data: { timeZone: '', managerName: 'Kept Name', managerId: stored.value.managerId } });
      await options.close();
    } finally {
      await putRow(page, 'settings', stored);
      await harness.stopServiceWorker();
      await page.close();
    }
  });

  it('a client page that fails to render says so, and the tabs and Backup stay reachable', async () => {
    const page = await harness.openOptions('#backup');
    const [anyId] = (await storedBase(page)).clients;
    const client = await getRow<Record<string, unknown>>(page, 'clients', anyId!);
    const broken = { ...client, id: 'broken-card', name: 'Broken card', contract: null };
    try {
      await putRow(page, 'clients', broken);
      const options = await harness.openOptions('#client/broken-card');
      await expect.poll(() => options.getByTestId('page-error').textContent(), { timeout: 30_000 }).toContain('This page could not be shown.');
      await options.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Backup' }).click();
      await options.getByRole('button', { name: 'Download a full backup' }).waitFor();
      expect(await options.getByTestId('page-error').count()).toBe(0);
      await options.close();
    } finally {
      await deleteRow(page, 'clients', 'broken-card');
      await page.close();
    }
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
