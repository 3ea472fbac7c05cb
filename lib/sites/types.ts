// The contract between a site adapter and the rest of ClientDesk.
// Adapters only read the page and emit plain snapshots; they never touch the database or React.
// Keep this file free of runtime imports: content scripts import it as types only.

/** Where on the page a correspondent was read. */
export type CorrespondentRole = 'from' | 'to' | 'cc' | 'bcc';

export interface Correspondent {
  /** Lower-cased, trimmed address, or null where the site shows only a display name. */
  email: string | null;
  /** Display name as the site shows it (may be empty). */
  name: string;
  role: CorrespondentRole;
}

/** One place on the page with correspondents: the open thread, or one compose window. */
export interface MailContext {
  kind: 'thread' | 'compose';
  /** Stable within the page: thread id, or compose/draft id (or a generated one). */
  id: string;
  /** For a compose: popup, fullscreen or inline reply. */
  variant?: 'popup' | 'fullscreen' | 'inline';
  subject: string;
  correspondents: Correspondent[];
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

export interface SiteAdapter {
  site: string;
  /** Starts observing; calls onSnapshot when what the page shows changes. Stops when signal aborts. */
  start(onSnapshot: (snapshot: PageSnapshot) => void, signal: AbortSignal): void;
}
