import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { correspondent, GMAIL_COMPOSE_URL, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';

// Issue 12.10: a template's remote image, previewed in Options, fetched its address with the
// client's name in it; inserted into a mail, it went to every recipient. Nothing may reach
// tracker.example, from any page of the browser.

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: { id: string; name: string; bodyHtml: string }[] }> } };

const TRACKER = 'https://tracker.example';
const TRACKED_BODY =
  '<p>Dear {{contact.first_name|colleague}}, our prices for {{client.name}}:</p>' +
  `<img src="${TRACKER}/p.gif?c={{client.name}}&t={{client.price_type}}" width="1" height="1">` +
  `<div style="background:url(${TRACKER}/bg.gif?c={{client.name}})">Wholesale list</div>` +
  '<p><a href="https://shop.example/{{client.name}}">Our shop</a></p>';

let harness: Harness;
/**
 * Every request to the tracker that reached the network, from any page of the browser. Recorded
 * where it is routed, not on 'request': Chromium reports a request its CSP blocked as sent too.
 */
const trackerRequests: string[] = [];
beforeAll(async () => {
  harness = await launchExtension();
  await harness.context.route(`${TRACKER}/**`, (route) => {
    trackerRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') });
  });
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

async function listTemplates(page: Page) {
  return (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.listTemplates' }))).data;
}

describe('templates that would load from a server', () => {
  it('previewed in Options for a client, fetch nothing; saving removes the remote image and says why', async () => {
    trackerRequests.length = 0;
    const page = await harness.openOptions('#templates');
    await page.locator('.template-index').getByRole('button', { name: '+ New template' }).click();
    await page.locator('#t-name').fill('Tracked offer');
    await page.getByLabel('Body (HTML)').fill(TRACKED_BODY);
    // The editor warns before saving, and says the link's variable is not filled in.
    const notes = page.getByTestId('template-address-notes');
    await expect.poll(() => notes.textContent()).toContain('removed when you save');
    expect(await notes.textContent()).toContain('{{client.name}}');
    await page.getByLabel('Preview for a client').fill('Ros');
    await page.locator('.preview').getByRole('button', { name: 'Rosstal' }).click();
    const preview = page.getByTestId('preview-body');
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain('our prices for Rosstal');
    expect(await preview.locator('img').count()).toBe(0);
    expect(await preview.locator('a').getAttribute('href')).toBe('https://shop.example/');

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: 'Remote images were removed' }).waitFor({ timeout: 15_000 });
    const stored = (await listTemplates(page)).find((t) => t.name === 'Tracked offer');
    expect(stored?.bodyHtml).toBeDefined();
    expect(stored!.bodyHtml).not.toContain('tracker.example');
    expect(stored!.bodyHtml).toContain('Wholesale list');
    // The content security policy stops whatever else would try (a future bug, a library).
    const tried = await page.evaluate(async (tracker) => {
      document.body.insertAdjacentHTML('beforeend', `<img src="${tracker}/csp.gif?c=Rosstal">`);
      const fetched = await fetch(`${tracker}/fetch?c=Rosstal`).then(() => 'fetched', () => 'refused');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return fetched;
    }, TRACKER);
    expect(tried).toBe('refused');
    expect(trackerRequests).toEqual([]);
    await page.close();
  });

  it('inserted into a Gmail compose (a template stored before this check, or written by another tool), put no remote image in the mail', async () => {
    trackerRequests.length = 0;
    // Written straight into the database, as an older version would have stored it.
    const options = await harness.openOptions('#templates');
    await options.locator('.template-index').getByRole('button', { name: 'Commercial offer' }).waitFor();
    const seed = (await listTemplates(options)).find((t) => t.name === 'Commercial offer')!;
    await options.evaluate(
      ({ id, body }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('clientdesk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('templates', 'readwrite');
            const store = tx.objectStore('templates');
            const get = store.get(id);
            get.onsuccess = () => store.put({ ...get.result, id: `${id}-tracked`, name: 'Old tracked offer', bodyHtml: body, updatedAt: new Date().toISOString() });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id: seed.id, body: TRACKED_BODY },
    );
    // No sidebar has been open in this browser yet, so the background has not cached the template list.
    await options.close();

    const { page, sidebar } = await openGmail(harness, 'compose-two.html', GMAIL_COMPOSE_URL);
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    const tools = sidebar.locator('.compose-tools').first();
    await tools.locator('details.templates').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await tools.getByRole('button', { name: /^Old tracked offer/ }).click();
    await tools.getByRole('status').waitFor({ timeout: 15_000 });
    const body = page.locator('[role=dialog] [g_editable=true]').first();
    await expect.poll(() => body.innerHTML()).toContain('our prices for Rosstal');
    const html = await body.innerHTML();
    expect(html).not.toContain('tracker.example');
    expect(html).not.toMatch(/<img|url\(/);
    // The link is kept, without the client's name in its address.
    expect(html).toContain('href="https://shop.example/"');
    await page.waitForTimeout(1000);
    expect(trackerRequests).toEqual([]);
    await page.close();
  });
});
