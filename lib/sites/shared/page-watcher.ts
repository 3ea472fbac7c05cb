// The page watcher both site adapters share: one MutationObserver and an input listener schedule a
// read of the page, bursts of changes coalesce into one read after a short trailing delay, problems are
// held back until they persist (a view still loading looks unreadable for a moment), and a snapshot is
// reported only when it differs from the last one. The site says what to read and when it navigated.
// A page that keeps changing while nothing we read changes (Gmail's and Outlook's lists re-render all
// the time) is read less and less often, up to `busyReadDelayMs` (issue 3: the content script may add
// under 5% main-thread time). The short delay holds for a while after anything the user does (a click,
// a key, focus, navigation) and while a view is still loading (a problem in its grace period), so what
// the user opens shows at once.

import type { PageSnapshot } from '../types';

export interface PageWatcherOptions {
  /** Reads the page now. */
  read: () => PageSnapshot;
  /** Receives each snapshot that differs from the previous one. */
  report: (snapshot: PageSnapshot) => void;
  /** Trailing delay that coalesces bursts of mutations into one read. */
  readDelayMs: number;
  /** Longest delay while the page keeps changing and reads find nothing new (default 20 × readDelayMs). */
  busyReadDelayMs?: number;
  /** How long the short delay holds after the user acts or navigates (default 1 s). */
  userSettleMs?: number;
  /** A problem must persist this long (from navigation or its first sighting) before it is reported. */
  problemGraceMs: number;
  /** Attributes whose changes count; `class` belongs nowhere: both sites toggle classes on hover. */
  watchedAttributes: string[];
  /** The compose body's editable: mutations only inside it are typing and need no re-read. */
  editableSelector: string;
  /** Runs on every schedule, read and observer tick, for navigations that fire no event (pushState). */
  checkNavigation?: () => void;
}

export interface PageWatcher {
  /** Something the user did or a navigation: read after the short delay (sooner if one is due later). */
  schedule(): void;
  /** A navigation: problems of the previous view start their grace period over. */
  navigated(): void;
}

/** Starts observing `doc` until `signal` aborts, and reads it once after the short delay. */
export function startPageWatcher(doc: Document, signal: AbortSignal, options: PageWatcherOptions): PageWatcher {
  const { read, report, readDelayMs, problemGraceMs, watchedAttributes, editableSelector, checkNavigation } = options;
  const { busyReadDelayMs = readDelayMs * 20, userSettleMs = 1000 } = options;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let readDueAt = 0;
  let lastReadAt = -Infinity;
  // The delay for the next mutation-driven read: grows 4× after each read that found nothing new.
  let delay = readDelayMs;
  // Until then the short delay holds: the user acted or navigated, and the page is answering.
  let settleUntil = 0;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = '';
  // Problem code -> when it was first seen since the last navigation.
  const problemSince = new Map<string, number>();

  /** Typing in a compose body only mutates inside the editable: no need to re-read for that. */
  const isTypingOnly = (records: MutationRecord[]) =>
    records.every((r) => {
      const el = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
      return el?.closest(editableSelector) != null;
    });

  // While a read is due the observer is off: the read looks at the whole page anyway, and a busy page
  // (both sites re-render constantly) then costs one observer callback per read instead of one per task.
  const readIn = (ms: number) => {
    observer.disconnect();
    clearTimeout(readTimer);
    readDueAt = Date.now() + ms;
    readTimer = setTimeout(readNow, ms);
  };

  /** A mutation: read after the current delay, or the short one if the page had been quiet. */
  const scheduleForMutation = () => {
    checkNavigation?.();
    if (readTimer !== undefined || signal.aborted) return;
    if (Date.now() - lastReadAt > delay) delay = readDelayMs;
    readIn(delay);
  };

  /** Read after the short delay, bringing a later read forward. */
  const readSoon = () => {
    if (signal.aborted) return;
    delay = readDelayMs;
    if (readTimer !== undefined && readDueAt - Date.now() <= readDelayMs) return;
    readIn(readDelayMs);
  };

  /** The user acted or navigated: the short delay holds for a while. */
  const schedule = () => {
    checkNavigation?.();
    settleUntil = Date.now() + userSettleMs;
    readSoon();
  };

  function readNow() {
    readTimer = undefined;
    if (signal.aborted) return;
    checkNavigation?.();
    observe();
    const snapshot = read();
    const now = Date.now();
    lastReadAt = now;
    let recheckIn = Infinity;
    for (const code of problemSince.keys()) {
      if (!snapshot.problems.some((p) => p.code === code)) problemSince.delete(code);
    }
    const problems = snapshot.problems.filter((p) => {
      const since = problemSince.get(p.code) ?? now;
      problemSince.set(p.code, since);
      const wait = since + problemGraceMs - now;
      if (wait > 0) recheckIn = Math.min(recheckIn, wait);
      return wait <= 0;
    });
    if (recheckIn !== Infinity) {
      clearTimeout(graceTimer);
      graceTimer = setTimeout(readSoon, recheckIn);
    }
    const shown: PageSnapshot = { ...snapshot, problems };
    const key = JSON.stringify(shown);
    if (key === lastKey) {
      const loading = recheckIn !== Infinity;
      delay = loading || now < settleUntil ? readDelayMs : Math.min(delay * 4, busyReadDelayMs);
      return;
    }
    delay = readDelayMs;
    lastKey = key;
    report(shown);
  }

  const observer = new MutationObserver((records) => {
    checkNavigation?.();
    if (!isTypingOnly(records)) scheduleForMutation();
  });
  const observe = () =>
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: watchedAttributes,
    });
  readIn(readDelayMs);

  // Subject and recipient inputs change their value without a DOM mutation (body typing is ignored).
  const onInput = (event: Event) => {
    if ((event.target as Element | null)?.matches?.('input, textarea')) schedule();
  };
  doc.addEventListener('input', onInput, { capture: true, signal });
  // A click or key may open a thread or a compose: the next reads must not wait for a long busy delay.
  const onUserAction = () => {
    settleUntil = Date.now() + userSettleMs;
    if (delay !== readDelayMs || (readTimer !== undefined && readDueAt - Date.now() > readDelayMs)) readSoon();
  };
  doc.addEventListener('pointerdown', onUserAction, { capture: true, signal });
  doc.addEventListener('keydown', onUserAction, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(readTimer);
      clearTimeout(graceTimer);
    },
    { once: true },
  );
  return {
    schedule,
    navigated: () => {
      problemSince.clear();
      settleUntil = Date.now() + userSettleMs;
      delay = readDelayMs;
    },
  };
}
