import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correspondent, GMAIL_COMPOSE_URL, GMAIL_THREAD_URL, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';

// Compose windows: recipients as they are typed or removed, several composes at once (issue 2).

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

const cardCompanies = (section: ReturnType<Awaited<ReturnType<typeof openGmail>>['sidebar']['locator']>) =>
  section.locator('.card .company').allTextContents().then((names) => names.sort());

describe('Gmail compose', () => {
  it('shows both clients of a compose with two recipients of two clients', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', GMAIL_COMPOSE_URL);
    const compose = sidebar.locator('section[data-context=compose]');
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    expect(await cardCompanies(compose)).toEqual(['Nordfrost', 'Rosstal']);
    await page.close();
  });

  it('follows recipients as they are typed and removed', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', GMAIL_COMPOSE_URL);
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    const to = page.locator('[role=dialog] .anm[name=to] input[role=combobox]');
    await to.click();
    await to.pressSequentially('olga@rosstal.ru');
    await to.press('Enter');
    await correspondent(sidebar, 'olga@rosstal.ru').locator('.card').first().waitFor();
    await page.locator('[role=dialog] [role=option][data-hovercard-id="hans@nordfrost.de"] [role=button]').click();
    await expect.poll(() => correspondent(sidebar, 'hans@nordfrost.de').count()).toBe(0);
    expect(await correspondent(sidebar, 'ivan.petrov@rosstal.ru').count()).toBe(1);
    await page.close();
  });

  it('reads several composes at once: full screen with the old recipient markup, and an inline reply', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-variants.html', GMAIL_THREAD_URL);
    await correspondent(sidebar, 'olga@rosstal.ru').locator('.card').first().waitFor();
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    expect(await sidebar.locator('section[data-context=compose]').count()).toBe(2);
    await page.close();
  });

  it('works the same in a Gmail in Spanish', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-es.html', GMAIL_COMPOSE_URL);
    const compose = sidebar.locator('section[data-context=compose]');
    await correspondent(sidebar, 'hans@nordfrost.de').locator('.card').first().waitFor();
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    expect(await cardCompanies(compose)).toEqual(['Nordfrost', 'Rosstal']);
    await page.close();
  });

  it('puts the compose that has focus first', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-variants.html', GMAIL_THREAD_URL);
    await correspondent(sidebar, 'olga@rosstal.ru').first().waitFor();
    await page.locator('.ip.adB [g_editable=true]').first().click();
    await expect.poll(() => sidebar.locator('section[data-context]').first().getAttribute('data-focused')).toBe('true');
    expect(await sidebar.locator('section[data-context]').first().locator('.correspondent').first().getAttribute('data-email')).toBe('ivan.petrov@rosstal.ru');
    await page.close();
  });
});
