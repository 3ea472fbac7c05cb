import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correspondent, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';

// Calls (issue 6): click-to-call from a card opens the calling method's link (captured here, not
// followed) and the outcome form; a call logged with an offer moves the popup's counters and the
// client's last contact.

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
declare global {
  interface Window {
    __opened?: string[];
  }
}

async function setCalling(calling: { method: string; threecxUrl?: string; customUrl?: string }) {
  const options = await harness.openOptions();
  const reply = await options.evaluate(
    (c) => chrome.runtime.sendMessage({ type: 'optionsToBackground.saveSettings', patch: { calling: { threecxUrl: '', customUrl: '', ...c } } }),
    calling,
  );
  expect(reply).toMatchObject({ ok: true });
  await options.close();
}

/** Replaces window.open in the sidebar so the link is recorded instead of followed. */
async function captureOpens(sidebar: Frame) {
  await sidebar.evaluate(() => {
    window.__opened = [];
    window.open = (url?: string | URL) => {
      window.__opened!.push(String(url));
      return null;
    };
  });
}

async function counter(popup: Page, key: string): Promise<string> {
  return (await popup.locator(`[data-counter=${key}] .progress-value`).textContent())?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('click-to-call', () => {
  const cases = [
    { calling: { method: 'tel' }, url: 'tel:+79161234567' },
    { calling: { method: 'google-voice' }, url: 'https://voice.google.com/u/0/calls?a=nc,%2B79161234567' },
    { calling: { method: '3cx', threecxUrl: 'https://pbx.acme-supply.example' }, url: 'https://pbx.acme-supply.example/webclient/#/call?phone=%2B79161234567' },
    { calling: { method: 'custom', customUrl: 'https://dialer.example/call?to={number}' }, url: 'https://dialer.example/call?to=%2B79161234567' },
  ];
  for (const { calling, url } of cases) {
    it(`opens the ${calling.method} link for a phone on a card, logs the attempt and opens the outcome form`, async () => {
      await setCalling(calling);
      const { page, sidebar } = await openGmail(harness, 'thread-known.html');
      const card = correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first();
      await card.waitFor();
      await captureOpens(sidebar);
      await card.getByRole('button', { name: '+7 916 123-45-67' }).click();
      await expect.poll(() => sidebar.evaluate(() => window.__opened)).toEqual([url]);
      const form = card.getByRole('form', { name: 'Log a call' });
      await form.waitFor();
      expect(await form.getByLabel('Number', { exact: true }).inputValue()).toBe('+7 916 123-45-67');
      expect(await form.textContent()).toContain('Client: Rosstal');
      await page.close();
    });
  }

  it('makes the phones on the Options client page and in the popup call actions too', async () => {
    await setCalling({ method: 'tel' });
    const list = await harness.openOptions('#clients');
    await list.locator('[data-testid=client-list][aria-busy=false]').waitFor();
    await list.getByLabel('Search clients').fill('Nordfrost');
    await list.getByTestId('client-row').first().click();
    await list.getByRole('heading', { name: 'Nordfrost' }).waitFor();
    await list.evaluate(() => {
      window.__opened = [];
      window.open = (url?: string | URL) => (window.__opened!.push(String(url)), null);
    });
    await list.getByTestId('contact').getByRole('button', { name: '+49 30 1234567' }).click();
    await expect.poll(() => list.evaluate(() => window.__opened)).toEqual(['tel:+49301234567']);
    await list.getByRole('form', { name: 'Log a call' }).waitFor();
    await list.close();

    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.evaluate(() => {
      window.__opened = [];
      window.open = (url?: string | URL) => (window.__opened!.push(String(url)), null);
    });
    await popup.getByLabel('Find a client').fill('Rosstal');
    await popup.getByRole('button', { name: '+7 916 123-45-67' }).click();
    await expect.poll(() => popup.evaluate(() => window.__opened)).toEqual(['tel:+79161234567']);
    await popup.getByRole('form', { name: 'Log a call' }).waitFor();
    await popup.close();
  });

  it('refuses a calling method that is not set up, with a message, and logs nothing', async () => {
    const options = await harness.openOptions();
    const reply = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'optionsToBackground.saveSettings', patch: { calling: { method: 'custom', threecxUrl: '', customUrl: 'https://dialer.example/call' } } }),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/\{number\}/) });
    await options.close();
  });
});

