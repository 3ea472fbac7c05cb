import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { correspondent, GMAIL_COMPOSE_URL, GMAIL_THREAD_URL, importCsv, launchExtension, openGmail, SEED_CSV, sidebarFrame, sidebarPart, type Harness } from './harness';

// The docked sidebar itself: where it sits, collapsing, opening by itself, navigation (issue 2).

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

async function sidebarBox(page: Page) {
  const box = await (await sidebarPart(page, 'iframe')).boundingBox();
  if (!box) throw new Error('The sidebar is not on screen');
  return box;
}

/** The handle (in the host's closed shadow root): click, read and measure it like a locator. */
const handle = (page: Page) => ({
  click: async () => (await sidebarPart(page, 'button')).click(),
  getAttribute: async (name: string) => (await sidebarPart(page, 'button')).getAttribute(name),
  boundingBox: async () => (await sidebarPart(page, 'button')).boundingBox(),
});
const frameVisible = async (page: Page) => (await sidebarPart(page, 'iframe')).isVisible();

describe('the docked sidebar', () => {
  it('is docked at the right, on screen, and never covers the compose window or its Send button', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', GMAIL_COMPOSE_URL);
    await correspondent(sidebar, 'hans@nordfrost.de').waitFor();
    const viewport = page.viewportSize()!;
    const box = await sidebarBox(page);
    expect(box.x + box.width).toBeCloseTo(viewport.width, 0);
    expect(box.height).toBeCloseTo(viewport.height, 0);
    for (const selector of ['[role=dialog]', 'table.IZ div[role=button].T-I-atl']) {
      const target = await page.locator(selector).first().boundingBox();
      expect(target, selector).not.toBeNull();
      expect(target!.x + target!.width, `${selector} right edge`).toBeLessThanOrEqual(box.x);
      expect(target!.width).toBeGreaterThan(0);
    }
    // The handle does not cover the Send button either.
    const send = (await page.locator('table.IZ div[role=button].T-I-atl').first().boundingBox())!;
    const handleBox = (await handle(page).boundingBox())!;
    const overlaps = handleBox.x < send.x + send.width && send.x < handleBox.x + handleBox.width && handleBox.y < send.y + send.height && send.y < handleBox.y + handleBox.height;
    expect(overlaps).toBe(false);
    await page.close();
  });

  it('collapses, gives the page its width back, and remembers the choice after a reload', async () => {
    const { page } = await openGmail(harness, 'compose-two.html', 'https://mail.google.com/mail/u/0/#inbox');
    await handle(page).click();
    await expect.poll(() => frameVisible(page)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.classList.contains('clientdesk-docked'))).toBe(false);
    expect(await page.evaluate(() => document.body.getBoundingClientRect().right)).toBeGreaterThan(page.viewportSize()!.width - 20);
    await page.reload();
    await page.locator('clientdesk-sidebar').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    expect(await handle(page).getAttribute('aria-expanded')).toBe('false');
    await handle(page).click();
    await expect.poll(() => frameVisible(page)).toBe(true);
    await page.close();
  });

  it('opens by itself when a thread with correspondents is opened, and follows Gmail navigation without a reload', async () => {
    const { page } = await openGmail(harness, 'thread-known.html', 'https://mail.google.com/mail/u/0/#inbox');
    // Collapse it on a page without correspondents… (the fixture's thread is read once the hash is a thread route)
    if ((await handle(page).getAttribute('aria-expanded')) === 'true') await handle(page).click();
    await page.evaluate((url) => (location.href = url), GMAIL_THREAD_URL);
    await expect.poll(() => handle(page).getAttribute('aria-expanded')).toBe('true');
    const sidebar = await sidebarFrame(page);
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    // Gmail swaps the thread in place: the sidebar follows.
    await page.evaluate(() => {
      const sender = document.querySelector('[role=main] h3.iw span[email]');
      sender?.setAttribute('email', 'hans@nordfrost.de');
      sender?.setAttribute('data-hovercard-id', 'hans@nordfrost.de');
    });
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    expect(await correspondent(sidebar, 'ivan.petrov@rosstal.ru').count()).toBe(0);
    await page.close();
  });
});

describe('after the service worker is stopped', () => {
  it('the sidebar still shows the page, and edits still work', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-known.html');
    const card = correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first();
    await card.waitFor();
    await harness.stopServiceWorker();
    // The sidebar reconnects to a new service worker, which restores the tab's page from session storage.
    await card.getByRole('textbox', { name: 'Note' }).fill('Asked for a call back after the holidays');
    await card.getByRole('button', { name: 'Add note' }).click();
    await card.locator('.timeline li', { hasText: 'call back after the holidays' }).waitFor();
    expect(await correspondent(sidebar, 'olga@rosstal.ru').count()).toBe(1);
    // The page's own port reconnects too: Gmail navigation is still followed.
    await page.evaluate(() => {
      const sender = document.querySelector('[role=main] h3.iw span[email]');
      sender?.setAttribute('email', 'hans@nordfrost.de');
      sender?.setAttribute('data-hovercard-id', 'hans@nordfrost.de');
    });
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await page.close();
  });
});
