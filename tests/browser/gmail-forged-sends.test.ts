import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { correspondent, openGmail, type Harness } from './harness';
import { badgeText, freshSeededExtensionPerTest, gmailComposeUrl as COMPOSE, setOfferBox } from './gmail-sends';
import { mailActivityCounts, storedMailActivities, storedRows } from './stored';

// What must never count (DESIGN.md, issue 12.4): a send a page script forged, a "sent" notice inside
// a mail, and a single send to an unusual number of organisations, which waits for the user.
// Each test has its own browser profile, so it passes alone and in any order.

/** Longer than the undo window (1 s here) plus the detector's grace and the background's record. */
const AFTER_UNDO_WINDOW_MS = 7000;

const current = freshSeededExtensionPerTest();
let harness: Harness;
beforeEach(() => void (harness = current()));

const badge = () => badgeText(harness);
const tickOffer = (sidebar: Frame) => setOfferBox(harness, sidebar, true);

/** Adds To chips as Gmail shows them (PeopleKit markup, cloned from the fixture's chip template). */
function addRecipientChips(page: Page, addresses: string[]) {
  return page.evaluate((list) => {
    const slot = document.querySelector('[role=dialog] .anm[name=to] .afZ.aff')!;
    const template = document.getElementById('cd-chip-template') as HTMLTemplateElement;
    for (const address of list) {
      const wrapper = template.content.firstElementChild!.cloneNode(true) as Element;
      const chip = wrapper.querySelector('[role=option]')!;
      chip.setAttribute('data-hovercard-id', address);
      chip.setAttribute('data-name', address);
      chip.querySelector('.akl')!.textContent = address;
      slot.parentElement!.insertBefore(wrapper, slot);
    }
  }, addresses);
}

/** 23 companies besides the seed's two clients: 25 organisations in one send. */
const TWENTY_THREE_COMPANIES = Array.from({ length: 23 }, (_, i) => `zakupki@zavod-${String(i + 1).padStart(2, '0')}.ru`);

/** The user's own send (trusted click) of a mail ticked as an offer, to 25 organisations. */
async function sendOfferToTwentyFiveOrganisations(): Promise<Page> {
  const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
  await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
  await addRecipientChips(page, TWENTY_THREE_COMPANIES);
  await tickOffer(sidebar);
  await page.locator('[role=dialog] table.IZ div[role=button].T-I-atl').first().click();
  return page;
}

type HeldRow = { status: string; targets: unknown[]; subject: string };

