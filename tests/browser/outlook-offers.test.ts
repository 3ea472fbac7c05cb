import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { correspondent, importCsv, launchExtension, openOutlook, SEED_CSV, type Harness } from './harness';

// Offers in Outlook on the web, counted from Outlook's own send request (issue 4). The fixtures act
// like Outlook on Send: the compose closes and the page posts service.svc?action=CreateItem (or
// UpdateItem for an autosaved draft) with the exact recipients in its JSON body.

const COMPOSE_URL = 'https://outlook.office.com/mail/inbox';

declare const chrome: { action: { getBadgeText(details: object): Promise<string> } };

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

async function badge(): Promise<string> {
  return (await harness.worker()).evaluate(() => chrome.action.getBadgeText({}));
}

/** Inserts the offer template into one compose: the first, or the one with this context id (composes re-order as focus moves). */
async function insertOffer(sidebar: Frame, composeId?: string) {
  const tools = composeId ? sidebar.locator(`.compose-tools[data-compose-id="${composeId}"]`) : sidebar.locator('.compose-tools').first();
  await tools.locator('details.templates').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await tools.getByRole('button', { name: /^Commercial offer/ }).click();
  await tools.locator('[role=status], [role=alert]').first().waitFor();
  if (await tools.getByRole('alert').count()) throw new Error(`Insert failed: ${await tools.getByRole('alert').textContent()}`);
}

describe('offers in Outlook', () => {
  it('counts "Commercial offer" sent to two clients as 2, using the addresses of the send request', async () => {
    const { page, sidebar } = await openOutlook(harness, 'compose-2024.html', COMPOSE_URL);
    // One pill shows only "Hans Weber": the page does not say his address, the send request does.
    await sidebar.locator('.correspondent[data-name="Hans Weber"] .card').first().waitFor();
    await insertOffer(sidebar);
    const body = page.locator('[contenteditable=true][aria-label^="Message body"], [id^="editorParent_"] [contenteditable=true]').first();
    expect(await body.innerHTML()).toContain('Ivan');
    expect(await body.innerHTML()).not.toContain('{{');
    // Outlook keeps it: the draft saved after the insertion.
    await expect.poll(() => page.locator('[data-draft-state]').first().getAttribute('data-draft-state')).toBe('saved');
    await page.locator('button[name="Send"]').first().click();
    await expect.poll(() => harness.owaRequests.length).toBe(1);
    // The draft was saved after the insertion, so Outlook sends it with UpdateItem.
    expect(harness.owaRequests[0]!.url).toContain('action=UpdateItem');
    await expect.poll(badge, { timeout: 15_000 }).toBe('2');
    await page.close();
  });

  it('counts nothing for a discarded compose', async () => {
    const { page, sidebar } = await openOutlook(harness, 'compose-fr.html', COMPOSE_URL);
    await sidebar.locator('.correspondent[data-name="Ivan Petrov"] .card').first().waitFor();
    await insertOffer(sidebar);
    await page.locator('#discardCompose, [data-fixture-action=discard]').first().click();
    await page.waitForTimeout(6000);
    expect(await badge()).toBe('2');
    expect(harness.owaRequests).toHaveLength(1);
    await page.close();
  });

  it('does not count a plain mail sent with CreateItem', async () => {
    const { page, sidebar } = await openOutlook(harness, 'compose-2024.html', COMPOSE_URL);
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    await page.locator('button[name="Send"]').first().click();
    await expect.poll(() => harness.owaRequests.at(-1)?.url ?? '').toContain('action=CreateItem');
    await page.waitForTimeout(6000);
    expect(await badge()).toBe('2');
    await page.close();
  });

  it('counts an autosaved draft sent through UpdateItem once', async () => {
    const { page, sidebar } = await openOutlook(harness, 'compose-2026.html', COMPOSE_URL);
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await insertOffer(sidebar, 'AAMkADraft2026Dialog');
    await page.locator('[data-fixture-draft-id="AAMkADraft2026Dialog"] button[name="Send"], [data-fixture-draft-id="AAMkADraft2026Dialog"] [data-fixture-action=send]').first().click();
    await expect.poll(() => harness.owaRequests.some((r) => r.url.includes('action=UpdateItem'))).toBe(true);
    await expect.poll(badge, { timeout: 15_000 }).toBe('3');
    await page.waitForTimeout(6000);
    expect(await badge()).toBe('3');
    await page.close();
  });
});
