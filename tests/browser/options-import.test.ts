import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, launchExtension, type Harness } from './harness';

// Options → Import (issue 5): CSV, XLSX and vCard through the file input, mapping with a preview,
// the exact numbers before anything is saved, rejected rows with their lines, and Cancel halfway
// leaving the base as it was. Plus the message gate the page talks through.

let harness: Harness;
beforeAll(async () => (harness = await launchExtension()));
afterAll(async () => harness?.close());

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The number of clients the list shows in all ("N of M clients"). */
async function clientTotal(page: Page): Promise<number> {
  await page.locator('[data-testid=client-list][aria-busy=false]').waitFor();
  return Number(await page.getByTestId('client-count').getAttribute('data-total'));
}

async function chooseFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByLabel('Import file').setInputFiles({ name, mimeType, buffer });
}

describe('Options: import', () => {
  it('imports a CSV with good and bad rows: preview, exact counts first, every rejected line, and the clients in the list', async () => {
    // Other tests of this file share the browser and may have run first (random order).
    const list = await harness.openOptions('#clients');
    const before = await clientTotal(list);
    const page = await harness.openOptions('#import');
    await chooseFile(page, 'partial.csv', readFileSync('tests/fixtures/csv/partial.csv'));
    // Known headers are mapped already; the preview shows the file's first rows.
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview').locator('tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const check = page.getByTestId('import-check');
    await check.waitFor();
    const checked = (await check.textContent()) ?? '';
    const added = Number(/Clients: (\d+) added/.exec(checked)?.[1]);
    expect(added).toBeGreaterThan(0);
    expect(checked).toMatch(/rows rejected/);
    const lines = await page.getByTestId('import-rejected').locator('tbody tr td:first-child').allTextContents();
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map(Number)).toEqual([...lines.map(Number)].sort((a, b) => a - b));

    // Nothing was saved by the check.
    await list.reload();
    expect(await clientTotal(list)).toBe(before);

    await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain(`Clients: ${added} added`);
    await list.reload();
    expect(await clientTotal(list)).toBe(before + added);
    await list.close();
    await page.close();
  });

  it('imports the same file twice without duplicating anything', async () => {
    const good = readFileSync('tests/fixtures/csv/good.csv');
    const first = await importFile(harness, 'good.csv', good);
    expect(first).toMatch(/Clients: \d+ added/);
    const list = await harness.openOptions('#clients');
    const before = await clientTotal(list);
    const again = await importFile(harness, 'good.csv', good);
    expect(again).toMatch(/Clients: 0 added, .* Contacts: 0 added/);
    await list.reload();
    expect(await clientTotal(list)).toBe(before);
    await list.close();
  });

  it('imports an Excel workbook, with real date cells, through the file input', async () => {
    const sheet = utils.aoa_to_sheet([
      ['Company', 'Contact', 'E-mail', 'Phone', 'Birthday', 'Tax ID'],
      ['Uralsteel', 'Nina Orlova', 'nina@uralsteel.example', '+7 343 555-01-02', new Date(Date.UTC(1984, 2, 9)), '6670000000'],
      ['Polar Foods', 'Erik Lund', 'erik@polarfoods.example', '+47 22 12 34 56', new Date(Date.UTC(1979, 10, 30)), ''],
    ], { cellDates: true });
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, 'Clients');
    const bytes = Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const report = await importFile(harness, 'clients.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(report).toMatch(/Clients: 2 added/);
    const list = await harness.openOptions('#clients');
    await list.getByLabel('Search clients').fill('Uralsteel');
    await expect.poll(() => list.getByTestId('client-row').allTextContents()).toEqual([expect.stringContaining('Nina Orlova')]);
    const id = await list.getByTestId('client-row').first().getAttribute('data-client-id');
    await list.goto(list.url().replace(/#.*/, `#client/${id}`));
    await expect.poll(() => list.getByTestId('contact').textContent()).toContain('birthday 1984-03-09');
    await list.close();
  });

  it('imports vCard contacts exported from Google Contacts, matching people already in the base', async () => {
    // Both people of the vCard file are in good.csv (by e-mail): they are updated, never duplicated.
    await importFile(harness, 'good.csv', readFileSync('tests/fixtures/csv/good.csv'));
    const report = await importFile(harness, 'contacts.vcf', readFileSync('tests/fixtures/import/google-3.0.vcf'), 'text/vcard');
    expect(report).toMatch(/Contacts: 0 added, 2 updated/);
    expect(report).not.toMatch(/rejected/);
  });

  it('reads a Windows-1251 file from Russian Excel', async () => {
    const bytes = readFileSync('tests/fixtures/import/bitrix24-contacts-cp1251.csv');
    const report = await importFile(harness, 'bitrix.csv', bytes);
    expect(report).toMatch(/Clients: [1-9]\d* added/);
    expect(report).not.toContain('\uFFFD');
  });

  it('cancels an import halfway and leaves the base exactly as it was', async () => {
    const list = await harness.openOptions('#clients');
    const before = await clientTotal(list);
    const rows = Array.from({ length: 30_000 }, (_, i) => `Bulk ${i} LLC,Person ${i},person${i}@bulk${i}.example,+7 495 ${String(1_000_000 + i).slice(1, 4)}-${String(i % 100).padStart(2, '0')}-${String(i % 97).padStart(2, '0')}`);
    const csv = ['company,contact,email,phone', ...rows].join('\n');
    const page = await harness.openOptions('#import');
    await chooseFile(page, 'bulk.csv', Buffer.from(csv));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByTestId('import-check').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
    // Cancel while the real import runs (its progress bar says "Importing").
    await page.getByRole('progressbar', { name: 'Importing' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('import-stopped').textContent(), { timeout: 60_000 }).toContain('Cancelled: nothing was changed');
    await list.reload();
    expect(await clientTotal(list)).toBe(before);
    await page.close();
    await list.close();
  });

  it('says what is wrong with a file that is not a client list, and imports nothing', async () => {
    const page = await harness.openOptions('#import');
    await chooseFile(page, 'photo.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/photo\.xlsx: .*Nothing was imported/);
    await page.close();
  });

  it('refuses a message that does not parse, or comes from the wrong page, with an error the caller can show', async () => {
    const page = await harness.openOptions();
    const malformed = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.saveSettings', patch: { quotas: 'lots' } }));
    expect(malformed).toEqual({ ok: false, error: expect.stringMatching(/optionsToBackground\.saveSettings refused: .* at patch\.quotas/) });
    // The options page may not speak for the sidebar.
    const wrongSender = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sidebarToBackground.markOffer', contextId: 'c1', offer: true }));
    expect(wrongSender).toEqual({ ok: false, error: expect.stringContaining('not accepted from options.html') });
    // Bulk jobs run over their port only.
    const overSendMessage = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.bulkCancel', jobId: 'x' }));
    expect(overSendMessage).toEqual({ ok: false, error: expect.stringContaining('bulk port') });
    await page.close();
  });

  it('saves settings and refuses invalid ones with a clear message', async () => {
    const page = await harness.openOptions('#settings');
    const form = page.getByRole('form', { name: 'Settings' });
    await form.getByLabel('Your name').fill('Alice Manager');
    await form.getByLabel("Your company's domains").fill('acme-supply.com');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Saved').waitFor();
    await form.getByLabel("Your company's domains").fill('not a domain!');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('is not a domain');
    await page.reload();
    expect(await page.getByRole('form', { name: 'Settings' }).getByLabel("Your company's domains").inputValue()).toBe('acme-supply.com');
    await page.close();
  });
});
