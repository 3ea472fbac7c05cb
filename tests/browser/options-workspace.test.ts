import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv, importFile, launchExtension, SEED_CSV, type Harness } from './harness';

// Options as a workspace (issue 5): the welcome page on install, the client list (search, filters),
// the client page saved as you go (and never silently over another page's edit), merging
// duplicates, export → re-import, backup → restore.

// A fresh browser profile for every test: each passes alone and in any order (the suite is shuffled).
let harness: Harness;
beforeEach(async () => (harness = await launchExtension({ keepWelcome: true })));
afterEach(async () => harness?.close());

const DUPLICATE_CSV = ['company,contact,email,phone,status,tax_id', 'Rosstal Group,Pavel Orlov,pavel@rosstal-group.ru,+7 495 222-33-44,prospect,7701234567'].join('\n');

async function openList(hash = '#clients'): Promise<Page> {
  const page = await harness.openOptions(hash);
  await page.locator('[data-testid=client-list][aria-busy=false]').waitFor();
  return page;
}

const shownNames = (page: Page) => page.getByTestId('client-row').locator('td:nth-child(2)').allTextContents();

/** Alive clients and contacts, read straight from IndexedDB, in a form two bases can be compared by. */
async function baseSummary(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('clientdesk');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as T[]);
      });
    type Row = { id: string; clientId: string; deletedAt: string | null; name: string; status: string; domains: string[]; emails: string[]; priceType: string; phones: { e164: string; ext: string | null }[]; position: string; birthday: string | null };
    const clients = (await all<Row>('clients')).filter((c) => !c.deletedAt);
    const contacts = (await all<Row>('contacts')).filter((c) => !c.deletedAt);
    db.close();
    const names = new Map(clients.map((c) => [c.id, c.name]));
    return [
      ...clients.map((c) => `client ${c.name} | ${c.status} | ${[...c.domains].sort().join(',')} | ${c.priceType} | ${c.phones.map((p) => p.e164).join(',')}`),
      ...contacts.map((c) => `contact ${names.get(c.clientId)} | ${c.name} | ${c.position} | ${[...c.emails].sort().join(',')} | ${c.phones.map((p) => `${p.e164};${p.ext ?? ''}`).join(',')} | ${c.birthday ?? ''}`),
    ].sort();
  });
}

describe('first run', () => {
  it('opens the welcome page on install; its steps save the settings and can add sample data, removable in one click', async () => {
    await expect.poll(() => harness.welcomePages.length, { timeout: 10_000 }).toBe(1);
    const welcome = harness.welcomePages[0]!;
    await welcome.getByLabel('Your name').fill('Anna Petrova');
    await welcome.getByRole('button', { name: 'Next' }).click();
    await welcome.getByLabel("Your company's e-mail domains").fill('acme-supply.com');
    await welcome.getByLabel('Phone numbers without a country code are from').selectOption('DE');
    await welcome.getByRole('button', { name: 'Next' }).click();
    await welcome.getByRole('button', { name: 'Try with sample data' }).click();
    await expect.poll(() => welcome.getByTestId('clients-ready').textContent()).toMatch(/\d+ sample clients added/);
    await welcome.getByRole('button', { name: 'Next' }).click();
    expect(await welcome.getByRole('link', { name: 'Open Gmail' }).getAttribute('href')).toContain('https://mail.google.com/');
    expect(await welcome.getByRole('link', { name: 'Open Outlook' }).getAttribute('href')).toContain('outlook');

    const settings = await welcome.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.getSettings' }));
    expect(settings).toMatchObject({ ok: true, data: { managerName: 'Anna Petrova', ownDomains: ['acme-supply.com'], defaultPhoneRegion: 'DE' } });

    const list = await openList();
    await expect.poll(() => shownNames(list)).toContain('Sample: Northwind Metals');
    await list.getByRole('button', { name: 'Remove sample data' }).click();
    await expect.poll(() => shownNames(list), { timeout: 10_000 }).toEqual([]);
    await list.close();
  });
});

