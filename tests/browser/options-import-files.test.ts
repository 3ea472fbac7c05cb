import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, readStore, type Harness } from './harness';

// Options → Import, issue 12: a wide or big file is read in a worker (the page keeps answering,
// Cancel ends it) and refused with a clear message (12.12); a UTF-8 file with a bad byte is read as
// UTF-8, says so, and the encoding can be switched in the mapping step (12.13).

let harness: Harness;
let folder: string;
beforeAll(async () => {
  harness = await launchExtension();
  folder = mkdtempSync(join(tmpdir(), 'clientdesk-import-'));
});
afterAll(async () => {
  await harness?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

interface StoredName {
  name: string;
  deletedAt: string | null;
}
const storedNames = async (page: Page, store: 'clients' | 'contacts') =>
  (await readStore<StoredName>(page, store)).filter((row) => !row.deletedAt).map((row) => row.name).sort();

/** A file on disk (big files go to the browser by path, not through the test's pipe). */
function fileOf(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** A CSV with `columns` columns and a few rows. */
function wideCsv(columns: number): string {
  const header = ['company', 'email', ...Array.from({ length: columns - 2 }, (_, i) => `extra ${i + 3}`)];
  const row = (n: number) => [`Wide ${n} LLC`, `p${n}@wide${n}.example`, ...Array.from({ length: columns - 2 }, (_, i) => String(i))];
  return [header, row(1), row(2), row(3)].map((cells) => cells.join(',')).join('\n');
}

/** A big, valid client CSV (~40 MB): reading it takes the worker seconds. */
function bigCsv(): string {
  const rows = Array.from({ length: 400_000 }, (_, i) => `Big ${i} LLC,Person ${i},person${i}@big${i}.example,+7 495 ${String(1_000_000 + (i % 1_000_000)).slice(1, 4)}-00-00,note ${'x'.repeat(40)}`);
  return ['company,contact,email,phone,notes', ...rows].join('\n');
}

describe('Options: import of wide and big files (issue 12.12)', () => {
  it('refuses a 100,000-column CSV with a clear message and stores nothing', async () => {
    const page = await harness.openOptions('#import');
    const clientsBefore = await storedNames(page, 'clients');
    await page.getByLabel('Import file').setInputFiles(fileOf('wide-100000.csv', wideCsv(100_000)));
    await expect
      .poll(() => page.getByTestId('import-error').textContent(), { timeout: 60_000 })
      .toBe('wide-100000.csv: This file has 100,000 columns; ClientDesk reads at most 1,000. Remove empty columns or save only the sheet with clients. Nothing was imported.');
    // The page is back at the file picker, and answers.
    await page.getByLabel('Import file').waitFor();
    expect(await page.getByRole('link', { name: 'Clients' }).isVisible()).toBe(true);
    expect(await storedNames(page, 'clients')).toEqual(clientsBefore);
    await page.close();
  });

  it('reads a big file in a worker: the page answers while it is read, Cancel or leaving the page ends the worker, and nothing is stored', async () => {
    const page = await harness.openOptions('#import');
    const clientsBefore = await storedNames(page, 'clients');
    const big = fileOf('big.csv', bigCsv());

    const started = page.waitForEvent('worker', { timeout: 60_000 });
    await page.getByLabel('Import file').setInputFiles(big);
    const worker: Worker = await started;
    const ended = new Promise<void>((resolve) => worker.once('close', () => resolve()));
    await page.getByTestId('import-reading').waitFor({ timeout: 60_000 });
    // The page's own thread is free while the worker parses: a script and a click run.
    expect(await page.evaluate(() => document.querySelector('[data-testid=import-reading]') !== null)).toBe(true);
    await page.getByTestId('import-reading').getByRole('button', { name: 'Cancel' }).click();
    await ended;
    await page.getByLabel('Import file').waitFor();
    expect(await page.getByTestId('import-preview').count()).toBe(0);

    // Again, and this time go to another tab while it is read.
    const again = page.waitForEvent('worker', { timeout: 60_000 });
    await page.getByLabel('Import file').setInputFiles(big);
    const second = await again;
    const secondEnded = new Promise<void>((resolve) => second.once('close', () => resolve()));
    await page.getByTestId('import-reading').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByTestId('client-list').waitFor({ timeout: 60_000 });
    await secondEnded;

    expect(await storedNames(page, 'clients')).toEqual(clientsBefore);
    await page.close();
  });

  it('shows a file of 1,000 columns (the most) with its count, only the columns in view in the page, and imports from it', async () => {
    const page = await harness.openOptions('#import');
    await page.getByLabel('Import file').setInputFiles(fileOf('wide-1000.csv', wideCsv(1_000)));
    const mapping = page.getByRole('table', { name: 'Column mapping' });
    await mapping.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.column-mapping > p').first().textContent()).toContain('3 rows, 1,000 columns');
    expect(await mapping.getAttribute('aria-colcount')).toBe('1000');
    // Virtualized: far fewer than 1,000 column selects are in the page.
    const shown = await mapping.locator('thead select').count();
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(100);
    // Scrolled to the end, the last column is there to map.
    await page.locator('.mapping-scroll').evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await page.getByLabel('Field for column extra 1000').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await storedNames(page, 'clients')).toEqual(expect.arrayContaining(['Wide 1 LLC', 'Wide 2 LLC', 'Wide 3 LLC']));
    await page.close();
  });
});

describe('Options: import encodings (issue 12.13)', () => {
  // Names nobody else in this file imports, so the stored rows are these alone.
  const ROWS = [
    'company;contact;email',
    'ООО «Ромашка-Юг»;Иванов Иван Петрович;ivanov@romashka-yug.ru',
    'АО «Северсталь-Трейд»;Ёлкина Ольга;olga@severstal-trade.ru',
    'ИП Сидоров Пётр;Сидоров Пётр;petr@sidorov-ip.ru',
  ];
  // Line 3's "Ёлкина" lost its first letter to one bad byte (0xB8, a Windows-1251 "ё" pasted in).
  const damagedUtf8 = () =>
    Buffer.concat([Buffer.from(`${ROWS[0]}\r\n${ROWS[1]}\r\nАО «Северсталь-Трейд»;`), Buffer.from([0xb8]), Buffer.from(`лкина Ольга;olga@severstal-trade.ru\r\n${ROWS[3]}\r\n`)]);

  it('imports a UTF-8 CSV with one bad byte as UTF-8: correct Cyrillic names stored, the damage and the encoding shown, and the encoding can be switched', async () => {
    const page = await harness.openOptions('#import');
    await page.getByLabel('Import file').setInputFiles({ name: 'clients-utf8.csv', mimeType: 'text/csv', buffer: damagedUtf8() });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-encoding').textContent()).toBe('Read as UTF-8.');
    expect(await page.locator('.column-mapping .warning').allTextContents()).toContain(
      'This file is UTF-8 with 1 damaged character (line 3), shown as �. If names look wrong, choose another encoding.',
    );
    const firstCompany = () => preview.locator('tr').first().locator('td').first().textContent();
    expect(await firstCompany()).toBe('ООО «Ромашка-Юг»');

    // Switching the encoding re-reads the file: the preview changes, and back.
    await page.getByLabel('File encoding').selectOption('windows-1251');
    await expect.poll(() => page.getByTestId('import-encoding').textContent(), { timeout: 60_000 }).toBe('Read as Windows-1251.');
    // The UTF-8 bytes read as Windows-1251: "РћРћРћ В«Р РѕРјР°С€РєР°-Р®РіВ»".
    expect(await firstCompany()).toBe(new TextDecoder('windows-1251').decode(Buffer.from('ООО «Ромашка-Юг»')));
    await page.getByLabel('File encoding').selectOption('utf-8');
    await expect.poll(() => page.getByTestId('import-encoding').textContent(), { timeout: 60_000 }).toBe('Read as UTF-8.');
    expect(await firstCompany()).toBe('ООО «Ромашка-Юг»');

    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent(), { timeout: 60_000 }).toContain('Clients: 3 added');

    const clients = await storedNames(page, 'clients');
    expect(clients.filter((name) => /Ромашка-Юг|Северсталь-Трейд|Сидоров Пётр/.test(name))).toEqual(['АО «Северсталь-Трейд»', 'ИП Сидоров Пётр', 'ООО «Ромашка-Юг»']);
    const contacts = await storedNames(page, 'contacts');
    expect(contacts).toEqual(expect.arrayContaining(['Иванов Иван Петрович', '\uFFFDлкина Ольга', 'Сидоров Пётр']));
    await page.close();
  });
});
