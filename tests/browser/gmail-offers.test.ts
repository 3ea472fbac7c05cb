import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { correspondent, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';

// One-click offers, counted on the badge only for confirmed sends (issue 3).
// The fixtures act like Gmail: Send or Ctrl+Enter closes the compose and shows "Message sent" with
// Undo for the undo window (?undo=N seconds), then the send is final.

const COMPOSE = (undoSeconds: number) => `https://mail.google.com/mail/u/0/?undo=${undoSeconds}#inbox?compose=new`;

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

async function badge(): Promise<string> {
  const worker = await harness.worker();
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

declare const chrome: {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string>; setBadgeText(details: object): Promise<void> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

/** Inserts a template into the compose the sidebar shows for `email`'s compose. */
async function insertTemplate(sidebar: Frame, name: string, composeIndex = 0) {
  const tools = sidebar.locator('.compose-tools').nth(composeIndex);
  await tools.locator('details.templates').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await tools.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await tools.locator('[role=status], [role=alert]').first().waitFor();
  const alert = tools.getByRole('alert');
  if (await alert.count()) throw new Error(`Insert failed: ${await alert.textContent()}`);
}

async function sendAndWaitForNotice(page: Page, compose = page.locator('[role=dialog]').first()) {
  await compose.locator('table.IZ div[role=button].T-I-atl').first().click();
  await page.locator('#link_undo').waitFor();
}

describe('offers in Gmail', () => {
  it('inserts "Commercial offer" into a compose to two clients; after the send and its undo window the badge reads 2', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(2));
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    expect(await badge()).toBe('0');
    await insertTemplate(sidebar, 'Commercial offer');
    const body = page.locator('[role=dialog] [g_editable=true]').first();
    const html = await body.innerHTML();
    expect(html).toContain('Ivan');
    expect(html).not.toContain('{{');
    expect(html).toContain('Wholesale 2');
    // Gmail keeps it: the draft saved after the insertion.
    await expect.poll(() => page.locator('[role=dialog]').first().getAttribute('data-draft-state')).toBe('saved');
    // The sidebar shows which template is in which compose, and that it counts as an offer.
    expect(await sidebar.locator('.compose-tools .inserted-templates').textContent()).toContain('Commercial offer');
    expect(await sidebar.locator('.compose-tools input[type=checkbox]').isChecked()).toBe(true);

    await sendAndWaitForNotice(page);
    // Provisional during the undo window: not counted yet.
    expect(await badge()).toBe('0');
    await expect.poll(badge, { timeout: 10_000 }).toBe('2');
    await page.close();
  });

  it('leaves the badge alone when a send is undone, and when a plain mail is sent', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(3));
    await page.locator('[role=dialog] input[name=draft]').evaluate((input) => ((input as HTMLInputElement).value = '#msg-a:r-undo-test'));
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    await insertTemplate(sidebar, 'Commercial offer');
    await sendAndWaitForNotice(page);
    await page.locator('#link_undo').click();
    // Undo brings the compose back; it is discarded this time.
    await page.locator('[role=dialog]').first().waitFor();
    await page.waitForTimeout(3500);
    expect(await badge()).toBe('2');

    // A plain mail (no offer template, not marked): logged as an e-mail, not an offer.
    await page.locator('[role=dialog] input[name=draft]').evaluate((input) => ((input as HTMLInputElement).value = '#msg-a:r-plain'));
    await sidebar.locator('.compose-tools input[type=checkbox]').uncheck();
    await expect.poll(() => sidebar.locator('.compose-tools input[type=checkbox]').isChecked()).toBe(false);
    await sendAndWaitForNotice(page);
    await page.waitForTimeout(3500);
    expect(await badge()).toBe('2');
    await page.close();
  });

  it('counts a hand-written mail marked as an offer, sent with Ctrl+Enter', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
    await page.locator('[role=dialog] input[name=draft]').evaluate((input) => ((input as HTMLInputElement).value = '#msg-a:r-marked'));
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await sidebar.locator('.compose-tools input[type=checkbox]').check();
    await expect.poll(() => sidebar.locator('.compose-tools input[type=checkbox]').isChecked()).toBe(true);
    await page.locator('[role=dialog] [g_editable=true]').first().click();
    await page.keyboard.press('Control+Enter');
    await page.locator('#link_undo').waitFor();
    await expect.poll(badge, { timeout: 10_000 }).toBe('4');
    await page.close();
  });

  it('counts exactly when two tabs send at the same moment', async () => {
    const tabs = await Promise.all(['a', 'b'].map(() => openGmail(harness, 'compose-two.html', COMPOSE(1))));
    for (const [i, { page, sidebar }] of tabs.entries()) {
      // A user works in the tab in front; Chromium throttles the ones behind.
      await page.bringToFront();
      await page.locator('[role=dialog] input[name=draft]').evaluate((input, n) => ((input as HTMLInputElement).value = `#msg-a:r-tab-${n}`), i);
      await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
      await insertTemplate(sidebar, 'Commercial offer');
    }
    await Promise.all(tabs.map(({ page }) => page.locator('[role=dialog] table.IZ div[role=button].T-I-atl').first().click()));
    await expect.poll(badge, { timeout: 10_000 }).toBe('8');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await badge()).toBe('8');
    for (const { page } of tabs) await page.close();
  });

  it('recomputes the badge from the database when the service worker starts again, and rolls over at local midnight', async () => {
    const worker = await harness.worker();
    await worker.evaluate(() => chrome.action.setBadgeText({ text: '' }));
    await harness.stopServiceWorker();
    // Any event starts a new worker; it recomputes the badge on start.
    const options = await harness.openOptions();
    await expect.poll(badge, { timeout: 10_000 }).toBe('8');
    const title = await (await harness.worker()).evaluate(() => chrome.action.getTitle({}));
    expect(title).toContain('E-mail offers today: 8 / 50');
    expect(title).toContain('Calls today: 0 / 30');
    const alarm = await (await harness.worker()).evaluate(() => chrome.alarms.get('clientdesk:midnight'));
    const midnight = new Date();
    midnight.setHours(24, 0, 0, 0);
    expect(Math.abs(alarm!.scheduledTime - midnight.getTime())).toBeLessThan(5_000);
    await options.close();
  });

  it('shows today’s progress and offers in the popup, and finds clients', async () => {
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    const email = popup.locator('[data-counter=emailOffers]');
    await email.waitFor();
    expect(await email.locator('.progress-value').textContent()).toBe('8 / 50');
    expect(await popup.locator('[data-counter=calls] .progress-value').textContent()).toBe('0 / 30');
    expect(await popup.locator('[data-counter=newContracts] .progress-value').textContent()).toBe('0 / 4');
    const clients = await popup.locator('.offers-today li strong').allTextContents();
    expect(clients.sort()).toEqual([...Array(4).fill('Nordfrost'), ...Array(4).fill('Rosstal')]);
    await popup.getByLabel('Find a client').fill('olga@ros');
    await popup.locator('.hit', { hasText: 'Rosstal' }).waitFor();
    await popup.getByLabel('Find a client').fill('+49 30 1234567');
    await popup.locator('.hit', { hasText: 'Nordfrost' }).waitFor();
    await popup.close();
  });
});
