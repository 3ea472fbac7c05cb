import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correspondent, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';

// Issue 12.11: a page on a supported site that frames its own copy of sidebar.html gets no cards.

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

describe('a page framing its own sidebar', () => {
  it('with the static URL (and a guessed token) gets no cards, the worker gets no sidebar from it, and ours keeps working', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-known.html');
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    const worker = await harness.worker();
    await worker.evaluate(() => {
      const g = globalThis as unknown as { sidebarConnects: number; chrome: { runtime: { onConnect: { addListener(f: (p: { name: string }) => void): void } } } };
      g.sidebarConnects = 0;
      g.chrome.runtime.onConnect.addListener((p) => void (p.name === 'sidebarToBackground.subscribe' && g.sidebarConnects++));
    });
    // The page cannot reach our frame (closed shadow root), so it makes its own.
    expect(await page.evaluate(() => document.querySelector('clientdesk-sidebar')?.shadowRoot ?? null)).toBeNull();
    await page.evaluate((id) => {
      for (const hash of ['', '#0123456789abcdef0123456789abcdef']) {
        const frame = document.createElement('iframe');
        frame.className = 'hijack';
        frame.src = `chrome-extension://${id}/sidebar.html${hash}`;
        document.body.append(frame);
      }
    }, harness.extensionId);
    await page.waitForTimeout(10_000);
    const copies = page.frames().filter((f) => f !== page.mainFrame() && f !== sidebar);
    expect(copies.length).toBe(2);
    for (const copy of copies) {
      const text = await copy.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      expect(text).not.toContain('Rosstal');
    }
    expect(await worker.evaluate(() => (globalThis as unknown as { sidebarConnects: number }).sidebarConnects)).toBe(0);
    // Ours still follows the page.
    await page.evaluate(() => {
      const sender = document.querySelector('[role=main] h3.iw span[email]');
      sender?.setAttribute('email', 'hans@nordfrost.de');
      sender?.setAttribute('data-hovercard-id', 'hans@nordfrost.de');
    });
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await page.close();
  });
});
