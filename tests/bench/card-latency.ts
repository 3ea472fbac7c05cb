import type { Page, Worker } from 'playwright-core';
import { sidebarFrame, type Harness } from '../browser/harness';

// Adapter event → card data in the sidebar: change the open conversation's sender in the page and
// wait for the card; the sidebar records each arrival as a User Timing measure, the worker its own
// share (lookup + view build).

export interface SiteUnderBench {
  site: 'gmail' | 'outlook';
  fixture: string;
  url: string;
  /** Makes the page show another sender, as the site does when another conversation opens. */
  setSender(page: Page, email: string): Promise<void>;
}

export const GMAIL_BENCH: SiteUnderBench = {
  site: 'gmail',
  fixture: 'gmail/thread-known.html',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC',
  setSender: (page, email) =>
    page.evaluate((address) => {
      const sender = document.querySelector('[role=main] h3.iw span[email]');
      sender?.setAttribute('email', address);
      sender?.setAttribute('data-hovercard-id', address);
    }, email),
};

export const OUTLOOK_BENCH: SiteUnderBench = {
  site: 'outlook',
  fixture: 'outlook/read-known.html',
  url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D',
  setSender: (page, email) =>
    page.evaluate((address) => {
      const persona = document.querySelector('[aria-label^="From:"] [data-lpc-hover-target-id]');
      const holder = persona?.closest('[title]');
      if (persona) persona.textContent = `Sender <${address}>`;
      holder?.setAttribute('title', address);
    }, email),
};

export async function eventToCard(harness: Harness, worker: Worker, site: SiteUnderBench, emails: string[]): Promise<{ endToEnd: number[]; build: number[] }> {
  harness.serve(site.site, site.fixture);
  const page = await harness.context.newPage();
  await page.goto(site.url);
  const sidebar = await sidebarFrame(page);
  await sidebar.locator('.correspondent').first().waitFor();
  await sidebar.evaluate(() => performance.clearMeasures('clientdesk:event-to-card'));
  await worker.evaluate(() => performance.clearMeasures('clientdesk:build-view'));
  for (const email of emails) {
    await site.setSender(page, email);
    await sidebar.locator(`.correspondent[data-email="${email}"] .card`).first().waitFor();
  }
  const endToEnd = await sidebar.evaluate(() => performance.getEntriesByName('clientdesk:event-to-card').map((e) => e.duration));
  const build = await worker.evaluate(() => performance.getEntriesByName('clientdesk:build-view').map((e) => e.duration));
  await page.close();
  return { endToEnd, build };
}
