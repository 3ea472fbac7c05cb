// One sidebar per tab, and only the one our content script created (issue 12.11). sidebar.html is
// web-accessible on every https page (3CX hosts are not known in advance), so a page on one of our
// sites could frame its own copy and be shown the tab's cards. Our content script asks for a token
// for its tab, puts it in the fragment of the frame's URL (the frame sits in a closed shadow root,
// and a cross-origin frame's URL cannot be read by the page), and the sidebar presents it when it
// connects. The first sidebar to present it is bound to it (its frame and document); only that
// sidebar may reconnect with it, e.g. after the service worker was stopped. A new token for the
// tab (the content script ran again) replaces the old one, and with it the old sidebar.
//
// Kept in storage.session too: the service worker is stopped after ~30 s idle, the sidebar is not.

/** The sidebar frame a token is bound to: its frameId, and documentId where the browser gives one (Chromium). */
export interface SidebarFrame {
  frameId: number;
  documentId?: string;
}

export interface TokenRecord {
  token: string;
  bound: SidebarFrame | null;
}

export type Redeemed = { ok: true; record: TokenRecord } | { ok: false; reason: string };

const sameFrame = (a: SidebarFrame, b: SidebarFrame) => a.frameId === b.frameId && a.documentId === b.documentId;

/** Pure: whether `frame` may use `token` for a tab whose record is `record`, and the record after. */
export function redeemToken(record: TokenRecord | null, token: string, frame: SidebarFrame): Redeemed {
  if (!record || !token || record.token !== token) return { ok: false, reason: 'the sidebar has no valid token for this tab' };
  if (!record.bound) return { ok: true, record: { ...record, bound: frame } };
  if (sameFrame(record.bound, frame)) return { ok: true, record };
  return { ok: false, reason: 'this tab’s token was already used by another sidebar' };
}

/** 128 random bits, URL-safe. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

const KEY = (tabId: number) => `sidebar-token:${tabId}`;

export class SidebarTokens {
  private readonly records = new Map<number, TokenRecord>();

  constructor(private readonly store: SessionStore) {}

  /** A new token for the tab; whatever sidebar held the old one is no longer the tab's. */
  issue(tabId: number): string {
    const record: TokenRecord = { token: newToken(), bound: null };
    this.records.set(tabId, record);
    void this.store.set(KEY(tabId), record).catch(() => {});
    return record.token;
  }

  async redeem(tabId: number, token: string, frame: SidebarFrame): Promise<Redeemed> {
    const result = redeemToken(await this.load(tabId), token, frame);
    if (result.ok && result.record !== this.records.get(tabId)) {
      this.records.set(tabId, result.record);
      await this.store.set(KEY(tabId), result.record).catch(() => {});
    }
    return result;
  }

  /** The sidebar frame the tab's token is bound to, if any (load() first after a restart). */
  boundFrame(tabId: number): SidebarFrame | null {
    return this.records.get(tabId)?.bound ?? null;
  }

  /** The tab's record, from memory or (after the service worker was stopped) from session storage. */
  async load(tabId: number): Promise<TokenRecord | null> {
    if (!this.records.has(tabId)) {
      const stored = (await this.store.get(KEY(tabId)).catch(() => undefined)) as TokenRecord | undefined;
      if (stored && !this.records.has(tabId)) this.records.set(tabId, stored);
    }
    return this.records.get(tabId) ?? null;
  }

  forget(tabId: number): void {
    this.records.delete(tabId);
    void this.store.remove(KEY(tabId)).catch(() => {});
  }
}
