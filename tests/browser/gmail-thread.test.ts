import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correspondent, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';
import { storedClient, storedRows } from './stored';

// An open Gmail thread: who is in it, and their cards (issue 2).

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  expect(await importCsv(harness, SEED_CSV)).toMatch(/Clients: 2 added, 0 updated. Contacts: 3 added/);
});
afterAll(async () => harness?.close());

describe('Gmail thread', () => {
  it('shows the card of a client known by address, with its contact and terms', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-known.html');
    const card = correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first();
    await card.waitFor();
    expect(await card.locator('.company').textContent()).toBe('Rosstal');
    expect(await card.getAttribute('data-match')).toBe('address');
    const text = await card.textContent();
    for (const expected of ['Ivan Petrov', 'Purchasing manager', 'Active', '+7 916 123-45-67', 'Wholesale 2', '30 days deferral', '125,000']) {
      expect(text).toContain(expected);
    }
    // The Cc'd colleague is shown too; the user's own address is not a correspondent.
    await correspondent(sidebar, 'olga@rosstal.ru').locator('.card').first().waitFor();
    expect(await correspondent(sidebar, 'alice@acme-supply.com').count()).toBe(0);
    // The company name opens the client's full page in Options, in a new tab.
    const opening = harness.context.waitForEvent('page');
    await card.locator('.company a').click();
    const clientPage = await opening;
    await clientPage.getByRole('heading', { name: 'Rosstal', exact: true }).waitFor();
    expect(clientPage.url()).toMatch(/\/options\.html#client\/[\w-]+$/);
    await clientPage.close();
    await page.close();
  });

  it('shows the company for a sender known only by its domain', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-domain.html');
    const card = correspondent(sidebar, 'new.person@rosstal.ru').locator('.card').first();
    await card.waitFor();
    expect(await card.getAttribute('data-match')).toBe('domain');
    expect(await card.locator('.company').textContent()).toBe('Rosstal');
    await page.close();
  });

  it('offers "Create client card" for an unknown sender, pre-filled, and shows the new card at once', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-unknown.html');
    const maria = correspondent(sidebar, 'maria.garcia@baltic-fish.lt');
    await maria.getByRole('button', { name: 'Create client card' }).click();
    const form = maria.getByRole('form', { name: 'New client card' });
    expect(await form.locator('input[name=company]').inputValue()).toBe('Baltic-fish');
    expect(await form.locator('input[name=domain]').inputValue()).toBe('baltic-fish.lt');
    expect(await form.locator('input[name=contact]').inputValue()).toBe('Maria Garcia');
    expect(await form.locator('input[name=email]').inputValue()).toBe('maria.garcia@baltic-fish.lt');
    await form.locator('input[name=company]').fill('Baltic Fish UAB');
    await form.locator('input[name=position]').fill('Procurement');
    await form.locator('input[name=phone]').fill('+370 5 212 3456');
    await form.getByRole('button', { name: 'Save card' }).click();
    const card = maria.locator('.card').first();
    await card.waitFor();
    expect(await card.locator('.company').textContent()).toBe('Baltic Fish UAB');
    expect(await card.textContent()).toContain('Procurement');
    await page.close();
  });

  it('refuses a card with a bad phone, says why, and saves nothing', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-unknown.html');
    // The previous test created Baltic Fish: use its sender's colleague through a fresh draft instead.
    await page.evaluate(() => {
      const sender = document.querySelector('[role=main] h3.iw span[email]');
      sender?.setAttribute('email', 'pavel@kama-bearings.ru');
      sender?.setAttribute('data-hovercard-id', 'pavel@kama-bearings.ru');
    });
    const pavel = correspondent(sidebar, 'pavel@kama-bearings.ru');
    await pavel.getByRole('button', { name: 'Create client card' }).click();
    await pavel.locator('input[name=phone]').fill('12345');
    await pavel.getByRole('button', { name: 'Save card' }).click();
    await expect.poll(() => pavel.getByRole('alert').textContent()).toContain('"12345" is not a valid phone number');
    expect(await pavel.locator('.card').count()).toBe(0);
    await page.close();
  });

  it('does not let forged header markup in a message body change the correspondents', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-forged.html');
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    const emails = await sidebar.locator('.correspondent').evaluateAll((els) => els.map((e) => e.getAttribute('data-email')));
    expect(emails).not.toContain('ceo@evil-competitor.com');
    expect(emails).not.toContain('spy@evil.com');
    await page.close();
  });

  it('works the same in a Gmail in Spanish', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-es.html');
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    await correspondent(sidebar, 'olga@rosstal.ru').locator('.card').first().waitFor();
    await page.close();
  });

  it('says plainly when Gmail changed its markup and the thread cannot be read', async () => {
    const { page, sidebar } = await openGmail(harness, 'thread-changed-dom.html');
    const problem = sidebar.locator('[data-problem=thread-unreadable]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/cannot read/i);
    await page.close();
  });

  it('adds a note, sets the next contact date and edits the card from the sidebar, and stores each', async () => {
    // Its own profile: it changes Rosstal, which the other tests read as seeded (any order, issue 12.1).
    const own = await launchExtension();
    try {
      await editCardFromSidebar(own);
    } finally {
      await own.close();
    }
  });
});

/** Notes, the next contact date and the card form, each checked in the database. */
async function editCardFromSidebar(own: Harness) {
  await importCsv(own, SEED_CSV);
  const { page, sidebar } = await openGmail(own, 'thread-known.html');
  const card = correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first();
  await card.waitFor();
  await card.getByRole('textbox', { name: 'Note' }).fill('Wants prices for 12 mm rebar');
  await card.getByRole('button', { name: 'Add note' }).click();
  await card.locator('.timeline li[data-activity=note]', { hasText: '12 mm rebar' }).waitFor();
  await card.getByLabel('Next contact date').fill('2026-12-03');
  await card.getByLabel('Next contact date').press('Tab');
  await expect.poll(() => card.getByLabel('Next contact date').inputValue()).toBe('2026-12-03');
  // Stored on the card, not only shown: the sidebar's date used to be dropped (issue 12.1).
  await expect.poll(async () => (await storedClient(own, 'Rosstal')).nextContactAt, { timeout: 10_000 }).toBe('2026-12-03');
  const notes = (await storedRows<{ type: string; summary: string }>(own, 'activities')).filter((a) => a.type === 'note');
  expect(notes.map((n) => n.summary)).toEqual(['Wants prices for 12 mm rebar']);
  await card.getByRole('button', { name: 'Edit card' }).click();
  await card.getByLabel('Price type').fill('Wholesale 1');
  await card.getByLabel('Status').selectOption('vip');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => card.textContent()).toContain('Wholesale 1');
  // The same client's other card (Olga's) refreshes too: the data changed for every view.
  await expect.poll(() => correspondent(sidebar, 'olga@rosstal.ru').locator('.card .status').first().textContent()).toBe('VIP');
  expect(await storedRows<{ name: string; status: string; priceType: string }>(own, 'clients').then((rows) => rows.find((c) => c.name === 'Rosstal'))).toMatchObject({ status: 'vip', priceType: 'Wholesale 1' });
  await page.close();
}
