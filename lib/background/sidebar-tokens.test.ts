import { describe, expect, it } from 'vitest';
import { redeemToken, SidebarTokens } from './sidebar-tokens';

// Issue 12.11: only the sidebar our content script made for the tab gets the tab's cards.

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: async (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, v), remove: async (k: string) => void data.delete(k) };
}

describe('sidebar tokens', () => {
  it('bind the first frame that presents them; a guessed, replayed or replaced token is refused', async () => {
    const tokens = new SidebarTokens(memoryStore());
    const token = tokens.issue(4);
    expect((await tokens.redeem(4, 'guessed', { frameId: 9, documentId: 'X' })).ok).toBe(false);
    expect((await tokens.redeem(4, token, { frameId: 3, documentId: 'A' })).ok).toBe(true);
    expect(tokens.boundFrame(4)).toEqual({ frameId: 3, documentId: 'A' });
    // The same sidebar reconnecting (the worker was stopped) is still ours; another frame is not.
    expect((await tokens.redeem(4, token, { frameId: 3, documentId: 'A' })).ok).toBe(true);
    expect((await tokens.redeem(4, token, { frameId: 9, documentId: 'B' })).ok).toBe(false);
    expect((await tokens.redeem(5, token, { frameId: 3, documentId: 'A' })).ok).toBe(false);
    tokens.issue(4);
    expect((await tokens.redeem(4, token, { frameId: 3, documentId: 'A' })).ok).toBe(false);
  });

  it('survive a service worker restart through session storage', async () => {
    const store = memoryStore();
    const token = new SidebarTokens(store).issue(7);
    await new Promise((r) => setTimeout(r, 0));
    const restarted = new SidebarTokens(store);
    expect((await restarted.redeem(7, token, { frameId: 2 })).ok).toBe(true);
    expect(redeemToken(null, token, { frameId: 2 }).ok).toBe(false);
  });
});
