// The Gmail site adapter: watches the page (shared/page-watcher.ts) plus hash navigation and the
// focused compose, reads a snapshot READ_DELAY_MS after a change (later while the page churns on its
// own), reports it only when it changed; reports confirmed sends (send-detector.ts) and inserts templates (insert.ts). DOM APIs only.

import { trackFocusedCompose } from '../shared/focused-compose';
import { startPageWatcher } from '../shared/page-watcher';
import type { AdapterEvents, SiteAdapter } from '../types';
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
// Typing in a compose body only mutates inside the editable: no need to re-read for that.
const GMAIL_EDITABLE = '[g_editable=true], [contenteditable=true]';

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
  const focus = trackFocusedCompose(doc, signal, findComposeRoots, () => watcher.schedule());
  const watcher = startPageWatcher(doc, signal, {
    read: () => read(doc, focus.current()),
    report: (snapshot) => events.snapshot(snapshot),
    readDelayMs,
    problemGraceMs,
    watchedAttributes: WATCHED_ATTRIBUTES,
    editableSelector: GMAIL_EDITABLE,
  });

  const onNavigate = () => {
    watcher.navigated();
    watcher.schedule();
  };
  const win = doc.defaultView;
  win?.addEventListener('hashchange', onNavigate, { signal });
  win?.addEventListener('popstate', onNavigate, { signal });
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
