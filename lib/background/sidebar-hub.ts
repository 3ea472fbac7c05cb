import { browser, type Browser } from 'wxt/browser';
import type { ClientDeskDb } from '@/lib/db/database';
import { listTemplates } from '@/lib/db/templates';
import { templateUsageOrder } from '@/lib/domain/templates';
import type { Settings } from '@/lib/domain/types';
import type { BackgroundToSidebarView, CorrespondentView, TemplateSummary } from '@/lib/messaging/views';
import type { PageSnapshot } from '@/lib/sites/types';
import { recordMeasure } from '@/lib/user-timing';
import { ComposeMarks } from './compose-marks';
import { buildSidebarView, CardCache, EMPTY_VIEW } from './sidebar-view';
import { SidebarTokens } from './sidebar-tokens';

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
  private templates: Promise<TemplateSummary[]> | null = null;
  readonly marks = new ComposeMarks();
  readonly tokens = new SidebarTokens({
    get: async (key) => (await browser.storage.session?.get(key))?.[key],
    set: async (key, value) => void (await browser.storage.session?.set({ [key]: value })),
    remove: async (key) => void (await browser.storage.session?.remove(key)),
  });

  constructor(
    private readonly db: ClientDeskDb,
    private readonly settings: () => Promise<Settings>,
  ) {}

  async setSnapshot(tabId: number, snapshot: PageSnapshot, emittedAt: number): Promise<void> {
    this.tabs.set(tabId, { snapshot, emittedAt });
    await this.marks.seen(
      tabId,
      snapshot.contexts.filter((c) => c.kind === 'compose').map((c) => c.id),
    );
    await this.push(tabId);
    void browser.storage.session?.set({ [SESSION_KEY(tabId)]: { snapshot, emittedAt: null } }).catch(() => {});
  }

  /** The tab's latest snapshot, from memory or (after a restart) from session storage. */
  async snapshotOf(tabId: number): Promise<PageSnapshot | null> {
    if (!this.tabs.has(tabId)) {
      const stored = (await browser.storage.session?.get(SESSION_KEY(tabId)).catch(() => undefined))?.[SESSION_KEY(tabId)] as TabState | undefined;
      if (stored && !this.tabs.has(tabId)) this.tabs.set(tabId, stored);
    }
    return this.tabs.get(tabId)?.snapshot ?? null;
  }

  /** The cards the sidebar shows for one compose of a tab (a template's client and contact come from here). */
  async correspondentsOf(tabId: number, contextId: string): Promise<CorrespondentView[]> {
    const snapshot = await this.snapshotOf(tabId);
    const context = snapshot?.contexts.find((c) => c.id === contextId);
    if (!snapshot || !context) return [];
    const only = { ...snapshot, contexts: [context] };
    const view = await buildSidebarView(this.db, only, null, await this.settings(), this.cards);
    return view.contexts[0]?.correspondents ?? [];
  }

  /** The tab's content script mounted a sidebar: a new token, and whatever sidebar the tab had is let go. */
  issueSidebarToken(tabId: number): string {
    this.closePorts(tabId);
    return this.tokens.issue(tabId);
  }

  private closePorts(tabId: number, except?: Browser.runtime.Port): void {
    for (const port of this.ports.get(tabId) ?? []) if (port !== except) port.disconnect();
    this.ports.delete(tabId);
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
    this.closePorts(tabId);
    this.tokens.forget(tabId);
    void this.marks.forgetTab(tabId);
    void browser.storage.session?.remove(SESSION_KEY(tabId)).catch(() => {});
  }

  /** The tab's sidebar connected (its token checked): remember its port and send it the current view at once. */
  async connect(port: Browser.runtime.Port, tabId: number): Promise<void> {
    // One sidebar per tab: only the frame bound to the token gets here, so an older port of the tab
    // is that frame's own earlier connection.
    this.closePorts(tabId, port);
    const set = new Set([port]);
    this.ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    await this.snapshotOf(tabId);
    await this.pushTo(tabId, [port]);
  }

  /** After any write: forget cached cards and templates, and every open sidebar shows the new data. */
  async dataChanged(): Promise<void> {
    this.cards.clear();
    this.templates = null;
    await this.pushAllTabs();
  }

  /** A compose's marks changed: views change, data did not. */
  pushAllTabs(): Promise<void> {
    return Promise.all([...this.ports.keys()].map((tabId) => this.push(tabId))).then(() => undefined);
  }

  private templateSummaries(): Promise<TemplateSummary[]> {
    this.templates ??= listTemplates(this.db).then((all) =>
      templateUsageOrder(all).map(({ id, name, subject, kind, countsAsOffer, useCount }) => ({ id, name, subject, kind, countsAsOffer, useCount })),
    );
    return this.templates;
  }

  private async push(tabId: number): Promise<void> {
    const ports = this.ports.get(tabId);
    if (ports?.size) await this.pushTo(tabId, [...ports]);
  }

  private async pushTo(tabId: number, ports: Browser.runtime.Port[]): Promise<void> {
    const state = this.tabs.get(tabId);
    const start = performance.now();
    let view = EMPTY_VIEW;
    if (state) {
      const [settings, templates] = await Promise.all([this.settings(), this.templateSummaries()]);
      const marks = new Map(await Promise.all(state.snapshot.contexts.map(async (c) => [c.id, await this.marks.get(tabId, c.id)] as const)));
      view = await buildSidebarView(this.db, state.snapshot, state.emittedAt, settings, this.cards, { templates, markOf: (id) => marks.get(id) });
    }
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
