// The contract between a site adapter and the rest of ClientDesk.
// Adapters only read the page and emit plain snapshots; they never touch the database or React.
// Keep this file free of runtime imports: content scripts import it as types only.

/** Where on the page a correspondent was read. */
export type CorrespondentRole = 'from' | 'to' | 'cc' | 'bcc';

export interface Correspondent {
  /** Lower-cased, trimmed address, or null where the site shows only a display name (or a phone). */
  email: string | null;
  /** Display name as the site shows it (may be empty). */
  name: string;
  role: CorrespondentRole;
  /**
   * For a call: the other party's number as the softphone shows it (bidi marks and spaces removed,
   * otherwise as shown: "+7 495 123-45-67", "(913) 555 8888"). The background normalizes it.
   */
  phone?: string | null;
}

/** Where a call is, as a softphone shows it. */
export type CallState = 'dialing' | 'ringing' | 'connected' | 'ended';

/** The call a softphone page shows (issue 6): who, which way, and how it went. */
export interface CallInfo {
  direction: 'in' | 'out';
  state: CallState;
  /** When the adapter first saw this call (epoch ms). */
  startedAt: number;
  /** When it connected, if it did. */
  connectedAt: number | null;
  /** When it ended, if it did. */
  endedAt: number | null;
  /** Talk time in seconds once connected (the softphone's own timer when it shows one). */
  durationSec: number | null;
}

/** One place on the page with correspondents: the open thread, one compose window, or a call. */
export interface MailContext {
  kind: 'thread' | 'compose' | 'call';
  /** Stable within the page: thread id, compose/draft id, the softphone's call id (or a generated one). */
  id: string;
  /** For a compose: popup, fullscreen or inline reply. */
  variant?: 'popup' | 'fullscreen' | 'inline';
  subject: string;
  correspondents: Correspondent[];
  /** For kind 'call': its direction and state. The other party is the one correspondent (with `phone`). */
  call?: CallInfo;
  /**
   * For kind 'call': the ISO 3166 region (e.g. "US") the softphone's numbers without a country code
   * belong to — the softphone's country, never the user's default region. Set by the adapter.
   */
  region?: string;
}

/** What the adapter could not find, in words a user can act on. */
export interface AdapterProblem {
  code: string;
  message: string;
}

/** Everything the adapter knows about the page at one moment. */
export interface PageSnapshot {
  site: string;
  /** The signed-in user's own address when the page shows it; excluded from correspondents. */
  selfEmail: string | null;
  contexts: MailContext[];
  /** Id of the compose that has focus (or was focused last), if any. */
  focusedContextId: string | null;
  problems: AdapterProblem[];
}

/**
 * A send the site confirmed and that can no longer be undone (site-dom-facts 1.4: a Send click or
 * Ctrl/⌘+Enter is only provisional; the compose must close, the "sent" notice appear, and its undo
 * window pass without Undo). An undone send is never reported.
 */
export interface SentMail {
  /** The compose's context id while it was open. */
  contextId: string;
  /** The site's own draft/message id when the page shows one: the key against counting twice. */
  draftId: string | null;
  /** A random id the adapter gave this send, for sites without a draft id. */
  sendId: string;
  subject: string;
  /** Recipients as they were when Send was pressed (the user's own address excluded). */
  recipients: Correspondent[];
  /** When the send was confirmed (epoch ms). */
  sentAt: number;
}

/** HTML to put into a compose, already rendered and escaped; the adapter sanitizes it again. */
export interface ComposeInsert {
  html: string;
  /** Filled into the subject only when the subject is empty. */
  subject: string | null;
}

export type InsertResult = { ok: true; subjectFilled: boolean } | { ok: false; reason: string };

export interface AdapterEvents {
  /** What the page shows changed. */
  snapshot(snapshot: PageSnapshot): void;
  /** A send was confirmed and its undo window passed. */
  sent(mail: SentMail): void;
}

export interface SiteAdapter {
  site: string;
  /** What the site is: mail sites insert templates; softphones report calls and insert nothing. */
  kind?: 'mail' | 'softphone';
  /** Starts observing; reports through `events` until `signal` aborts. */
  start(events: AdapterEvents, signal: AbortSignal): void;
  /**
   * Inserts HTML into an open compose: at the caret the user last had in its body, else at the top
   * of the body (above the signature and the quoted text), so that the site keeps it (draft saved).
   */
  insert(contextId: string, content: ComposeInsert): Promise<InsertResult>;
}

/** A send the site's own network request confirmed, read in the background (e.g. with webRequest). */
export interface NetworkSend {
  site: string;
  /** The tab that sent it; -1 when the site sent it from its own service worker. */
  tabId: number;
  /** The site's id of the draft that was sent, when the request names one. */
  itemId: string | null;
  subject: string | null;
  /** Exact addresses, as the request carries them. */
  recipients: Correspondent[];
  at: number;
}

/**
 * Optional background half of a site adapter: `lib/sites/<site>/background.ts` exporting
 * `siteBackground` is picked up by the background without any other edit. A site that reports
 * network-confirmed sends has its page-reported sends reconciled with them.
 */
export interface SiteBackground {
  site: string;
  start(report: (send: NetworkSend) => void): void;
}
