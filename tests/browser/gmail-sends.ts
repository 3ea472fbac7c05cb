import { afterEach, beforeEach, expect } from 'vitest';
import type { Frame } from 'playwright-core';
import { importCsv, launchExtension, SEED_CSV, type Harness } from './harness';

// Shared by the Gmail send tests (gmail-offers, gmail-forged-sends): a fresh profile per test, the
// badge, and the offer box whose choice is waited for where the background STORES it.

/** A compose at a real Gmail URL; the fixture's undo window is `undoSeconds`. */
export const gmailComposeUrl = (undoSeconds: number) => `https://mail.google.com/mail/u/0/?undo=${undoSeconds}#inbox?compose=new`;

declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

/**
 * Every test of the file gets its own browser profile with the seed imported (a fresh database),
 * so it passes alone and in any order. Returns the current test's harness.
 */
export function freshSeededExtensionPerTest(): () => Harness {
  let harness: Harness | undefined;
  beforeEach(async () => {
    harness = await launchExtension();
    await importCsv(harness, SEED_CSV);
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return () => {
    if (!harness) throw new Error('No harness outside a test');
    return harness;
  };
}

export async function badgeText(harness: Harness): Promise<string> {
  const worker = await harness.worker();
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** The "this mail is a commercial offer" choices the background stored for the open composes. */
export async function storedOfferChoices(harness: Harness): Promise<(boolean | null)[]> {
  const worker = await harness.worker();
  const marks = await worker.evaluate(() => chrome.storage.session.get('composeMarks').then((r) => (r.composeMarks ?? {}) as Record<string, { markedOffer: boolean | null }>));
  return Object.values(marks).map((m) => m.markedOffer);
}

/** Ticks or unticks the sidebar's offer box, and waits until the background has STORED the choice. */
export async function setOfferBox(harness: Harness, sidebar: Frame, offer: boolean): Promise<void> {
  const box = sidebar.locator('.compose-tools input[type=checkbox]').first();
  if (offer) await box.check();
  else await box.uncheck();
  await expect.poll(() => storedOfferChoices(harness), { timeout: 10_000 }).toContain(offer);
}
