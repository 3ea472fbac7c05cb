// The Outlook site adapter: watches the page (shared/page-watcher.ts) plus path navigation and the
// focused compose, reads a snapshot READ_DELAY_MS after a change (later while the page churns on its
// own), reports it only when it changed; reports confirmed sends (send-detector.ts) and inserts
// templates (insert.ts). DOM APIs only.
// OWA is a SPA that changes `location.pathname` with history.pushState (site-dom-facts 2.1), which
// fires no event: `popstate` covers back/forward, and every read and observer tick compares the path.

import { trackFocusedCompose } from '../shared/focused-compose';
import { startPageWatcher } from '../shared/page-watcher';
import type { AdapterEvents, SiteAdapter } from '../types';
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
// Typing in a compose body only mutates inside the multi-line editable: no re-read for that.
const OUTLOOK_EDITABLE = '[aria-multiline=true], [id^="editorParent_"]';

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
  let lastPath = win?.location.pathname ?? '';

  /** A pushState navigation: problems of the previous view start over. */
  function notePath() {
    const path = win?.location.pathname ?? '';
    if (path === lastPath) return;
    lastPath = path;
    watcher.navigated();
  }

  const focus = trackFocusedCompose(doc, signal, findComposeRoots, () => watcher.schedule());
  const watcher = startPageWatcher(doc, signal, {
    read: () => read(doc, focus.current()),
    report: (snapshot) => events.snapshot(snapshot),
    readDelayMs,
    problemGraceMs,
    watchedAttributes: WATCHED_ATTRIBUTES,
    editableSelector: OUTLOOK_EDITABLE,
    checkNavigation: notePath,
  });

  win?.addEventListener('popstate', () => watcher.schedule(), { signal });
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