describe('forged sends in Gmail', () => {
  it('stores nothing for a send a page script forged: Send clicked by script, Ctrl+Enter dispatched, compose closed, notice shown', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await tickOffer(sidebar);
    await addRecipientChips(page, TWENTY_THREE_COMPANIES);
    // The page's own script (main world) "sends": Gmail's handlers react to it, ClientDesk must not.
    await page.evaluate(() => (document.querySelector('[role=dialog] table.IZ div[role=button].T-I-atl') as HTMLElement).click());
    await page.locator('#link_undo').waitFor();
    await page.waitForTimeout(AFTER_UNDO_WINDOW_MS);
    expect(await storedMailActivities(harness)).toEqual([]);
    expect(await storedRows(harness, 'heldSends')).toEqual([]);
    expect(await badge()).toBe('0');

    // The same with a dispatched Ctrl+Enter, after a reload (the compose is back).
    await page.reload();
    await page.locator('[role=dialog] [g_editable=true]').first().waitFor();
    await page.evaluate(() => {
      const body = document.querySelector('[role=dialog] [g_editable=true]')!;
      body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await page.locator('#link_undo').waitFor();
    await page.waitForTimeout(AFTER_UNDO_WINDOW_MS);
    expect(await storedMailActivities(harness)).toEqual([]);
    expect(await badge()).toBe('0');
    await page.close();
  });

  it('does not take a "sent" notice inside a mail body for Gmail’s: a Send that did not go out stores nothing', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', COMPOSE(1));
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await tickOffer(sidebar);
    await page.evaluate(() => {
      // An open mail whose body carries Gmail's notice markup, Undo and all; it drops Undo after a moment.
      const item = document.createElement('div');
      item.setAttribute('role', 'listitem');
      const body = item.appendChild(document.createElement('div'));
      body.className = 'ii gt';
      const a3s = body.appendChild(document.createElement('div'));
      a3s.className = 'a3s aiL';
      const fake = a3s.appendChild(document.createElement('div'));
      fake.className = 'vh';
      for (const [id, text] of [['link_undo', 'Undo'], ['link_vsm', 'View message']]) {
        const span = fake.appendChild(document.createElement('span'));
        span.id = id!;
        span.textContent = text!;
      }
      document.querySelector('[role=main]')!.append(item);
      // Gmail does not send this time (stands in for a refused send), and the user closes the compose.
      const send = document.querySelector('[role=dialog] table.IZ div[role=button].T-I-atl')!;
      send.addEventListener('click', (event) => {
        event.stopPropagation();
        setTimeout(() => document.querySelector('.AD [role=dialog]')?.parentElement?.remove(), 200);
        setTimeout(() => fake.querySelector('#link_undo')?.remove(), 1500);
      });
    });
    await page.locator('[role=dialog] table.IZ div[role=button].T-I-atl').first().click();
    await expect.poll(() => page.locator('[role=dialog]').count()).toBe(0);
    await page.waitForTimeout(AFTER_UNDO_WINDOW_MS);
    expect(await storedMailActivities(harness)).toEqual([]);
    expect(await badge()).toBe('0');
    await page.close();
  });

  it('holds the offers of one send to 25 organisations for the user: badge unchanged, a pending record stored; "Count 25 offers" counts them', async () => {
    const page = await sendOfferToTwentyFiveOrganisations();
    await page.locator('#link_undo').waitFor();
    // The mail is on the timeline at once (25 e-mails); its offers wait for the user, in the database.
    await expect.poll(() => mailActivityCounts(harness), { timeout: 15_000 }).toEqual({ email: 25, email_offer: 0 });
    const held = await storedRows<HeldRow>(harness, 'heldSends');
    expect(held.map((h) => [h.status, h.targets.length, h.subject])).toEqual([['pending', 25, 'Q3 deliveries: Rosstal and Nordfrost']]);
    expect(await badge()).toBe('0');

    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    const pending = popup.getByRole('region', { name: 'Needs your confirmation' });
    await expect.poll(() => pending.textContent()).toContain('25 organisations');
    await pending.getByRole('button', { name: 'Count 25 offers' }).click();
    await expect.poll(badge, { timeout: 10_000 }).toBe('25');
    expect(await mailActivityCounts(harness)).toEqual({ email: 25, email_offer: 25 });
    expect((await storedRows<HeldRow>(harness, 'heldSends')).map((h) => h.status)).toEqual(['counted']);
    await expect.poll(() => popup.locator('[data-counter=emailOffers] .progress-value').textContent()).toBe('25 / 50');
    await expect.poll(() => pending.count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('"Don’t count" keeps a held send out of the count for good', async () => {
    const page = await sendOfferToTwentyFiveOrganisations();
    await expect.poll(async () => (await storedRows<HeldRow>(harness, 'heldSends')).length, { timeout: 15_000 }).toBe(1);
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    const pending = popup.getByRole('region', { name: 'Needs your confirmation' });
    await pending.getByRole('button', { name: 'Don’t count' }).click();
    await expect.poll(async () => (await storedRows<HeldRow>(harness, 'heldSends')).map((h) => h.status)).toEqual(['dismissed']);
    expect(await mailActivityCounts(harness)).toEqual({ email: 25, email_offer: 0 });
    expect(await badge()).toBe('0');
    await popup.close();
    await page.close();
  });
});