describe('logging a call', () => {
  it('a call with an offer moves the popup counters (calls, phone offers once per company) and the client’s last contact', async () => {
    await setCalling({ method: 'tel' });
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.locator('[data-counter=calls]').waitFor();
    const callsBefore = Number((await counter(popup, 'calls')).split(' / ')[0]);
    const offersBefore = Number((await counter(popup, 'phoneOffers')).split(' / ')[0]);

    for (const note of ['Sent the winter prices', 'Called back about delivery']) {
      await popup.getByRole('button', { name: 'Log a call' }).click();
      await popup.getByLabel('Number or client').fill('Nordfrost');
      await popup.getByRole('button', { name: 'Next' }).click();
      await popup.getByRole('list', { name: 'Clients' }).getByRole('button', { name: 'Nordfrost' }).click();
      const form = popup.getByRole('form', { name: 'Log a call' });
      await form.getByLabel('Outcome').selectOption('reached');
      await form.getByLabel('Duration (min:sec)').fill('3:20');
      await form.getByLabel('Commercial offer made').check();
      await form.getByLabel('Note').fill(note);
      await form.getByRole('button', { name: 'Save call' }).click();
      await popup.getByText('Call logged.').waitFor();
    }
    // Two calls; two offers to one company on one day count once.
    await expect.poll(() => counter(popup, 'calls')).toBe(`${callsBefore + 2} / 30`);
    await expect.poll(() => counter(popup, 'phoneOffers')).toBe(`${offersBefore + 1} / 20`);
    const title = await (await harness.worker()).evaluate(() => (globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }).chrome.action.getTitle({}));
    expect(title).toContain(`Calls today: ${callsBefore + 2} / 30`);
    expect(title).toContain(`Phone offers today: ${offersBefore + 1} / 20`);

    // The card's last contact is today, and the timeline has both calls.
    const list = await harness.openOptions('#clients');
    await list.locator('[data-testid=client-list][aria-busy=false]').waitFor();
    await list.getByLabel('Search clients').fill('Nordfrost');
    await list.getByTestId('client-row').first().click();
    await list.getByRole('heading', { name: 'Nordfrost' }).waitFor();
    const today = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
    expect(await list.getByText('Last contact').locator('xpath=following-sibling::span[1]').textContent()).toBe(today);
    expect(await list.getByTestId('timeline').textContent()).toContain('Sent the winter prices');
    await list.close();
    await popup.close();
  });

  it('asks which client a shared number belongs to before anything is logged', async () => {
    // A switchboard two companies share (an import would take the second row for the same person).
    await importCsv(harness, ['company,contact', 'Baltic Port,Anna', 'Neva Trade,Boris'].join('\n'));
    const options = await harness.openOptions();
    for (const company of ['Baltic Port', 'Neva Trade']) {
      const found = (await options.evaluate((q) => chrome.runtime.sendMessage({ type: 'pageToBackground.searchClients', query: q }), company)) as { data: { client: { id: string } }[] };
      const reply = await options.evaluate(
        (clientId) => chrome.runtime.sendMessage({ type: 'optionsToBackground.saveContact', clientId, contactId: null, fields: { name: 'Reception', position: '', emails: [], phones: ['+7 812 555-00-00'], birthday: null, decisionMaker: false } }),
        found.data[0]!.client.id,
      );
      expect(reply).toMatchObject({ ok: true });
    }
    await options.close();
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Log a call' }).click();
    await popup.getByLabel('Number or client').fill('8 812 555 00 00');
    await popup.getByRole('button', { name: 'Next' }).click();
    const form = popup.getByRole('form', { name: 'Log a call' });
    await form.getByLabel('Whose call').waitFor();
    await form.getByRole('button', { name: 'Save call' }).click();
    expect(await form.getByRole('alert').textContent()).toContain('several clients');
    await form.getByLabel('Whose call').selectOption({ label: 'Neva Trade · Reception' });
    await form.getByRole('button', { name: 'Save call' }).click();
    await popup.getByText('Call logged.').waitFor();
    await popup.close();
  });
});
