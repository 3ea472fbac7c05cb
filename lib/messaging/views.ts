import type { MatchKind } from '@/lib/domain/match';
import type { ProgressItem } from '@/lib/domain/progress';
import type { Activity, Client, Contact, Template } from '@/lib/domain/types';
import type { AdapterProblem, CorrespondentRole, MailContext } from '@/lib/sites/types';

// What the background pushes to a sidebar (over the SIDEBAR_PORT): plain data, ready to render.

export interface CardView {
  client: Client;
  /** The matched contact first, then the client's other contacts. */
  contacts: Contact[];
  matchedContactId: string | null;
  by: MatchKind;
  confirmed: boolean;
  recent: Activity[];
}

/** Pre-filled fields for "Create client card" when nothing matched. */
export interface NewCardDraft {
  companyName: string;
  domain: string | null;
  contactName: string;
  email: string | null;
}

export interface CorrespondentView {
  email: string | null;
  name: string;
  role: CorrespondentRole;
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

export interface BaseStats {
  clients: number;
  contacts: number;
}

export interface ImportReport {
  clientsAdded: number;
  clientsUpdated: number;
  contactsAdded: number;
  contactsUpdated: number;
  /** Why nothing at all was imported (no header, not a CSV…), or null. */
  fatal: string | null;
  rejected: { line: number; reason: string }[];
  warnings: string[];
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
}
