// The shapes of today's agenda (issue 7): what the popup, the options page and the reminder show.
// Contracts and complaints are described by the fields the rules read (ContractLike,
// ComplaintLike): the stored models are built to match these names.
import type { Client, ClientStatus, ComplaintStatus, Contact, ObligationKind, Quotas, Settings } from './types';

export type { ComplaintStatus, ObligationKind };

export interface ContractObligation {
  id: string;
  kind: ObligationKind;
  title: string;
  /** YYYY-MM-DD (or an ISO timestamp); null when the contract sets no date. */
  dueDate: string | null;
  done: boolean;
}

/** Statuses after which a contract's obligations no longer need anyone's attention. */
export const CLOSED_CONTRACT_STATUSES: readonly string[] = ['cancelled', 'fulfilled'];

export interface ContractLike {
  id: string;
  clientId: string;
  number: string;
  /** 'cancelled' and 'fulfilled' close it; any other status (draft, signed, active…) keeps it open. */
  status: string;
  obligations: ContractObligation[];
  deletedAt?: string | null;
}

export interface ComplaintLike {
  id: string;
  clientId: string;
  subject: string;
  /** ISO timestamp (or YYYY-MM-DD). */
  openedAt: string;
  status: ComplaintStatus;
  deletedAt?: string | null;
}

export interface AgendaInput {
  clients: readonly Client[];
  contacts: readonly Contact[];
  /** Latest local day of a contact activity per client id (see lastContactDays). */
  lastActivityDayByClient: ReadonlyMap<string, string>;
  contracts: readonly ContractLike[];
  complaints: readonly ComplaintLike[];
}

export type AgendaSettings = Pick<Settings, 'timeZone'> & { quotas: Pick<Quotas, 'contactEveryDays'> };

interface AgendaItemBase {
  clientId: string;
  /** '' when the client card is gone. */
  clientName: string;
  /** Lower comes first within the section; ties go by client name. Sections come sorted. */
  sortKey: number;
  /** One short line: why this is on today's list. */
  reason: string;
}

export interface FollowUpItem extends AgendaItemBase {
  kind: 'follow-up';
  dueDay: string;
  /** 0 when due today. */
  daysOverdue: number;
}

export interface NotContactedItem extends AgendaItemBase {
  kind: 'not-contacted';
  status: ClientStatus;
  vip: boolean;
  /** null: never contacted. */
  lastContactDay: string | null;
  daysSinceContact: number | null;
}

export interface GreetingItem extends AgendaItemBase {
  kind: 'birthday' | 'holiday';
  /** The contact whose birthday it is; null for a client's professional holiday. */
  contactId: string | null;
  /** Who is greeted: the contact's or the client's name. */
  name: string;
  /** The day it falls on this year or next (29 Feb moves to 28 Feb in a common year). */
  on: string;
  daysUntil: number;
}

export interface ReceivableItem extends AgendaItemBase {
  kind: 'receivable';
  /** The overdue amount, or the whole amount once its due date has passed. */
  amount: number;
  dueDay: string | null;
  /** Days past the due date; null when the card only states an overdue amount. */
  daysOverdue: number | null;
}

export interface ObligationItem extends AgendaItemBase {
  kind: 'obligation';
  contractId: string;
  contractNumber: string;
  obligationId: string;
  obligationKind: ObligationKind;
  title: string;
  dueDay: string;
  /** Negative: days left until it is due. */
  daysOverdue: number;
}

export interface ComplaintItem extends AgendaItemBase {
  kind: 'complaint';
  complaintId: string;
  subject: string;
  status: Exclude<ComplaintStatus, 'resolved'>;
  openedDay: string;
  daysOpen: number;
}

export interface Agenda {
  today: string;
  contactEveryDays: number;
  followUps: FollowUpItem[];
  notContacted: NotContactedItem[];
  greetings: GreetingItem[];
  receivablesOverdue: ReceivableItem[];
  obligationsDue: ObligationItem[];
  openComplaints: ComplaintItem[];
}

export type AgendaItem = Agenda[Exclude<keyof Agenda, 'today' | 'contactEveryDays'>][number];
