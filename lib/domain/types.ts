// The data model of DESIGN.md, as plain types shared by the database, the rules and the UI.
// Ids are random UUIDs; every record has createdAt/updatedAt, a deletedAt tombstone and an owner,
// so a later team replication needs no migration.

export const CLIENT_STATUSES = ['prospect', 'active', 'vip', 'inactive', 'lost'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** A phone as the user entered it, and normalized (E.164 without the extension). */
export interface PhoneNumber {
  raw: string;
  e164: string;
  /** Extension kept apart ("доб. 123", "ext. 45"), or null. */
  ext: string | null;
}

export interface SyncedRecord {
  id: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  /** Tombstone instead of a hard delete; null while the record is alive. */
  deletedAt: string | null;
}

export interface ContractTerms {
  paymentTerms: string;
  deferralDays: number | null;
  discountPct: number | null;
  creditLimit: number | null;
}

export interface Receivables {
  amount: number | null;
  overdueAmount: number | null;
  dueDate: string | null;
}

export interface Client extends SyncedRecord {
  name: string;
  legalName: string;
  taxId: string;
  status: ClientStatus;
  /** Company e-mail domains, lower-case, used for domain matching. */
  domains: string[];
  /** Company-level addresses (info@, sales@), lower-case. */
  emails: string[];
  phones: PhoneNumber[];
  /** E.164 of every phone, kept by the repository for the multi-entry index. */
  phoneE164s: string[];
  industry: string;
  source: string;
  priceType: string;
  contract: ContractTerms;
  receivables: Receivables;
  reliabilityRating: number | null;
  reliabilityNote: string;
  needs: string;
  tags: string[];
  notes: string;
  holidayDate: string | null;
  lastContactAt: string | null;
  /** YYYY-MM-DD. */
  nextContactAt: string | null;
  /** Set with the tombstone when this card was merged into another: the card that holds its data now. */
  mergedIntoId?: string | null;
}

export interface Contact extends SyncedRecord {
  clientId: string;
  name: string;
  position: string;
  emails: string[];
  phones: PhoneNumber[];
  phoneE164s: string[];
  birthday: string | null;
  decisionMaker: boolean;
}

export const CONTRACT_STATUSES = ['draft', 'negotiation', 'signed', 'fulfilled', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
/** Statuses of a contract that has been signed (a fulfilled contract was signed first). */
export const SIGNED_CONTRACT_STATUSES: readonly ContractStatus[] = ['signed', 'fulfilled'];

export const OBLIGATION_KINDS = ['delivery', 'payment', 'other'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** A delivery or payment a contract promises, with its due date and a done mark. */
export interface Obligation {
  /** Random, unique within its contract. */
  id: string;
  kind: ObligationKind;
  title: string;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  done: boolean;
  /** ISO timestamp of when it was marked done; null while not done. */
  doneAt: string | null;
}

/** A contract with a client (issue 7). Signed new-client contracts count toward the month's quota. */
export interface Contract extends SyncedRecord {
  clientId: string;
  number: string;
  /** YYYY-MM-DD: the date written on the contract. */
  date: string | null;
  amount: number | null;
  /** ISO 4217, e.g. RUB, EUR. */
  currency: string;
  status: ContractStatus;
  /** YYYY-MM-DD in the user's time zone, set when it becomes signed; null while draft or negotiation. */
  signedAt: string | null;
  /** The client's first contract (a new client): counts toward the monthly quota when signed. */
  firstContract: boolean;
  obligations: Obligation[];
  notes: string;
}

export const COMPLAINT_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A client's complaint, followed to its resolution (issue 7). */
export interface Complaint extends SyncedRecord {
  clientId: string;
  /** YYYY-MM-DD. */
  openedAt: string;
  subject: string;
  details: string;
  status: ComplaintStatus;
  resolution: string;
  /** YYYY-MM-DD in the user's time zone, set when it becomes resolved, cleared when reopened. */
  resolvedAt: string | null;
}

export const ACTIVITY_TYPES = [
  'email',
  'email_offer',
  'call',
  'phone_offer',
  'meeting',
  'contract',
  'complaint',
  'greeting',
  'note',
  'retraction',
  /** Another card was merged into this one (see lib/db/merge-clients.ts). */
  'merge',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** How a call ended, as the user logs it (stored in Activity.outcome). */
export const CALL_OUTCOMES = ['reached', 'no-answer', 'busy', 'wrong-number', 'voicemail'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** 'attempted': a click-to-call whose outcome is not logged yet. */
export type CallActivityOutcome = CallOutcome | 'attempted';

/** What a 'call' activity adds to the timeline entry. */
export interface CallDetails {
  direction: CallDirection;
  /** E.164; empty when the call was logged from the client card without a number. */
  number: string;
  ext: string | null;
  durationSec: number | null;
}

/** The timeline: append-only facts. An undone offer is a 'retraction' pointing at it. */
export interface Activity extends SyncedRecord {
  type: ActivityType;
  clientId: string | null;
  contactId: string | null;
  at: string;
  /** YYYY-MM-DD in the user's time zone at `at`. */
  dayKey: string;
  /** Message/draft id, call id: the key against double counting. */
  channelRef: string | null;
  templateId: string | null;
  outcome: string | null;
  summary: string;
  /** For a retraction: the activity it retracts. */
  retractsId: string | null;
  /** For a 'call' (optional: rows written before calls were logged have none). */
  call?: CallDetails;
}

export const TEMPLATE_KINDS = ['offer', 'follow-up', 'greeting', 'logistics', 'other'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface Template extends SyncedRecord {
  name: string;
  subject: string;
  bodyHtml: string;
  kind: TemplateKind;
  countsAsOffer: boolean;
  useCount: number;
  lastUsedAt: string | null;
}

export interface Quotas {
  emailOffersPerDay: number;
  phoneOffersPerDay: number;
  callsPerDay: number;
  newContractsPerMonth: number;
  contactEveryDays: number;
}

export interface Settings {
  managerId: string;
  managerName: string;
  signatureHtml: string;
  /** The user's own company domains: never matched as a client's domain. */
  ownDomains: string[];
  /** ISO 3166 region used to read numbers written without a country code. */
  defaultPhoneRegion: string;
  /** IANA zone; empty = the browser's. */
  timeZone: string;
  quotas: Quotas;
  /** One e-mail offer per recipient organisation (default), or one per message. */
  offerCounting: 'per-organisation' | 'per-message';
  /** How a click on a phone number places the call (lib/domain/calling-links.ts). */
  calling: CallingSettings;
  /** Hosts of the 3CX web clients the user added (bare hostnames, served over https). */
  softphoneHosts: string[];
  /** Each 3CX host's PBX region (ISO 3166): its numbers without a country code are from there.
   *  A host not listed uses `defaultPhoneRegion`. */
  softphoneRegions: Record<string, string>;
  /** Working days and days off: the plan is not held against the rest (issue 7). */
  workCalendar: { workingDays: number[]; holidays: string[]; extraWorkingDays: string[] };
  /** HH:MM local time of the daily reminder of what is due; '' = no reminder. */
  reminderTime: string;
  /** Where a greeting opens: a Gmail or an Outlook compose. */
  greetingMail: 'gmail' | 'outlook';
  /** Months (YYYY-MM) whose performance report the user marked as submitted. */
  submittedReports: string[];
  /** The local day ClientDesk first ran (YYYY-MM-DD): no report is asked for the months before it.
   *  '' in settings made before it was kept (those users get every reminder, as before). */
  startedOn: string;
}

export const CALLING_METHODS = ['tel', 'google-voice', '3cx', 'custom'] as const;
export type CallingMethod = (typeof CALLING_METHODS)[number];

export interface CallingSettings {
  method: CallingMethod;
  /** The 3CX PBX's web address, e.g. https://pbx.example.com (for method '3cx'). */
  threecxUrl: string;
  /** A URL with {number} (E.164, URL-encoded) or {digits} (without +), for method 'custom'. */
  customUrl: string;
}

export const DEFAULT_QUOTAS: Quotas = {
  emailOffersPerDay: 50,
  phoneOffersPerDay: 20,
  callsPerDay: 30,
  newContractsPerMonth: 4,
  contactEveryDays: 30,
};

/**
 * A send whose offers wait for the user (issue 12.4: more organisations than one send normally
 * reaches). Its mail is on the timeline as `email` activities; counting it adds its `email_offer`s.
 */
export interface HeldSend extends SyncedRecord {
  site: string;
  /** The send's key (draft or send id), as in its activities' channelRef. */
  sendRef: string;
  subject: string;
  /** When it was sent (ISO): counted offers fall on that day. */
  sentAt: string;
  templateId: string | null;
  /** The organisations it would count for (a client card, a company domain, a free-mail address). */
  targets: { key: string; clientId: string | null; contactId: string | null; emails: string[] }[];
  status: 'pending' | 'counted' | 'dismissed';
  decidedAt: string | null;
}
