import { readFileSync } from 'node:fs';
import { read, utils } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv, launchExtension, type Harness } from './harness';

// The manager's plan (issue 7): Today lists a client not contacted for 31 days until a call is
// logged; a birthday greeting opens a filled compose link; the daily reminder is an alarm.

// A fresh browser profile for every test: each passes alone and in any order (the suite is shuffled).
let harness: Harness;
beforeEach(async () => (harness = await launchExtension()));
afterEach(async () => harness?.close());

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
declare global {
  interface Window {
    __opened?: string[];
  }
}

const inDays = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${1984}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The two clients the Today and report tests work with. */
const importPlanClients = () =>
  importCsv(
    harness,
    [
      'company,contact,email,phone,status,birthday',
      `Polar Foods,Erik Lund,erik@polarfoods.example,+47 22 12 34 56,active,${inDays(2)}`,
      'Baltic Port,Anna Berg,anna@balticport.example,+370 5 212 3456,active,',
    ].join('\n'),
  );

/** Sets a client's last contact straight in the database, as if the last call was `days` ago. */
async function lastContactDaysAgo(page: Page, name: string, days: number) {
  await page.evaluate(
    async ({ name, at }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('clientdesk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('clients', 'readwrite');
        const req = tx.objectStore('clients').index('name').get(name);
        req.onsuccess = () => tx.objectStore('clients').put({ ...req.result, lastContactAt: at });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { name, at: new Date(Date.now() - days * 86_400_000).toISOString() },
  );
}

describe('Today', () => {
  beforeEach(importPlanClients);

  it('lists a client not contacted for 31 days, and no longer once a call is logged', async () => {
    const page = await harness.openOptions('#today');
    await lastContactDaysAgo(page, 'Baltic Port', 31);
    await lastContactDaysAgo(page, 'Polar Foods', 3);
    await page.reload();
    const section = page.locator('[data-section=notContacted]');
    await expect.poll(() => section.locator('li').allTextContents()).toEqual([expect.stringContaining('Baltic Port')]);

    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('agenda-summary').textContent()).toContain('1 not contacted for a month');
    await popup.getByRole('button', { name: 'Log a call' }).click();
    await popup.getByLabel('Number or client').fill('+370 5 212 3456');
    await popup.getByRole('button', { name: 'Next' }).click();
    const form = popup.getByRole('form', { name: 'Log a call' });
    await form.getByLabel('Outcome').selectOption('reached');
    await form.getByRole('button', { name: 'Save call' }).click();
    await popup.getByText('Call logged.').waitFor();
    await popup.close();

    await page.reload();
    await page.locator('[data-section=notContacted]').waitFor();
    await expect.poll(() => section.locator('li').count()).toBe(0);
    await page.close();
  });

  it('lists a birthday of the coming week, and its greeting opens a Gmail compose addressed and filled', async () => {
    const page = await harness.openOptions('#today');
    const item = page.locator('[data-section=greetings] li', { hasText: 'Erik Lund' });
    await item.waitFor();
    await page.evaluate(() => {
      window.__opened = [];
      window.open = (url?: string | URL) => (window.__opened!.push(String(url)), null);
    });
    await item.getByRole('button', { name: 'Send greeting' }).click();
    await expect.poll(() => page.evaluate(() => window.__opened?.length)).toBe(1);
    const url = new URL((await page.evaluate(() => window.__opened![0]))!);
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(url.searchParams.get('view')).toBe('cm');
    expect(url.searchParams.get('to')).toBe('erik@polarfoods.example');
    expect(url.searchParams.get('su')).toContain('Happy birthday, Erik');
    expect(url.searchParams.get('body')).not.toContain('<');
    expect(url.searchParams.get('body')).not.toContain('{{');
    await page.close();
  });
});

describe('the report reminder', () => {
  it('does not ask a new user for a report of the month before they installed ClientDesk', async () => {
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.getByRole('region', { name: 'Your day' }).waitFor();
    const askDue = () => popup.evaluate(() => chrome.runtime.sendMessage({ type: 'pageToBackground.getReportDue' }));
    expect(await askDue()).toMatchObject({ ok: true, data: { due: false } });
    expect(await popup.getByTestId('report-due').count()).toBe(0);

    // The same user a while later: ClientDesk first ran in an earlier month, so last month's report is due.
    await popup.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('clientdesk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('settings', 'readwrite');
        const req = tx.objectStore('settings').get('settings');
        req.onsuccess = () => tx.objectStore('settings').put({ ...req.result, value: { ...req.result.value, startedOn: '2020-01-15' } });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    });
    // The service worker keeps the settings in memory: a new one reads them again.
    await harness.stopServiceWorker();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('report-due').textContent()).toMatch(/performance report is (overdue|due on)/);
    await popup.close();
  });
});

/** Activities of a month, written straight into the log (what sends and calls would have logged). */
async function seedActivities(page: Page, rows: { type: string; client: string; day: string; id?: string; retractsId?: string }[]) {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('clientdesk');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const ids = new Map<string, string>();
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(['clients', 'activities'], 'readwrite');
      const byName = tx.objectStore('clients').index('name');
      for (const row of rows) {
        const req = byName.get(row.client);
        req.onsuccess = () => {
          ids.set(row.client, req.result.id);
          const at = `${row.day}T12:00:00.000Z`;
          tx.objectStore('activities').put({
            id: row.id ?? crypto.randomUUID(), ownerId: 'test', createdAt: at, updatedAt: at, deletedAt: null, type: row.type,
            clientId: req.result.id, contactId: null, at, dayKey: row.day, channelRef: null, templateId: null,
            outcome: row.type === 'call' ? 'reached' : null, summary: '', retractsId: row.retractsId ?? null,
          });
        };
      }
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, rows);
}

