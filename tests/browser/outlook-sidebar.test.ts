import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correspondent, importCsv, launchExtension, openOutlook, OUTLOOK_HOSTS, SEED_CSV, type Harness } from './harness';

// Outlook on the web: the same sidebar as in Gmail, on all four hosts (issue 4).

const READ_PATH = (host: string) => `https://${host}/mail/${host === 'outlook.live.com' ? '0/' : ''}inbox/id/AAQkAGI2TG93AAA%3D`;
const COMPOSE_URL = 'https://outlook.office.com/mail/inbox';

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

describe('Outlook reading pane', () => {
  it.each(OUTLOOK_HOSTS)('shows the card of a known sender on %s, without the user and without forged body markup', async (host) => {
    const { page, sidebar } = await openOutlook(harness, 'read-known.html', READ_PATH(host));
    const card = correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first();
    await card.waitFor();
    expect(await card.locator('.company').textContent()).toBe('Rosstal');
    expect(await card.getAttribute('data-match')).toBe('address');
    await correspondent(sidebar, 'olga@rosstal.ru').locator('.card').first().waitFor();
    const emails = await sidebar.locator('.correspondent').evaluateAll((els) => els.map((e) => e.getAttribute('data-email')));
    expect(emails).not.toContain('alice@acme-supply.com');
    expect(emails).not.toContain('mallory@evil.example');
    await page.close();
  });

  it('follows Outlook’s single-page navigation to another conversation without a reload', async () => {
    const { page, sidebar } = await openOutlook(harness, 'read-known.html', READ_PATH('outlook.office.com'));
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.evaluate(() => {
      const persona = document.querySelector('[aria-label^="From:"] [data-lpc-hover-target-id]');
      if (persona) persona.textContent = 'Hans Weber <hans@nordfrost.de>';
      persona?.closest('[title]')?.setAttribute('title', 'hans@nordfrost.de');
      document.querySelector('[data-convid]')?.setAttribute('data-convid', 'AAQkAGI2TG94BBB=');
      history.pushState({}, '', '/mail/inbox/id/AAQkAGI2TG94BBB%3D');
    });
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    expect(await correspondent(sidebar, 'ivan.petrov@rosstal.ru').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
    await page.close();
  });

  it('works the same in an Outlook in French', async () => {
    const { page, sidebar } = await openOutlook(harness, 'read-fr.html', READ_PATH('outlook.office.com'));
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    await correspondent(sidebar, 'olga@rosstal.ru').locator('.card').first().waitFor();
    await page.close();
  });
});

describe('Outlook compose', () => {
  it('matches a pill that shows only a display name by name, as unconfirmed (older role=textbox wells)', async () => {
    const { page, sidebar } = await openOutlook(harness, 'compose-2024.html', COMPOSE_URL);
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    const hans = sidebar.locator('.correspondent[data-name="Hans Weber"]:not([data-email])');
    const card = hans.locator('.card').first();
    await card.waitFor();
    expect(await card.locator('.company').textContent()).toBe('Nordfrost');
    expect(await card.getAttribute('data-confirmed')).toBe('false');
    expect(await card.textContent()).toContain('please confirm');
    await page.close();
  });

  it('reads the 2026 contenteditable structure (two composes), and the French compose the same way', async () => {
    const seen: Record<string, (string | null)[][]> = {};
    for (const fixture of ['compose-2026.html', 'compose-fr.html']) {
      const { page, sidebar } = await openOutlook(harness, fixture, COMPOSE_URL);
      await sidebar.locator('.correspondent[data-name="Ivan Petrov"] .card[data-confirmed=false]').first().waitFor();
      await correspondent(sidebar, 'olga@rosstal.ru').locator('.card[data-match=address]').first().waitFor();
      seen[fixture] = await sidebar.locator('section[data-context=compose]').first().locator('.correspondent').evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-email'), e.getAttribute('data-name')]),
      );
      if (fixture === 'compose-2026.html') {
        await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
        expect(await sidebar.locator('section[data-context=compose]').count()).toBe(2);
      }
      await page.close();
    }
    expect(seen['compose-fr.html']).toEqual(seen['compose-2026.html']);
  });
});
