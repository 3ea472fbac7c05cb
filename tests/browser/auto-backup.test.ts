import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, launchExtension, readTable, type Harness } from './harness';

// Automatic backups (issue 12.9) in the built extension: "Back up now" saves a file through the
// downloads API (the worker's offscreen document makes it), the file restores, an encrypted one
// needs its passphrase (a wrong one changes nothing), only the newest N of ClientDesk's files stay,
// and a removed client's data is never in a file. Each test makes its own clients and files.

let harness: Harness;
let downloadsDir: string;
beforeAll(async () => {
  // The browser's Downloads folder, for this test only: Chromium on Linux reads it from the XDG
  // user-dirs file (this worker's environment is passed on to the browser it launches).
  const home = mkdtempSync(join(tmpdir(), 'clientdesk-xdg-'));
  downloadsDir = join(home, 'Downloads');
  mkdirSync(downloadsDir);
  writeFileSync(join(home, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloadsDir}"\n`);
  process.env.XDG_CONFIG_HOME = home;
  harness = await launchExtension();
  // Playwright saves downloads under GUID names in its own folder; a real browser saves them by
  // name in the Downloads folder: give the browser its own behaviour back.
  const page = await harness.openOptions();
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadsDir, eventsEnabled: true });
  await cdp.detach();
  await page.close();
});
afterAll(async () => {
  await harness?.close();
  if (downloadsDir) rmSync(join(downloadsDir, '..'), { recursive: true, force: true });
});

interface DownloadRow {
  id: number;
  filename: string;
  state: string;
  exists: boolean;
  byExtensionId?: string;
}

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
  downloads: { search(query: object): Promise<DownloadRow[]> };
};

/** Sends an Options message from an Options page and returns its data (throws on a refusal). */
async function send<T>(page: Page, message: object): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

/** ClientDesk's own downloads, as the browser lists them. */
async function ourDownloads(): Promise<DownloadRow[]> {
  const worker = await harness.worker();
  const rows = await worker.evaluate(() => chrome.downloads.search({}));
  return rows.filter((r) => r.byExtensionId === harness.extensionId && r.state === 'complete');
}

/** Clients and contacts as stored (tombstones included), in a comparable form. */
async function baseSummary(page: Page): Promise<string[]> {
  type Row = { id: string; name: string; deletedAt: string | null; updatedAt: string };
  const line = (kind: string) => (r: Row) => `${kind} ${r.id} ${r.name} ${r.deletedAt ?? 'alive'} ${r.updatedAt}`;
  const [clients, contacts] = await Promise.all([readTable<Row>(page, 'clients'), readTable<Row>(page, 'contacts')]);
  return [...clients.map(line('client')), ...contacts.map(line('contact'))].sort();
}