describe('the client list and the client page', () => {
  beforeEach(async () => {
    await importCsv(harness, SEED_CSV);
    await importFile(harness, 'duplicate.csv', DUPLICATE_CSV);
  });

  it('searches as you type and filters', async () => {
    const page = await openList();
    expect(await shownNames(page)).toEqual(['Nordfrost', 'Rosstal', 'Rosstal Group']);
    // A base with clients and no backup yet: the list reminds.
    expect(await page.getByTestId('backup-reminder').textContent()).toContain('You have not made a backup yet');
    await page.getByLabel('Search clients').fill('olga@ros');
    await expect.poll(() => shownNames(page)).toEqual(['Rosstal']);
    // A phone typed the Russian way, with the trunk 8.
    await page.getByLabel('Search clients').fill('8 916 123');
    await expect.poll(() => shownNames(page)).toEqual(['Rosstal']);
    await page.getByLabel('Search clients').fill('');
    await page.getByLabel('VIP only').check();
    await expect.poll(() => shownNames(page)).toEqual(['Nordfrost']);
    await page.getByLabel('VIP only').uncheck();
    await page.getByRole('checkbox', { name: /Prospect/ }).check();
    await expect.poll(() => shownNames(page)).toEqual(['Rosstal Group']);
    await page.close();
  });

  it('saves a field as you go; a second open page cannot overwrite that edit silently', async () => {
    const list = await openList();
    await list.getByLabel('Search clients').fill('Nordfrost');
    await list.getByTestId('client-row').first().click();
    await list.getByRole('heading', { name: 'Nordfrost' }).waitFor();
    const other = await harness.openOptions(new URL(list.url()).hash);
    await other.getByRole('heading', { name: 'Nordfrost' }).waitFor();

    await list.getByLabel('Industry').fill('Frozen food logistics');
    await list.getByLabel('Industry').press('Tab');
    await expect.poll(() => list.getByTestId('save-state').textContent()).toBe('All changes saved');

    // The other page still shows the old version; its edit is refused and it shows the latest.
    await other.getByLabel('Payment terms').fill('Deferral 14 days');
    await other.getByLabel('Payment terms').press('Tab');
    await expect.poll(() => other.getByTestId('save-state').textContent()).toMatch(/Payment terms was not saved: .*changed elsewhere/);
    await expect.poll(() => other.getByLabel('Industry').inputValue()).toBe('Frozen food logistics');
    await expect.poll(() => other.getByLabel('Payment terms').inputValue()).toBe('Prepayment');
    // Saved once it was made on the latest version.
    await other.getByLabel('Payment terms').fill('Deferral 14 days');
    await other.getByLabel('Payment terms').press('Tab');
    await expect.poll(() => other.getByTestId('save-state').textContent()).toBe('All changes saved');
    await list.reload();
    await expect.poll(() => list.getByLabel('Payment terms').inputValue()).toBe('Deferral 14 days');
    expect(await list.getByLabel('Industry').inputValue()).toBe('Frozen food logistics');
    await list.close();
    await other.close();
  });

  it('merges two duplicates: contacts, fields and activities move, nothing is lost, the timeline shows it', async () => {
    const page = await openList();
    await page.getByLabel('Search clients').fill('Rosstal');
    await expect.poll(() => shownNames(page)).toEqual(['Rosstal', 'Rosstal Group']);
    await page.getByTestId('client-row').filter({ has: page.locator('td:nth-child(2)', { hasText: /^Rosstal$/ }) }).click();
    await page.getByRole('heading', { name: 'Rosstal', exact: true }).waitFor();
    await page.getByLabel('New note').fill('Asked for the winter price list');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('timeline').waitFor();

    await page.getByLabel('Find a duplicate').fill('Rosstal Gr');
    await page.getByRole('list', { name: 'Possible duplicates' }).getByRole('button', { name: 'Rosstal Group' }).click();
    await page.getByRole('button', { name: 'Merge into this card' }).click();
    // Contacts imported together share a creation time, so their order is not asserted.
    const contactNames = async () => (await page.getByTestId('contact').locator('strong').allTextContents()).sort();
    await expect.poll(contactNames).toEqual(['Ivan Petrov', 'Olga Sidorova', 'Pavel Orlov']);
    expect(await page.getByLabel('Tax id').inputValue()).toBe('7701234567');
    expect(await page.getByTestId('timeline').textContent()).toMatch(/Merged.*Rosstal Group/);
    expect(await page.getByTestId('timeline').textContent()).toContain('Asked for the winter price list');

    await page.getByRole('button', { name: '← All clients' }).click();
    await page.getByLabel('Search clients').fill('Rosstal');
    await expect.poll(() => shownNames(page)).toEqual(['Rosstal']);
    // The other card's contact now finds this card.
    await page.getByLabel('Search clients').fill('pavel@rosstal-group.ru');
    await expect.poll(() => shownNames(page)).toEqual(['Rosstal']);
    await page.close();
  });

  it('exports the list as CSV, and the export imported into an empty base gives the same base', async () => {
    await importFile(harness, 'good.csv', readFileSync('tests/fixtures/csv/good.csv'));
    const page = await openList();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    const file = await (await downloading).path();
    const exported = readFileSync(file);
    expect(exported.toString('utf8')).toMatch(/^\uFEFF?company,/);
    const original = await baseSummary(page);
    await page.close();

    const fresh = await launchExtension();
    try {
      expect(await importFile(fresh, 'export.csv', exported)).toMatch(/imported/);
      const other = await fresh.openOptions('#clients');
      expect(await baseSummary(other)).toEqual(original);
      await other.close();
    } finally {
      await fresh.close();
    }
  });

  it('backs up the whole base and restores it: replace gives back exactly the base of the backup', async () => {
    const page = await harness.openOptions('#backup');
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toContain('No backup made yet');
    const before = await baseSummary(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a full backup' }).click();
    const backup = readFileSync(await (await downloading).path());
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/Last backup: /);
    expect(JSON.parse(backup.toString('utf8'))).toMatchObject({ format: 'clientdesk-backup', formatVersion: 1 });
    const list = await openList();
    expect(await list.getByTestId('backup-reminder').count()).toBe(0);
    await list.close();

    // Change the base after the backup.
    await importFile(harness, 'more.csv', 'company,contact,email\nAfter Backup Ltd,Late Person,late@after-backup.example\n');
    expect(await baseSummary(page)).not.toEqual(before);

    // A broken backup is refused whole, and changes nothing.
    await page.getByLabel('Backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: backup.subarray(0, backup.length / 2) });
    await expect.poll(() => page.getByTestId('restore-error').textContent()).toContain('Nothing was changed');

    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await page.getByTestId('restore-check').waitFor();
    await page.getByRole('button', { name: 'Replace my base' }).click();
    await page.getByTestId('restore-report').waitFor({ timeout: 30_000 });
    expect(await baseSummary(page)).toEqual(before);
    await page.close();
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
