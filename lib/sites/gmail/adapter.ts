// The Gmail site adapter: watches the page with one MutationObserver and a few listeners, reads a
// snapshot at most once per READ_DELAY_MS, and reports it only when it changed; reports confirmed
// sends (send-detector.ts) and inserts templates (insert.ts). DOM APIs only.

import type { AdapterEvents, PageSnapshot, SiteAdapter } from '../types';
import { trackComposeSelection } from './compose-selection';
import { insertIntoCompose } from './insert';
import { findComposeRoots } from './parse-compose';
import { startSendDetector, type SendDetectorOptions } from './send-detector';
import { readGmailSnapshot } from './snapshot';

export interface GmailAdapterOptions {
  /** Trailing delay that coalesces bursts of mutations into one read. */
  readDelayMs?: number;
  /** A problem must persist this long (from navigation or its first sighting) before it is reported. */
  problemGraceMs?: number;
  /** The reader; replaceable in tests. */
  read?: typeof readGmailSnapshot;
  /** Timings of send confirmation. */
  send?: SendDetectorOptions;
}

const READ_DELAY_MS = 50;
const PROBLEM_GRACE_MS = 1500;
// Attributes that carry people, ids or values; `class` is left out on purpose: Gmail toggles
// classes on every hover, and the structural changes we need also add or remove nodes.
const WATCHED_ATTRIBUTES = ['email', 'name', 'value', 'data-hovercard-id', 'data-name', 'data-legacy-thread-id'];

/** Typing in a compose body only mutates inside the editable: no need to re-read for that. */
function isTypingOnly(records: MutationRecord[]): boolean {
  return records.every((r) => {
    const el = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
    return el?.closest('[g_editable=true], [contenteditable=true]') != null;
  });
}

export function startGmailAdapter(
  doc: Document,
  events: AdapterEvents,
  signal: AbortSignal,
  options: GmailAdapterOptions = {},
): void {
  if (signal.aborted) return;
  startSendDetector(doc, (mail) => events.sent(mail), signal, options.send);
  trackComposeSelection(doc, signal);
  const { readDelayMs = READ_DELAY_MS, problemGraceMs = PROBLEM_GRACE_MS, read = readGmailSnapshot } = options;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = '';
  let focusedCompose: Element | null = null; // root of the compose that has, or last had, focus
  // Problem code -> when it was first seen since the last navigation.
  const problemSince = new Map<string, number>();

  // While a read is due the observer is off: the read looks at the whole page anyway, and a busy page
  // (Gmail re-renders constantly) then costs one observer callback per read instead of one per task.
  const schedule = () => {
    if (readTimer !== undefined || signal.aborted) return;
    observer.disconnect();
    readTimer = setTimeout(readNow, readDelayMs);
  };

  function readNow() {
    readTimer = undefined;
    if (signal.aborted) return;
    observe();
    const snapshot = read(doc, focusedCompose?.isConnected ? focusedCompose : null);
    const now = Date.now();
    let recheckIn = Infinity;
    for (const code of problemSince.keys()) {
      if (!snapshot.problems.some((p) => p.code === code)) problemSince.delete(code);
    }
    // A thread still loading looks unreadable for a moment: hold problems back until they persist.
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

  const onNavigate = () => {
    problemSince.clear();
    schedule();
  };
  const win = doc.defaultView;
  win?.addEventListener('hashchange', onNavigate, { signal });
  win?.addEventListener('popstate', onNavigate, { signal });
  // Track the compose the user works in: its root, not the focused node, which may go away (a chip's
  // remove button). Kept when focus moves elsewhere (e.g. our sidebar).
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
  schedule();
}

export const gmailAdapter: SiteAdapter = {
  site: 'gmail',
  start(events, signal) {
    startGmailAdapter(document, events, signal);
  },
  // async: a failure inside becomes a rejected promise, not a synchronous throw.
  async insert(contextId, content) {
    return insertIntoCompose(document, contextId, content);
  },
};
