import { browser } from 'wxt/browser';

// What ClientDesk knows about each open compose: the templates inserted into it and the user's
// "this mail is a commercial offer" toggle. Kept per tab and compose, mirrored to storage.session
// (the service worker may stop between the insert and the send). A mark outlives its compose for
// a while, because Gmail's Undo reopens the same compose; then it is dropped, so that a later
// compose that reuses the id does not inherit it.

export interface InsertedTemplate {
  id: string;
  name: string;
  countsAsOffer: boolean;
}

export interface ComposeMark {
  templates: InsertedTemplate[];
  /** The user's explicit choice; null = decided by the templates. */
  markedOffer: boolean | null;
  lastSeenAt: number;
}

const SESSION_KEY = 'composeMarks';
const KEEP_UNSEEN_MS = 2 * 60_000;

export function isOffer(mark: ComposeMark | undefined): boolean {
  if (!mark) return false;
  return mark.markedOffer ?? mark.templates.some((t) => t.countsAsOffer);
}

export class ComposeMarks {
  private marks: Record<string, ComposeMark> | null = null;

  private static key(tabId: number, contextId: string) {
    return `${tabId}|${contextId}`;
  }

  private async load(): Promise<Record<string, ComposeMark>> {
    if (!this.marks) {
      const stored = (await browser.storage.session?.get(SESSION_KEY).catch(() => undefined))?.[SESSION_KEY];
      this.marks ??= (stored as Record<string, ComposeMark> | undefined) ?? {};
    }
    return this.marks;
  }

  private async save(): Promise<void> {
    await browser.storage.session?.set({ [SESSION_KEY]: this.marks ?? {} }).catch(() => {});
  }

  async get(tabId: number, contextId: string): Promise<ComposeMark | undefined> {
    return (await this.load())[ComposeMarks.key(tabId, contextId)];
  }

  async update(tabId: number, contextId: string, change: (mark: ComposeMark) => void): Promise<ComposeMark> {
    const marks = await this.load();
    const key = ComposeMarks.key(tabId, contextId);
    const mark = marks[key] ?? { templates: [], markedOffer: null, lastSeenAt: Date.now() };
    change(mark);
    mark.lastSeenAt = Date.now();
    marks[key] = mark;
    await this.save();
    return mark;
  }

  /** Removes and returns the mark of a compose that was sent. */
  async take(tabId: number, contextId: string): Promise<ComposeMark | undefined> {
    const marks = await this.load();
    const key = ComposeMarks.key(tabId, contextId);
    const mark = marks[key];
    delete marks[key];
    await this.save();
    return mark;
  }

  /** The composes a tab shows now: refresh theirs, drop marks unseen for a while. */
  async seen(tabId: number, contextIds: readonly string[], now = Date.now()): Promise<void> {
    const marks = await this.load();
    let changed = false;
    for (const [key, mark] of Object.entries(marks)) {
      const [tab, ...rest] = key.split('|');
      if (Number(tab) !== tabId) continue;
      if (contextIds.includes(rest.join('|'))) mark.lastSeenAt = now;
      else if (now - mark.lastSeenAt > KEEP_UNSEEN_MS) {
        delete marks[key];
        changed = true;
      }
    }
    if (changed) await this.save();
  }

  async forgetTab(tabId: number): Promise<void> {
    const marks = await this.load();
    for (const key of Object.keys(marks)) if (key.startsWith(`${tabId}|`)) delete marks[key];
    await this.save();
  }
}
