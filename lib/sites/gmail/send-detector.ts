// Confirmed Gmail sends, from the DOM only (site-dom-facts 1.4, route (b); no page-world network hook).
// A send request (send-intent.ts) is provisional. It is confirmed when, within `confirmTimeoutMs`,
// the compose has closed AND the "sent" notice shows #link_undo or #link_vsm. It is final when the
// notice no longer offers Undo (hidden, removed, or without #link_undo), or `maxUndoWindowMs` after
// confirmation, and nobody clicked Undo. Only then is it reported, once. Undo cancels the latest
// confirmed send that is not final yet; Gmail then reopens the draft. On pagehide every confirmed
// send is reported at once: Gmail holds the message server-side and sends it anyway.
// While a send is pending, one MutationObserver watches the page (childList) and the notice area
// (attributes); it is disconnected when nothing is pending. No polling.

import type { SentMail } from '../types';
import { elementOf } from '../shared/element-of';
import { findComposeRoots, isLiveCompose, readDraftId } from './parse-compose';
import { closestFirst, GMAIL_SELECTORS, queryFirst } from './selectors';
import { listenForSendIntent, readSendIntent, type SendIntent } from './send-intent';
import { isShown } from '../shared/visibility';

export interface SendDetectorOptions {
  /** How long Gmail may take to close the compose and show the notice; after that the send was refused. */
  confirmTimeoutMs?: number;
  /** Upper bound of Gmail's undo window (5–30 s, facts 1.4) plus a margin. */
  maxUndoWindowMs?: number;
  /** After the notice goes, how long to wait for a draft reopened by an Undo we did not see (the `z` key). */
  reopenGraceMs?: number;
}

const CONFIRM_TIMEOUT_MS = 6000;
const MAX_UNDO_WINDOW_MS = 31_000;
const REOPEN_GRACE_MS = 1000;
// How Gmail hides the notice or a full-screen compose.
const VISIBILITY_ATTRIBUTES = ['style', 'class', 'hidden', 'aria-hidden'];

interface PendingSend {
  mail: SendIntent;
  root: Element;
  /** Epoch ms of confirmation; null while only requested. */
  confirmedAt: number | null;
  /** The notice no longer offers Undo: reported after the reopen grace unless the draft came back. */
  settling: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The compose window closed: removed, emptied (full-screen `div.aaZ`, facts 1.2) or hidden. */
function composeClosed(root: Element): boolean {
  return !root.isConnected || !isLiveCompose(root) || !isShown(root);
}

/** Where Gmail itself shows the notice: outside every mail and compose (a mail may carry its markup). */
const inGmailChrome = (el: Element) => !GMAIL_SELECTORS.sentNoticeNeverInside.some((selector) => el.closest(selector) !== null);

/** The visible "sent" notice: `.vh` holding #link_undo or #link_vsm (facts 1.4), outside any mail. */
function findSentNotice(doc: Document): Element | null {
  const isSentNotice = (el: Element) =>
    inGmailChrome(el) && (queryFirst(el, 'sentNoticeUndo') !== null || queryFirst(el, 'sentNoticeViewMessage') !== null) && isShown(el);
  return queryFirst(doc, 'sentNotice', isSentNotice);
}

export function startSendDetector(
  doc: Document,
  onSent: (mail: SentMail) => void,
  signal: AbortSignal,
  options: SendDetectorOptions = {},
): void {
  if (signal.aborted) return;
  const {
    confirmTimeoutMs = CONFIRM_TIMEOUT_MS,
    maxUndoWindowMs = MAX_UNDO_WINDOW_MS,
    reopenGraceMs = REOPEN_GRACE_MS,
  } = options;
  const pending: PendingSend[] = [];
  // sendIds and draftIds already reported: a send is reported at most once.
  const reported = new Set<string>();
  let observer: MutationObserver | null = null;
  let observedNoticeArea: Element | null = null;

  function watch() {
    if (!observer) {
      observer = new MutationObserver(check);
      observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    }
    // The notice may be shown or hidden by an attribute alone; watch only its own area for that.
    const notice = queryFirst(doc, 'sentNotice', inGmailChrome);
    const area = notice?.closest('[role=alert]') ?? notice;
    if (area && area !== observedNoticeArea) {
      observer.observe(area, { attributes: true, subtree: true, attributeFilter: VISIBILITY_ATTRIBUTES });
      observedNoticeArea = area;
    }
  }

  function forget(entry: PendingSend) {
    clearTimeout(entry.timer);
    const index = pending.indexOf(entry);
    if (index >= 0) pending.splice(index, 1);
    if (pending.length === 0) {
      observer?.disconnect();
      observer = null;
      observedNoticeArea = null;
    }
  }

  /** Undo by other means (Gmail's `z` shortcut) brings the draft back: then it was not sent. */
  function reopened(entry: PendingSend): boolean {
    if (!composeClosed(entry.root)) return true;
    const { draftId } = entry.mail;
    return draftId !== null && findComposeRoots(doc).some((r) => readDraftId(r.el) === draftId);
  }

  function report(entry: PendingSend) {
    forget(entry);
    if (signal.aborted || entry.confirmedAt === null || reopened(entry)) return;
    const keys = [entry.mail.sendId, entry.mail.draftId].filter((k): k is string => k !== null);
    if (keys.some((k) => reported.has(k))) return;
    for (const key of keys) reported.add(key);
    onSent({ ...entry.mail, sentAt: entry.confirmedAt });
  }

  function confirm(entry: PendingSend) {
    entry.confirmedAt = Date.now();
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => report(entry), maxUndoWindowMs);
  }

