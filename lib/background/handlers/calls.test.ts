import { describe, expect, it, vi } from 'vitest';
import { acceptMessage } from '@/lib/messaging/accept';
import { messageSchema } from '@/lib/messaging/protocol';
import { freshDb, testSettings } from '@/lib/db/test-helpers';
import type { HandlerContext } from './context';
import { handleMessage } from './index';

// Issue 12.5: a 3CX page's numbers are read in its PBX region, which the background answers for the
// host the browser says the page is on.

function setup(senderUrl: string | undefined) {
  const settings = testSettings({ defaultPhoneRegion: 'RU', softphoneHosts: ['pbx.acme.example', 'pbx.berlin.example'], softphoneRegions: { 'pbx.berlin.example': 'DE' } });
  const ctx = { db: freshDb(), settings: async () => settings, badgeChanged: vi.fn(), hub: { dataChanged: vi.fn() }, senderUrl } as unknown as HandlerContext;
  return (raw: unknown) => handleMessage(messageSchema.parse(raw), ctx);
}

describe('contentToBackground.softphoneRegion', () => {
  it("answers the PBX region of the sender's host, else the user's default region", async () => {
    const ask = { type: 'contentToBackground.softphoneRegion' };
    await expect(setup('https://pbx.berlin.example/webclient/#/people')(ask)).resolves.toEqual({ region: 'DE' });
    await expect(setup('https://pbx.acme.example/webclient/')(ask)).resolves.toEqual({ region: 'RU' });
    await expect(setup(undefined)(ask)).resolves.toEqual({ region: 'RU' });
  });

  it('is accepted only from a content script on one of our sites', () => {
    const rules = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', sitePatterns: ['https://pbx.berlin.example/*'] };
    const tab = { id: 'ext', url: 'https://pbx.berlin.example/webclient/', tab: { id: 4 } as never, frameId: 0 };
    const ask = { type: 'contentToBackground.softphoneRegion' };
    expect(acceptMessage(ask, tab, rules).ok).toBe(true);
    expect(acceptMessage(ask, { ...tab, url: 'https://evil.example/' }, rules).ok).toBe(false);
  });
});

describe('the region on a call context', () => {
  it('is a two-letter region, or absent', () => {
    const snapshot = (region: unknown) => ({
      type: 'contentToBackground.pageSnapshot',
      emittedAt: 1,
      snapshot: { site: '3cx', selfEmail: null, focusedContextId: null, problems: [], contexts: [{ kind: 'call', id: 'c1', subject: '', correspondents: [], region }] },
    });
    expect(messageSchema.safeParse(snapshot('US')).success).toBe(true);
    expect(messageSchema.safeParse(snapshot(undefined)).success).toBe(true);
    for (const bad of ['us', 'USA', '', 7]) expect(messageSchema.safeParse(snapshot(bad)).success, String(bad)).toBe(false);
  });
});
