import { describe, expect, it, vi } from 'vitest';
import { showViewMessage } from '@/components/sidebar/show-view';
import { EMPTY_VIEW } from '@/lib/background/sidebar-view';
import type { SidebarView } from '@/lib/messaging/views';

// Issue 12.14c: a new sidebar stayed on "Loading…" when timing its first view threw.

describe("the sidebar's first view", () => {
  it('is shown even when the view was emitted before the sidebar existed and measuring it throws', () => {
    vi.spyOn(performance, 'measure').mockImplementation(() => {
      throw new TypeError('Failed to execute measure: start is negative');
    });
    const shown: SidebarView[] = [];
    // emittedAt is a time before this page's time origin: the snapshot was sent before the sidebar opened.
    const view: SidebarView = { ...EMPTY_VIEW, site: 'gmail', emittedAt: performance.timeOrigin - 1500 };
    expect(() => showViewMessage({ type: 'backgroundToSidebar.view', view }, (v) => shown.push(v))).not.toThrow();
    expect(shown).toEqual([view]);
  });
});
