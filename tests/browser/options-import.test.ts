import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Harness } from './harness';

// Options: settings and the CSV import a new user starts with (issue 2, item 7).

let harness: Harness;
beforeAll(async () => (harness = await launchExtension()));
afterAll(async () => harness?.close());

describe('Options', () => {
  it('imports a CSV with good and bad rows, reports counts and every rejected line, and keeps the good rows', async () => {
    const page = await harness.openOptions();
    await page.getByTestId('base-stats').waitFor();
    expect(await page.getByTestId('base-stats').textContent()).toContain('0 clients');
    await page.getByLabel('Import clients CSV').setInputFiles('tests/fixtures/csv/partial.csv');
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(/Clients: \d+ added, 0 updated/);
    const lines = await report.locator('tr[data-line]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-line'))));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    await expect.poll(() => page.getByTestId('base-stats').textContent()).not.toContain(' 0 clients');
    await page.close();
  });

  it('imports the same file twice without duplicating anything', async () => {
    const page = await harness.openOptions();
    await page.getByTestId('base-stats').waitFor();
    await page.getByLabel('Import clients CSV').setInputFiles('tests/fixtures/csv/good.csv');
    await page.getByTestId('import-report').waitFor();
    await page.waitForTimeout(300);
    const before = await page.getByTestId('base-stats').textContent();
    await page.getByLabel('Import clients CSV').setInputFiles('tests/fixtures/csv/good.csv');
    await expect.poll(() => page.getByTestId('import-report').textContent()).toMatch(/Clients: 0 added, \d+ updated\. Contacts: 0 added/);
    expect(await page.getByTestId('base-stats').textContent()).toBe(before);
    await page.close();
  });

  it('reads a Windows-1251 file from Russian Excel', async () => {
    const page = await harness.openOptions();
    const csv = 'company;contact;email;status\nСтройМаш;Пётр Иванов;petr@stroymash.ru;активный\n';
    const bytes = Buffer.from(new TextDecoder('utf-8').decode(Buffer.from(csv)).split('').map((ch) => cp1251(ch)));
    await page.getByLabel('Import clients CSV').setInputFiles({ name: 'clients-1251.csv', mimeType: 'text/csv', buffer: bytes });
    await expect.poll(() => page.getByTestId('import-report').textContent()).toMatch(/Clients: 1 added/);
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.getBaseStats' }));
    expect(reply).toMatchObject({ ok: true });
    await page.close();
  });

  it('says what is wrong with a file that is not a client list, and imports nothing', async () => {
    const page = await harness.openOptions();
    await page.getByTestId('base-stats').waitFor();
    const before = await page.getByTestId('base-stats').textContent();
    await page.getByLabel('Import clients CSV').setInputFiles('tests/fixtures/csv/bad.csv');
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('Nothing was imported');
    expect(await page.getByTestId('base-stats').textContent()).toBe(before);
    expect(readFileSync('tests/fixtures/csv/bad.csv', 'utf8').length).toBeGreaterThan(0);
    await page.close();
  });

  it('refuses a message that does not parse, or comes from the wrong page, with an error the caller can show', async () => {
    const page = await harness.openOptions();
    const malformed = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.saveSettings', patch: { quotas: 'lots' } }));
    expect(malformed).toEqual({ ok: false, error: expect.stringMatching(/optionsToBackground\.saveSettings refused: .* at patch\.quotas/) });
    // The options page may not speak for the sidebar.
    const wrongSender = await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'sidebarToBackground.addNote', clientId: 'c1', contactId: null, text: 'x' }),
    );
    expect(wrongSender).toEqual({ ok: false, error: expect.stringContaining('not accepted from options.html') });
    await page.close();
  });

  it('saves settings and refuses invalid ones with a clear message', async () => {
    const page = await harness.openOptions();
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

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Encodes one character in Windows-1251 (Cyrillic block and ASCII are enough here). */
function cp1251(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code;
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  if (code === 0x401) return 0xa8;
  if (code === 0x451) return 0xb8;
  throw new Error(`No Windows-1251 code for ${ch}`);
}
