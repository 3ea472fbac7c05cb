import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { correspondent, openGmail, type Harness } from './harness';
import { badgeText, freshSeededExtensionPerTest, gmailComposeUrl as COMPOSE, setOfferBox } from './gmail-sends';
import { mailActivityCounts, storedClient, storedMailActivities } from './stored';

// One-click offers, counted on the badge only for confirmed sends (issues 3 and 12).
// The fixtures act like Gmail: Send or Ctrl+Enter closes the compose and shows "Message sent" with
// Undo for the undo window (?undo=N seconds), then the send is final.
// Every test has its own browser profile (a fresh database): it passes alone and in any order, and
// asserts what was stored (activities, compose marks, the card), not only what a page shows.

/** Longer than the undo window plus the detector's grace: a send that would count has counted by then. */
const AFTER_UNDO_WINDOW_MS = 6000;

const current = freshSeededExtensionPerTest();
let harness: Harness;
beforeEach(() => void (harness = current()));

declare const chrome: {
  action: { getTitle(details: object): Promise<string>; setBadgeText(details: object): Promise<void> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

const badge = () => badgeText(harness);

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

const setDraftId = (page: Page, draftId: string) =>
  page.locator('[role=dialog] input[name=draft]').first().evaluate((input, id) => ((input as HTMLInputElement).value = id), draftId);

/** Sends the two-client compose with the offer template and waits until it counted (2 offers). */
async function sendTemplatedOfferToTwoClients(): Promise<void> {
  const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
  await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
  await insertTemplate(sidebar, 'Commercial offer');
  await sendAndWaitForNotice(page);
  await expect.poll(badge, { timeout: 15_000 }).toBe('2');
  await page.close();
}

describe('offers in Gmail', () => {
  it('inserts "Commercial offer" into a compose to two clients; after the send and its undo window two offers are stored and the badge reads 2', async () => {
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
    // Provisional during the undo window: nothing counted or stored yet.
    expect(await badge()).toBe('0');
    expect(await storedMailActivities(harness)).toEqual([]);
    await expect.poll(badge, { timeout: 15_000 }).toBe('2');
    const offers = await storedMailActivities(harness);
    const [rosstal, nordfrost] = [await storedClient(harness, 'Rosstal'), await storedClient(harness, 'Nordfrost')];
    expect(offers.map((a) => a.type)).toEqual(['email_offer', 'email_offer']);
    expect(offers.map((a) => a.clientId).sort()).toEqual([rosstal.id, nordfrost.id].sort());
    expect(offers.every((a) => a.templateId !== null && a.summary === 'Q3 deliveries: Rosstal and Nordfrost')).toBe(true);
    await page.close();
  });

  it('stores nothing and leaves the badge at 0 when a send is undone', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(3));
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    await insertTemplate(sidebar, 'Commercial offer');
    await sendAndWaitForNotice(page);
    await page.locator('#link_undo').click();
    // Undo brings the compose back.
    await page.locator('[role=dialog]').first().waitFor();
    await page.waitForTimeout(3000 + AFTER_UNDO_WINDOW_MS);
    expect(await badge()).toBe('0');
    expect(await storedMailActivities(harness)).toEqual([]);
    await page.close();
  });

  it('counts no offer for a templated mail the user unticked, but puts the sent mail on the timeline as an e-mail', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
    await setDraftId(page, '#msg-a:r-unticked');
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    await insertTemplate(sidebar, 'Commercial offer');
    await setOfferBox(harness, sidebar, false);
    await sendAndWaitForNotice(page);
    await expect.poll(() => mailActivityCounts(harness), { timeout: 15_000 }).toEqual({ email: 2, email_offer: 0 });
    await page.waitForTimeout(1000);
    expect(await badge()).toBe('0');
    expect(await mailActivityCounts(harness)).toEqual({ email: 2, email_offer: 0 });
    expect((await storedClient(harness, 'Rosstal')).lastContactAt).not.toBeNull();
    await page.close();
  });

  it('counts one offer for a hand-written mail to one client ticked as an offer in the sidebar, sent with Ctrl+Enter', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
    await setDraftId(page, '#msg-a:r-marked');
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    // Only Ivan stays: one organisation.
    await page.locator('[role=dialog] [role=option][data-hovercard-id="hans@nordfrost.de"] [role=button]').click();
    await expect.poll(() => correspondent(sidebar, 'hans@nordfrost.de').count()).toBe(0);
    await setOfferBox(harness, sidebar, true);
    await page.locator('[role=dialog] [g_editable=true]').first().click();
    await page.keyboard.press('Control+Enter');
    await page.locator('#link_undo').waitFor();
    await expect.poll(badge, { timeout: 15_000 }).toBe('1');
    const stored = await storedMailActivities(harness);
    expect(stored.map((a) => [a.type, a.clientId, a.templateId])).toEqual([['email_offer', (await storedClient(harness, 'Rosstal')).id, null]]);
    await page.close();
  });

  it('counts exactly when two tabs send at the same moment', async () => {
    const tabs = await Promise.all(['a', 'b'].map(() => openGmail(harness, 'compose-two.html', COMPOSE(1))));
    for (const [i, { page, sidebar }] of tabs.entries()) {
      // A user works in the tab in front; Chromium throttles the ones behind.
      await page.bringToFront();
      await setDraftId(page, `#msg-a:r-tab-${i}`);
      await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
      await insertTemplate(sidebar, 'Commercial offer');
    }
    await Promise.all(tabs.map(({ page }) => page.locator('[role=dialog] table.IZ div[role=button].T-I-atl').first().click()));
    await expect.poll(badge, { timeout: 15_000 }).toBe('4');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await badge()).toBe('4');
    const offers = await storedMailActivities(harness);
    expect(offers.filter((a) => a.type === 'email_offer')).toHaveLength(4);
    expect(new Set(offers.map((a) => a.channelRef)).size).toBe(4);
    for (const { page } of tabs) await page.close();
  });

  it('recomputes the badge from the database when the service worker starts again, and rolls over at local midnight', async () => {
    await sendTemplatedOfferToTwoClients();
    const worker = await harness.worker();
    await worker.evaluate(() => chrome.action.setBadgeText({ text: '' }));
    await harness.stopServiceWorker();
    // Any event starts a new worker; it recomputes the badge on start.
    const options = await harness.openOptions();
    await expect.poll(badge, { timeout: 10_000 }).toBe('2');
    const title = await (await harness.worker()).evaluate(() => chrome.action.getTitle({}));
    expect(title).toContain('E-mail offers today: 2 / 50');
    expect(title).toContain('Calls today: 0 / 30');
    const alarm = await (await harness.worker()).evaluate(() => chrome.alarms.get('clientdesk:midnight'));
    const midnight = new Date();
    midnight.setHours(24, 0, 0, 0);
    expect(Math.abs(alarm!.scheduledTime - midnight.getTime())).toBeLessThan(5_000);
    await options.close();
  });

  it('shows today’s progress and offers in the popup, and finds clients', async () => {
    await sendTemplatedOfferToTwoClients();
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    const email = popup.locator('[data-counter=emailOffers]');
    await email.waitFor();
    expect(await email.locator('.progress-value').textContent()).toBe('2 / 50');
    expect(await popup.locator('[data-counter=calls] .progress-value').textContent()).toBe('0 / 30');
    expect(await popup.locator('[data-counter=newContracts] .progress-value').textContent()).toBe('0 / 4');
    const clients = await popup.locator('.offers-today li strong').allTextContents();
    expect(clients.sort()).toEqual(['Nordfrost', 'Rosstal']);
    await popup.getByLabel('Find a client').fill('olga@ros');
    await popup.locator('.hit', { hasText: 'Rosstal' }).waitFor();
    await popup.getByLabel('Find a client').fill('+49 30 1234567');
    await popup.locator('.hit', { hasText: 'Nordfrost' }).waitFor();
    await popup.close();
  });
});
