import { browser, type Browser } from 'wxt/browser';
import type { ClientDeskDb } from '@/lib/db/database';
import type { Settings } from '@/lib/domain/types';
import type { BackgroundToSidebarView } from '@/lib/messaging/views';
import type { PageSnapshot } from '@/lib/sites/types';
import { recordMeasure } from '@/lib/user-timing';
import { buildSidebarView, CardCache, EMPTY_VIEW } from './sidebar-view';

// Keeps each tab's latest page snapshot and pushes fresh views to that tab's sidebar(s).
// Snapshots are mirrored to storage.session: the service worker is stopped after ~30 s idle and
// no state may live only in memory (DESIGN.md "Days").

interface TabState {
  snapshot: PageSnapshot;
  emittedAt: number | null;
}

const SESSION_KEY = (tabId: number) => `tab:${tabId}`;

export class SidebarHub {
  private readonly tabs = new Map<number, TabState>();
  private readonly ports = new Map<number, Set<Browser.runtime.Port>>();
  private readonly cards = new CardCache();

  constructor(
    private readonly db: ClientDeskDb,
    private readonly settings: () => Promise<Settings>,
  ) {}

  async setSnapshot(tabId: number, snapshot: PageSnapshot, emittedAt: number): Promise<void> {
    this.tabs.set(tabId, { snapshot, emittedAt });
    await this.push(tabId);
    void browser.storage.session?.set({ [SESSION_KEY(tabId)]: { snapshot, emittedAt: null } }).catch(() => {});
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
    this.ports.delete(tabId);
    void browser.storage.session?.remove(SESSION_KEY(tabId)).catch(() => {});
  }

  /** A sidebar frame connected: remember its port and send it the current view at once. */
  async connect(port: Browser.runtime.Port, tabId: number): Promise<void> {
    const set = this.ports.get(tabId) ?? new Set();
    set.add(port);
    this.ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    if (!this.tabs.has(tabId)) {
      const stored = (await browser.storage.session?.get(SESSION_KEY(tabId)).catch(() => undefined))?.[SESSION_KEY(tabId)] as TabState | undefined;
      if (stored && !this.tabs.has(tabId)) this.tabs.set(tabId, stored);
    }
    await this.pushTo(tabId, [port]);
  }

  /** After any write: forget cached cards, and every open sidebar shows the new data. */
  async dataChanged(): Promise<void> {
    this.cards.clear();
    await Promise.all([...this.ports.keys()].map((tabId) => this.push(tabId)));
  }

  private async push(tabId: number): Promise<void> {
    const ports = this.ports.get(tabId);
    if (ports?.size) await this.pushTo(tabId, [...ports]);
  }

  private async pushTo(tabId: number, ports: Browser.runtime.Port[]): Promise<void> {
    const state = this.tabs.get(tabId);
    const start = performance.now();
    const view = state ? await buildSidebarView(this.db, state.snapshot, state.emittedAt, await this.settings(), this.cards) : EMPTY_VIEW;
    // User Timing entry read by `npm run bench`: the background's share of event → card.
    recordMeasure('clientdesk:build-view', start);
    const message: BackgroundToSidebarView = { type: 'backgroundToSidebar.view', view };
    for (const port of ports) {
      try {
        port.postMessage(message);
      } catch {
        // The frame went away between the lookup and the post; onDisconnect cleans up.
      }
    }
  }
}