describe('contracts and the monthly report', () => {
  beforeEach(importPlanClients);

  it('signing a first contract moves the month’s contract counter', async () => {
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    const counter = () => popup.locator('[data-counter=newContracts] .progress-value').textContent();
    await expect.poll(counter).toMatch(/^0 \/ 4$/);

    const list = await harness.openOptions('#clients');
    await list.locator('[data-testid=client-list][aria-busy=false]').waitFor();
    await list.getByLabel('Search clients').fill('Polar Foods');
    await list.getByTestId('client-row').first().click();
    await list.getByRole('heading', { name: 'Polar Foods' }).waitFor();
    await list.getByRole('button', { name: 'Add contract' }).click();
    const form = list.getByRole('form', { name: 'Contract' });
    await form.getByLabel('Contract number').fill('12/26');
    await form.getByLabel('Amount').fill('120000');
    await form.getByLabel('Status').selectOption('signed');
    expect(await form.getByLabel('First contract with this client').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Save contract' }).click();
    await list.getByTestId('contract').filter({ hasText: '12/26' }).waitFor();
    await expect.poll(() => list.getByTestId('timeline').textContent()).toContain('12/26');
    await popup.reload();
    await expect.poll(counter).toMatch(/^1 \/ 4$/);
    await list.close();
    await popup.close();
  });

  it('the report of a seeded month shows the expected totals, its Excel export has the same numbers, and it prints alone', async () => {
    const page = await harness.openOptions('#report');
    const offerId = crypto.randomUUID();
    await seedActivities(page, [
      // Monday 2 March 2026: three calls.
      ...['Polar Foods', 'Polar Foods', 'Baltic Port'].map((client) => ({ type: 'call', client, day: '2026-03-02' })),
      // Tuesday: two phone offers to one company count once, one to another company: 2.
      { type: 'phone_offer', client: 'Polar Foods', day: '2026-03-03' },
      { type: 'phone_offer', client: 'Polar Foods', day: '2026-03-03' },
      { type: 'phone_offer', client: 'Baltic Port', day: '2026-03-03' },
      // Wednesday: four e-mail offers, one undone: 3.
      { type: 'email_offer', client: 'Polar Foods', day: '2026-03-04', id: offerId },
      { type: 'retraction', client: 'Polar Foods', day: '2026-03-04', retractsId: offerId },
      ...['Polar Foods', 'Baltic Port', 'Baltic Port'].map((client) => ({ type: 'email_offer', client, day: '2026-03-04' })),
      // Saturday 7 March: a call on a day off still counts.
      { type: 'call', client: 'Baltic Port', day: '2026-03-07' },
      // 1 April: another month.
      { type: 'call', client: 'Baltic Port', day: '2026-04-01' },
    ]);
    await page.getByLabel('Month', { exact: true }).fill('2026-03');
    const totals = page.getByTestId('report-totals');
    const figure = (name: string) => totals.locator(`td[data-figure=${name}]`).textContent();
    await expect.poll(() => figure('calls')).toBe('4');
    expect(await figure('phoneOffers')).toBe('2');
    expect(await figure('emailOffers')).toBe('3');
    expect(await page.locator('tr[data-day="2026-03-07"]').getAttribute('data-working')).toBe('false');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('clientdesk-report-2026-03.xlsx');
    const book = read(readFileSync(await download.path()));
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    const header = rows[0] as string[];
    const total = rows.find((r) => r[0] === 'Total')!;
    expect(total[header.indexOf('Calls')]).toBe(4);
    expect(total[header.indexOf('Phone offers')]).toBe(2);
    expect(total[header.indexOf('E-mail offers')]).toBe(3);

    // Print (Print → Save as PDF): only the report, without the workspace's tabs and the page's buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Workspace' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Export Excel' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Month', { exact: true }).isVisible()).toBe(false);
    expect(await totals.isVisible()).toBe(true);
    expect(await page.locator('tr[data-day="2026-03-02"]').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });
});

describe('reminders', () => {
  it('schedules the daily reminder as an alarm at the time set in Settings, and moves it when the time changes', async () => {
    const worker = await harness.worker();
    type Alarm = { scheduledTime: number; periodInMinutes?: number } | undefined;
    const alarm = () => worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<Alarm> } } }).chrome.alarms.get('clientdesk:reminder'));
    // A fresh profile: the worker schedules the alarm once it has read the settings.
    await expect.poll(async () => (await alarm())?.periodInMinutes, { timeout: 15_000 }).toBe(1440);
    expect(new Date((await alarm())!.scheduledTime).getHours()).toBe(9);

    const options = await harness.openOptions('#settings');
    const form = options.getByRole('form', { name: 'Plan settings' });
    await form.getByLabel('Daily reminder at').fill('16:45');
    await form.getByRole('button', { name: 'Save plan settings' }).click();
    await form.getByText('Saved').waitFor();
    await expect.poll(async () => {
      const at = new Date((await alarm())!.scheduledTime);
      return `${at.getHours()}:${at.getMinutes()}`;
    }).toBe('16:45');
    await options.close();
  });
});
