import type { Page, Worker } from 'playwright-core';
import { openGmail, type Harness } from '../browser/harness';

// Confirmed send → new badge text: each round opens a compose to a seeded contact, marks it as an
// offer, sends it, and waits for the badge to count it once the (short) undo window has passed.
// The background records the time from the page reporting the final send to the badge being set.

const COMPOSE_URL = 'https://mail.google.com/mail/u/0/?undo=0.2#inbox?compose=new';

async function badge(worker: Worker): Promise<number> {
  return Number(await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({})));
}

export async function sendToBadgeMs(harness: Harness, rounds: number): Promise<number[]> {
  const worker = await harness.worker();
  await worker.evaluate(() => performance.clearMeasures('clientdesk:send-to-badge'));
  let page: Page | null = null;
  for (let round = 0; round < rounds; round++) {
    await page?.close();
    const opened = await openGmail(harness, 'compose-two.html', COMPOSE_URL);
    page = opened.page;
    await page.locator('[role=dialog] input[name=draft]').evaluate((input, n) => ((input as HTMLInputElement).value = `#msg-a:r-bench-${n}`), round);
    const toggle = opened.sidebar.locator('.compose-tools input[type=checkbox]').first();
    await toggle.check();
    const before = await badge(worker);
    await page.locator('[role=dialog] table.IZ div[role=button].T-I-atl').first().click();
    for (let i = 0; i < 100 && (await badge(worker)) === before; i++) await page.waitForTimeout(50);
  }
  await page?.close();
  const worker2 = await harness.worker();
  return worker2.evaluate(() => performance.getEntriesByName('clientdesk:send-to-badge').map((e) => e.duration));
}