async function openBackupPage(): Promise<Page> {
  const page = await harness.openOptions('#backup');
  await page.getByTestId('auto-backup').waitFor();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** Clicks "Back up now" and returns the saved file's path and text, from the browser's own download record. */
async function backUpNow(page: Page): Promise<{ path: string; text: string }> {
  const before = new Set((await ourDownloads()).map((d) => d.id));
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect.poll(async () => (await ourDownloads()).filter((d) => !before.has(d.id)).length, { timeout: 60_000 }).toBe(1);
  const file = (await ourDownloads()).find((d) => !before.has(d.id))!;
  await expect.poll(() => page.getByTestId('auto-backup-last').textContent(), { timeout: 30_000 }).toContain(file.filename.split(/[/\\]/).pop()!);
  return { path: file.filename, text: readFileSync(file.filename, 'utf8') };
}

async function restoreFile(page: Page, text: string): Promise<void> {
  await page.getByLabel('Backup file').setInputFiles({ name: 'clientdesk-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('automatic backups', () => {
  it('"Back up now" saves a plain file to Downloads/ClientDesk that restores the base, without a removed client', async () => {
    await importFile(harness, 'plain.csv', 'company,contact,email\nPlainfield Metals,Pavel Plain,pavel@plainfield.example\nGone Away Ltd,Greta Gone,greta@gone-away.example\n');
    const page = await openBackupPage();
    await send(page, { type: 'optionsToBackground.removeBackupPassphrase' });
    await page.reload();
    await page.getByTestId('auto-backup').waitFor();
    const gone = (await send<{ client: { id: string; name: string } }[]>(page, { type: 'pageToBackground.searchClients', query: 'Gone Away' }))[0]!.client;
    await send(page, { type: 'optionsToBackground.deleteClient', clientId: gone.id });

    const { path, text } = await backUpNow(page);
    expect(path).toContain(join(downloadsDir, 'ClientDesk', 'clientdesk-backup-'));
    expect(path).toMatch(/clientdesk-backup-\d{4}-\d{2}-\d{2}-\d{4}( \(\d+\))?\.json$/);
    const backup = JSON.parse(text) as { format: string; tables: { clients: { id: string; name: string }[] } };
    expect(backup.format).toBe('clientdesk-backup');
    expect(text).toContain('Plainfield Metals');
    // The removed client is in the file only as a scrubbed tombstone.
    expect(backup.tables.clients.find((c) => c.id === gone.id)).toMatchObject({ name: '' });
    expect(text).not.toContain('Gone Away');
    expect(text).not.toContain('greta@gone-away.example');
    // A full backup was made: the reminder counts from it.
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/Last backup: /);

    // The file restores: a client added later is gone after "Replace my base".
    const before = await baseSummary(page);
    await importFile(harness, 'later.csv', 'company,contact,email\nAfter Plain Ltd,Late Person,late@after-plain.example\n');
    expect(await baseSummary(page)).not.toEqual(before);
    await restoreFile(page, text);
    await page.getByTestId('restore-check').waitFor();
    await page.getByRole('button', { name: 'Replace my base' }).click();
    await page.getByTestId('restore-report').waitFor({ timeout: 30_000 });
    const after = await baseSummary(page);
    expect(after.some((row) => row.includes('After Plain Ltd'))).toBe(false);
    expect(after.some((row) => row.includes('Plainfield Metals'))).toBe(true);
    await page.close();
  });

  it('with a passphrase the file is encrypted; restoring it asks for the passphrase, and a wrong one shows the error and changes nothing', async () => {
    await importFile(harness, 'secret.csv', 'company,contact,email\nSecretsteel,Sergei Secret,sergei@secretsteel.example\n');
    const page = await openBackupPage();
    await page.getByRole('button', { name: /Encrypt with a passphrase|Change passphrase/ }).click();
    await page.getByLabel('Passphrase', { exact: true }).or(page.getByLabel('New passphrase')).fill('Морозко 2026 склад');
    await page.getByLabel('The same again').fill('Морозко 2026 склад!');
    await page.getByRole('button', { name: 'Save passphrase' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Backup passphrase' }).getByRole('alert').textContent()).toContain('not the same');
    await page.getByLabel('The same again').fill('Морозко 2026 склад');
    await page.getByRole('button', { name: 'Save passphrase' }).click();
    await expect.poll(() => page.getByTestId('backup-encryption-state').textContent(), { timeout: 30_000 }).toContain('encrypted with your passphrase');

    const { text } = await backUpNow(page);
    const envelope = JSON.parse(text) as { format: string; kdf: { iterations: number } };
    expect(envelope).toMatchObject({ format: 'clientdesk-backup-encrypted', formatVersion: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 }, cipher: { name: 'AES-GCM' } });
    expect(text).not.toContain('Secretsteel');
    expect(text).not.toContain('sergei@secretsteel.example');

    await importFile(harness, 'after-secret.csv', 'company,contact,email\nAfter Secret Ltd,Late Person,late@after-secret.example\n');
    const before = await baseSummary(page);
    await restoreFile(page, text);
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await expect.poll(() => page.getByTestId('passphrase-error').textContent(), { timeout: 30_000 }).toContain('Wrong passphrase');
    expect(await page.getByTestId('restore-check').count()).toBe(0);
    expect(await baseSummary(page)).toEqual(before);

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('restore-error').textContent()).toContain('Nothing was changed');
    expect(await baseSummary(page)).toEqual(before);

    await restoreFile(page, text);
    await page.getByLabel('Passphrase', { exact: true }).fill('Морозко 2026 склад');
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await page.getByTestId('restore-check').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Replace my base' }).click();
    await page.getByTestId('restore-report').waitFor({ timeout: 30_000 });
    const after = await baseSummary(page);
    expect(after.some((row) => row.includes('Secretsteel'))).toBe(true);
    expect(after.some((row) => row.includes('After Secret Ltd'))).toBe(false);
    await send(page, { type: 'optionsToBackground.removeBackupPassphrase' });
    await page.close();
  });

  it('keeps only the newest N of its own files on disk and in the download list', async () => {
    await importFile(harness, 'keep.csv', 'company,contact,email\nKeepers Ltd,Kira Keep,kira@keepers.example\n');
    const page = await openBackupPage();
    await page.getByLabel('Files to keep').fill('2');
    await page.getByLabel('Files to keep').blur();
    await expect.poll(() => page.getByTestId('auto-backup').textContent()).toContain('only the newest 2 stay');
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await backUpNow(page)).path);
    const ours = await ourDownloads();
    expect(ours.length).toBe(2);
    expect(ours.map((d) => d.filename).sort()).toEqual(made.slice(1).sort());
    expect(existsSync(made[0]!)).toBe(false);
    expect(made.slice(1).every((path) => existsSync(path))).toBe(true);
    await page.getByLabel('Files to keep').fill('7');
    await page.getByLabel('Files to keep').blur();
    await expect.poll(() => page.getByTestId('auto-backup').textContent()).toContain('only the newest 7 stay');
    await page.close();
  });
});
