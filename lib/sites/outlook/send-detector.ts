// Confirmed Outlook sends from the DOM (site-dom-facts 2.4, "without network access" route). A send
// request (send-intent.ts) is provisional. It is confirmed when the compose closes within
// `confirmTimeoutMs` while no validation message shows ([role=alertdialog] anywhere, [role=alert] in
// the compose). OWA's undo-send toast is unknown (facts 2.4, outlook-2026 2: no public DOM), so the send
// is reported at once on confirmation, with the draft id when known; the background reconciles it with
// the network-confirmed send. A validation message, Discard, or the timeout drops the request.
// One MutationObserver runs only while a send is pending. No polling.

import type { SentMail } from '../types';
import { elementOf } from '../shared/element-of';
import { isShown } from '../shared/visibility';
import { composeBodyOf } from './parse-compose';
import { queryFirst } from './selectors';
import { composeRootOf, listenForSendIntent, onControl, readSendIntent, type SendIntent } from './send-intent';

export interface SendDetectorOptions {
  /** How long OWA may take to close the compose; after that the send was refused (facts 2.4: ~3 s). */
  confirmTimeoutMs?: number;
}

const CONFIRM_TIMEOUT_MS = 3000;

interface PendingSend {
  mail: SendIntent;
  root: Element;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The compose closed: removed, hidden, or emptied of its body. */
function composeClosed(root: Element): boolean {
  return !root.isConnected || !isShown(root) || composeBodyOf(root) === null;
}

/** OWA refused the send: a validation dialog on the page or an alert inside the compose. */
function refused(doc: Document, root: Element): boolean {
  const dialog = queryFirst(doc, 'validationDialog', isShown);
  const alert = root.isConnected ? queryFirst(root, 'validationAlert', isShown) : null;
  return dialog !== null || alert !== null;
}

export function startSendDetector(
  doc: Document,
  onSent: (mail: SentMail) => void,
  signal: AbortSignal,
  options: SendDetectorOptions = {},
): void {
  if (signal.aborted) return;
  const { confirmTimeoutMs = CONFIRM_TIMEOUT_MS } = options;
  const pending: PendingSend[] = [];
  const reported = new Set<string>();
  let observer: MutationObserver | null = null;

  function forget(entry: PendingSend) {
    clearTimeout(entry.timer);
    const index = pending.indexOf(entry);
    if (index >= 0) pending.splice(index, 1);
    if (pending.length === 0) {
      observer?.disconnect();
      observer = null;
    }
  }

  function report(entry: PendingSend) {
    forget(entry);
    if (signal.aborted) return;
    const keys = [entry.mail.sendId, entry.mail.draftId].filter((k): k is string => k !== null);
    if (keys.some((k) => reported.has(k))) return;
    for (const key of keys) reported.add(key);
    onSent({ ...entry.mail, sentAt: Date.now() });
  }

  function check() {
    if (signal.aborted) return;
    for (const entry of [...pending]) {
      if (refused(doc, entry.root)) forget(entry);
      else if (composeClosed(entry.root)) report(entry);
    }
  }

  listenForSendIntent(
    doc,
    (root) => {
      // A double click is one request; a retry after a refusal replaces the earlier one.
      for (const earlier of pending.filter((p) => p.root === root)) forget(earlier);
      const mail = readSendIntent(doc, root);
      if (!mail) return;
      const entry: PendingSend = { mail, root, timer: undefined };
      entry.timer = setTimeout(() => forget(entry), confirmTimeoutMs);
      pending.push(entry);
      if (!observer) {
        observer = new MutationObserver(check);
        // Attributes too: a compose may be hidden rather than removed.
        observer.observe(doc.body ?? doc.documentElement, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['style', 'hidden', 'aria-hidden', 'class'],
        });
      }
    },
    signal,
  );

  // Discard closes the compose too: that is no send.
  doc.addEventListener(
    'click',
    (event) => {
      const el = elementOf(event.target);
      const root = el && composeRootOf(doc, el);
      if (!el || !root || !onControl(el, root, 'composeDiscardButton')) return;
      for (const entry of pending.filter((p) => p.root === root)) forget(entry);
    },
    { capture: true, signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      for (const entry of [...pending]) forget(entry);
    },
    { once: true },
  );
}