  function settle(entry: PendingSend) {
    entry.settling = true;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => report(entry), reopenGraceMs);
  }

  function check() {
    if (signal.aborted || pending.length === 0) return;
    watch();
    const notice = findSentNotice(doc);
    const undoOffered = notice !== null && queryFirst(notice, 'sentNoticeUndo') !== null;
    for (const entry of [...pending]) {
      if (entry.confirmedAt === null && notice && composeClosed(entry.root)) confirm(entry);
      if (entry.confirmedAt !== null && !entry.settling && !undoOffered) settle(entry);
    }
  }

  listenForSendIntent(
    doc,
    (root) => {
      // A double click on Send is one request; a retry after Gmail refused (recipient added) replaces it.
      for (const earlier of pending.filter((p) => p.root === root && p.confirmedAt === null)) forget(earlier);
      const mail = readSendIntent(doc, root);
      if (!mail) return;
      const entry: PendingSend = { mail, root, confirmedAt: null, settling: false, timer: undefined };
      // Gmail refused (compose still open, e.g. no recipient): drop the request silently.
      entry.timer = setTimeout(() => forget(entry), confirmTimeoutMs);
      pending.push(entry);
      watch();
    },
    signal,
  );

  // Undo applies to the latest confirmed send that is not final yet (capture: before Gmail reacts).
  const onUndo = (event: Event) => {
    const target = elementOf(event.target);
    if (event.type === 'keydown' && !['Enter', ' '].includes((event as KeyboardEvent).key)) return;
    const undoLink = target && closestFirst(target, 'sentNoticeUndo');
    if (!undoLink || !inGmailChrome(undoLink)) return;
    const confirmed = pending.filter((p) => p.confirmedAt !== null);
    const undone = confirmed.filter((p) => !p.settling).at(-1) ?? confirmed.at(-1);
    if (undone) forget(undone);
  };
  doc.addEventListener('click', onUndo, { capture: true, signal });
  doc.addEventListener('keydown', onUndo, { capture: true, signal });
  // A refused send followed by Discard also closes the compose, perhaps while an earlier send's
  // notice is still up: that request is over, it must not be confirmed by the other notice.
  const onDiscard = (event: Event) => {
    const target = elementOf(event.target);
    if (!target || !closestFirst(target, 'discardButton')) return;
    for (const entry of pending.filter((p) => p.confirmedAt === null && p.root.contains(target))) forget(entry);
  };
  doc.addEventListener('click', onDiscard, { capture: true, signal });

  doc.defaultView?.addEventListener(
    'pagehide',
    () => {
      check();
      for (const entry of pending.filter((p) => p.confirmedAt !== null)) report(entry);
    },
    { signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      for (const entry of [...pending]) forget(entry);
    },
    { once: true },
  );
}
