// The Outlook site adapter: watches the page with one MutationObserver and a few listeners, reads a
// snapshot at most once per READ_DELAY_MS, and reports it only when it changed; reports confirmed
// sends (send-detector.ts) and inserts templates (insert.ts). DOM APIs only.
// OWA is a SPA that changes `location.pathname` with history.pushState (site-dom-facts 2.1), which
// fires no event: `popstate` covers back/forward, and every read and observer tick compares the path.

import type { AdapterEvents, PageSnapshot, SiteAdapter } from '../types';
import { trackComposeSelection } from './compose-selection';
import { insertIntoCompose } from './insert';
import { findComposeRoots } from './parse-compose';
import { startSendDetector, type SendDetectorOptions } from './send-detector';
import { readOutlookSnapshot } from './snapshot';

export interface OutlookAdapterOptions {
  /** Trailing delay that coalesces bursts of mutations into one read. */
  readDelayMs?: number;
  /** A problem must persist this long (from navigation or its first sighting) before it is reported. */
  problemGraceMs?: number;
  /** The reader; replaceable in tests. */
  read?: typeof readOutlookSnapshot;
  /** Timings of send confirmation. */
  send?: SendDetectorOptions;
}

const READ_DELAY_MS = 50;
const PROBLEM_GRACE_MS = 1500;
// Attributes that carry people, ids or values (facts 2.7 anchors); `class` is left out: OWA toggles
// classes on hover, and the structural changes we need also add or remove nodes.
const WATCHED_ATTRIBUTES = ['data-convid', 'data-folder-name', 'title', 'aria-label', 'id', 'value', 'contenteditable'];

/** Typing in a compose body only mutates inside the multi-line editable: no re-read for that. */
function isTypingOnly(records: MutationRecord[]): boolean {
  return records.every((r) => {
    const el = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
    return el?.closest('[aria-multiline=true], [id^="editorParent_"]') != null;
  });
}

export function startOutlookAdapter(
  doc: Document,
  events: AdapterEvents,
  signal: AbortSignal,
  options: OutlookAdapterOptions = {},
): void {
  if (signal.aborted) return;
  startSendDetector(doc, (mail) => events.sent(mail), signal, options.send);
  trackComposeSelection(doc, signal);
  const { readDelayMs = READ_DELAY_MS, problemGraceMs = PROBLEM_GRACE_MS, read = readOutlookSnapshot } = options;
  const win = doc.defaultView;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = '';
  let lastPath = win?.location.pathname ?? '';
  let focusedCompose: Element | null = null; // root of the compose that has, or last had, focus
  const problemSince = new Map<string, number>(); // problem code -> first seen since the last navigation

  /** A pushState navigation: problems of the previous view start over. */
  function notePath() {
    const path = win?.location.pathname ?? '';
    if (path === lastPath) return;
    lastPath = path;
    problemSince.clear();
  }

  // While a read is due the observer is off: the read looks at the whole page anyway.
  const schedule = () => {
    notePath();
    if (readTimer !== undefined || signal.aborted) return;
    observer.disconnect();
    readTimer = setTimeout(readNow, readDelayMs);
  };

  function readNow() {
    readTimer = undefined;
    if (signal.aborted) return;
    notePath();
    observe();
    const snapshot = read(doc, focusedCompose?.isConnected ? focusedCompose : null);
    const now = Date.now();
    let recheckIn = Infinity;
    for (const code of problemSince.keys()) {
      if (!snapshot.problems.some((p) => p.code === code)) problemSince.delete(code);
    }
    // A conversation still loading looks unreadable for a moment: hold problems back until they persist.
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
    events.snapshot(shown);
  }

  const observer = new MutationObserver((records) => {
    notePath();
    if (!isTypingOnly(records)) schedule();
  });
  const observe = () =>
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  observe();

  win?.addEventListener('popstate', schedule, { signal });
  // Track the compose the user works in: its root, kept when focus moves elsewhere (our sidebar).
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = event.target as Node | null;
      const root = target && findComposeRoots(doc).find((c) => c.el.contains(target))?.el;
      if (root && root !== focusedCompose) {
        focusedCompose = root;
        schedule();
      }
    },
    { capture: true, signal },
  );
  // The subject input changes its value without a DOM mutation (body typing is ignored).
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
  schedule();
}

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  start(events, signal) {
    startOutlookAdapter(document, events, signal);
  },
  // async: a failure inside becomes a rejected promise, not a synchronous throw.
  async insert(contextId, content) {
    return insertIntoCompose(document, contextId, content);
  },
};
