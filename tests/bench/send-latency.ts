import type { Page, Worker } from 'playwright-core';
import { openGmail, openOutlook, type Harness } from '../browser/harness';

// Confirmed send → new badge text: each round opens a compose to seeded clients, marks it as an
// offer, sends it, and waits for the badge to count it (Gmail: once its short undo window passed;
// Outlook: once its send request was seen). The background records the time from the page
// reporting the send to the badge being set.

export interface SendSite {
  label: string;
  open(harness: Harness, round: number): Promise<{ page: Page; sidebar: Awaited<ReturnType<typeof openGmail>>['sidebar'] }>;
  sendButton: string;
}

export const GMAIL_SEND: SendSite = {
  label: 'Gmail',
  async open(harness, round) {
    const opened = await openGmail(harness, 'compose-two.html', 'https://mail.google.com/mail/u/0/?undo=0.2#inbox?compose=new');
    await opened.page.locator('[role=dialog] input[name=draft]').evaluate((input, n) => ((input as HTMLInputElement).value = `#msg-a:r-bench-${n}`), round);
    return opened;
  },
  sendButton: '[role=dialog] table.IZ div[role=button].T-I-atl',
};

export const OUTLOOK_SEND: SendSite = {
  label: 'Outlook',
  open: (harness) => openOutlook(harness, 'compose-2024.html', 'https://outlook.office.com/mail/inbox'),
  sendButton: 'button[name="Send"]',
};

async function badge(worker: Worker): Promise<number> {
  return Number(await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({})));
}

export async function sendToBadgeMs(harness: Harness, site: SendSite, rounds: number): Promise<number[]> {
  const worker = await harness.worker();
  await worker.evaluate(() => performance.clearMeasures('clientdesk:send-to-badge'));
  for (let round = 0; round < rounds; round++) {
    const { page, sidebar } = await site.open(harness, round);
    await sidebar.locator('.compose-tools input[type=checkbox]').first().check();
    const before = await badge(worker);
    await page.locator(site.sendButton).first().click();
    for (let i = 0; i < 100 && (await badge(worker)) === before; i++) await page.waitForTimeout(50);
    await page.close();
  }
  return (await harness.worker()).evaluate(() => performance.getEntriesByName('clientdesk:send-to-badge').map((e) => e.duration));
}
