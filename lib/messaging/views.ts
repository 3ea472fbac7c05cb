import type { MatchKind } from '@/lib/domain/match';
import type { ProgressItem } from '@/lib/domain/progress';
import type { Activity, Client, Contact, Template } from '@/lib/domain/types';
import type { AdapterProblem, CallInfo, CorrespondentRole, MailContext } from '@/lib/sites/types';

// What the background pushes to a sidebar (over the SIDEBAR_PORT): plain data, ready to render.

export interface CardView {
  client: Client;
  /** The matched contact first, then the client's other contacts. */
  contacts: Contact[];
  matchedContactId: string | null;
  by: MatchKind;
  confirmed: boolean;
  recent: Activity[];
  /** Complaints not resolved yet (issue 7). */
  openComplaints?: { id: string; subject: string; status: 'open' | 'in-progress'; openedAt: string }[];
}

/** Pre-filled fields for "Create client card" when nothing matched. */
export interface NewCardDraft {
  companyName: string;
  domain: string | null;
  contactName: string;
  email: string | null;
  /** For a caller: the number in international form when it could be read (it then reads the same in
   *  every region), else as the softphone showed it. */
  phone?: string | null;
}

export interface CorrespondentView {
  email: string | null;
  name: string;
  role: CorrespondentRole;
  /**
   * For a call: the number in E.164 (null when it could not be read as a number), as shown, and in
   * international form (what the log form sends: the softphone's national "(913) 555 8888" would be
   * read in the user's region there).
   */
  phone?: { e164: string | null; ext: string | null; shown: string; international?: string | null } | null;
  cards: CardView[];
  draft: NewCardDraft;
}

/** For a compose: which templates are in it, and whether its send will count as an offer. */
export interface ComposeOfferView {
  templates: { id: string; name: string }[];
  /** The user's explicit toggle, or null when the templates decide. */
  markedOffer: boolean | null;
  isOffer: boolean;
}

export interface ContextView {
  kind: MailContext['kind'];
  id: string;
  variant?: MailContext['variant'];
  subject: string;
  focused: boolean;
  correspondents: CorrespondentView[];
  offer: ComposeOfferView | null;
  /** For a call: direction, state and duration, as the softphone showed them. */
  call?: CallInfo;
  /** For a call: the key its log carries (`<site>:<call id>`), and the logged call if it was logged. */
  callRef?: string;
  loggedCallId?: string | null;
}

export type TemplateSummary = Pick<Template, 'id' | 'name' | 'subject' | 'kind' | 'countsAsOffer' | 'useCount'>;

export interface SidebarView {
  site: string | null;
  contexts: ContextView[];
  problems: AdapterProblem[];
  /** When the content script emitted the snapshot (epoch ms, sub-ms): for the latency figure. */
  emittedAt: number | null;
  /** Templates for the compose pickers: offers first, most used first. */
  templates: TemplateSummary[];
}

export interface BackgroundToSidebarView {
  type: 'backgroundToSidebar.view';
  view: SidebarView;
}

/** Sent before the background closes a sidebar's port for good (issue 12.11): the sidebar stops reconnecting. */
export interface BackgroundToSidebarRefused {
  type: 'backgroundToSidebar.refused';
  reason: string;
}

export interface BaseStats {
  clients: number;
  contacts: number;
}

/** What an import did (or, dry run, would do): the numbers the user confirms before importing. */
export interface ImportSummary {
  clientsAdded: number;
  clientsUpdated: number;
  contactsAdded: number;
  contactsUpdated: number;
  /** Rows that matched a client and changed nothing. */
  unchanged: number;
}

/** Rows of one table (or all) a restore added, updated, or kept as the base had them (merge). */
export interface RestoreCounts {
  added: number;
  updated: number;
  kept: number;
}

export type RestoreTable = 'clients' | 'contacts' | 'activities' | 'templates' | 'settings' | 'contracts' | 'complaints';

/**
 * What a restore did, once its transaction committed: 'restored', or 'restored-but' when a step
 * after the commit failed (the base IS restored; `problems` says what did not follow). A restore
 * that changed nothing (refused file, failure, cancel) is a 'failed' bulk event instead.
 */
export type RestoreSummary =
  | { outcome: 'restored'; total: RestoreCounts; byTable: Record<RestoreTable, RestoreCounts> }
  | { outcome: 'restored-but'; total: RestoreCounts; byTable: Record<RestoreTable, RestoreCounts>; problems: string[] };

/** A step of a bulk job, pushed over BULK_PORT. */
export type BulkEvent =
  | { kind: 'received'; count: number }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary | RestoreSummary }
  | { kind: 'failed'; error: string; cancelled: boolean };

export interface BackgroundToOptionsBulkEvent {
  type: 'backgroundToOptions.bulkEvent';
  jobId: string;
  event: BulkEvent;
}

/** Reply to insertTemplate: inserted, or the variables the user must fill first. */
export type InsertTemplateReply = { inserted: true; subjectFilled: boolean } | { inserted: false; missing: string[] };

export interface ClientSearchHit {
  client: Client;
  contacts: Contact[];
}

export interface TodayView {
  dayKey: string;
  items: ProgressItem[];
  /** Today's e-mail offers, newest first, with the client's name when known. */
  offers: { activity: Activity; clientName: string | null }[];
  /** Sends whose offers wait for the user's confirmation (any day), oldest first. */
  heldSends: HeldSendView[];
}

/** A held send as the popup shows it: what it was, and how many offers counting it adds. */
export interface HeldSendView {
  id: string;
  subject: string;
  sentAt: string;
  organisations: number;
  /** A few of them by name (client card, else the domain or address), for the user to recognise the mail. */
  sample: string[];
}
