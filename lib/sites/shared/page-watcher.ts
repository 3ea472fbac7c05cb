// The page watcher both site adapters share: one MutationObserver and an input listener schedule a
// read of the page, bursts of changes coalesce into one read after a short trailing delay, problems are
// held back until they persist (a view still loading looks unreadable for a moment), and a snapshot is
// reported only when it differs from the last one. The site says what to read and when it navigated.

import type { PageSnapshot } from '../types';

export interface PageWatcherOptions {
  /** Reads the page now. */
  read: () => PageSnapshot;
  /** Receives each snapshot that differs from the previous one. */
  report: (snapshot: PageSnapshot) => void;
  /** Trailing delay that coalesces bursts of mutations into one read. */
  readDelayMs: number;
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
  /** Asks for a read after the trailing delay (no-op while one is due). */
  schedule(): void;
  /** A navigation: problems of the previous view start their grace period over. */
  navigated(): void;
}

/** Starts observing `doc` until `signal` aborts; the caller triggers the first read with `schedule()`. */
export function startPageWatcher(doc: Document, signal: AbortSignal, options: PageWatcherOptions): PageWatcher {
  const { read, report, readDelayMs, problemGraceMs, watchedAttributes, editableSelector, checkNavigation } = options;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
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
  const schedule = () => {
    checkNavigation?.();
    if (readTimer !== undefined || signal.aborted) return;
    observer.disconnect();
    readTimer = setTimeout(readNow, readDelayMs);
  };

  function readNow() {
    readTimer = undefined;
    if (signal.aborted) return;
    checkNavigation?.();
    observe();
    const snapshot = read();
    const now = Date.now();
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
      graceTimer = setTimeout(schedule, recheckIn);
    }
    const shown: PageSnapshot = { ...snapshot, problems };
    const key = JSON.stringify(shown);
    if (key === lastKey) return;
    lastKey = key;
    report(shown);
  }

  const observer = new MutationObserver((records) => {
    checkNavigation?.();
    if (!isTypingOnly(records)) schedule();
  });
  const observe = () =>
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: watchedAttributes,
    });
  observe();

  // Subject and recipient inputs change their value without a DOM mutation (body typing is ignored).
  const onInput = (event: Event) => {
    if ((event.target as Element | null)?.matches?.('input, textarea')) schedule();
  };
  doc.addEventListener('input', onInput, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(readTimer);
      clearTimeout(graceTimer);
    },
    { once: true },
  );
  return { schedule, navigated: () => problemSince.clear() };
}
