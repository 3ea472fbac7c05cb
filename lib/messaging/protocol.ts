import { z } from 'zod';
import { CLIENT_STATUSES, TEMPLATE_KINDS } from '@/lib/domain/types';
import { isDayKey } from '@/lib/domain/day-key';
import { callingSettingsError, isBareHostname } from '@/lib/domain/calling-links';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALLING_METHODS, COMPLAINT_STATUSES, CONTRACT_STATUSES, OBLIGATION_KINDS } from '@/lib/domain/types';
import type { ImportRow } from '@/lib/io/import-row';
import type { PageSnapshot, SentMail } from '@/lib/sites/types';

// The one protocol file. Every message has a zod schema; names say their direction
// (contentToBackground, sidebarToBackground, optionsToBackground, backgroundToSidebar).
// The background parses everything it receives here, in lib/messaging/accept.ts.

const text = (max: number) => z.string().max(max);
const email = z.string().max(320).regex(/^[^\s@]+@[^\s@]+$/);
const dayKeyString = z.string().refine(isDayKey, 'expected a date as YYYY-MM-DD');
const id = z.string().min(1).max(100);

const correspondent = z.object({
  email: email.nullable(),
  name: text(300),
  role: z.enum(['from', 'to', 'cc', 'bcc']),
  phone: text(100).nullable().optional(),
});

const epochMs = z.number().finite().min(0);
const callInfo = z.object({
  direction: z.enum(['in', 'out']),
  state: z.enum(['dialing', 'ringing', 'connected', 'ended']),
  startedAt: epochMs,
  connectedAt: epochMs.nullable(),
  endedAt: epochMs.nullable(),
  durationSec: z.number().finite().min(0).max(86_400).nullable(),
});

const mailContext = z.object({
  kind: z.enum(['thread', 'compose', 'call']),
  id: text(300),
  variant: z.enum(['popup', 'fullscreen', 'inline']).optional(),
  subject: text(2000),
  correspondents: z.array(correspondent).max(500),
  call: callInfo.optional(),
});

export const pageSnapshotSchema = z.object({
  site: text(50),
  selfEmail: email.nullable(),
  contexts: z.array(mailContext).max(50),
  focusedContextId: text(300).nullable(),
  problems: z.array(z.object({ code: text(100), message: text(1000) })).max(20),
}) satisfies z.ZodType<PageSnapshot>;

const sentMailSchema = z.object({
  contextId: text(300),
  draftId: text(300).nullable(),
  sendId: text(100).min(1),
  subject: text(2000),
  recipients: z.array(correspondent).max(500),
  sentAt: z.number().finite(),
}) satisfies z.ZodType<SentMail>;

const templateFields = z.object({
  name: text(200).min(1, 'The template needs a name'),
  subject: text(2000),
  bodyHtml: text(200_000),
  kind: z.enum(TEMPLATE_KINDS),
  countsAsOffer: z.boolean(),
});

/** Values the user typed for variables a template could not fill. */
const templateValues = z.record(z.string().max(100), text(5000));

const clientStatus = z.enum(CLIENT_STATUSES);
const money = z.number().finite().nullable();

/** The card fields a user may edit (the sidebar sends a few, the client page any). Phones come as typed. */
export const clientPatchSchema = z
  .object({
    name: text(300).min(1, 'The company name cannot be empty'),
    legalName: text(500),
    taxId: text(50),
    status: clientStatus,
    domains: z.array(text(253)).max(50),
    emails: z.array(email).max(50),
    phones: z.array(text(100)).max(50),
    industry: text(300),
    source: text(300),
    priceType: text(200),
    contract: z.object({ paymentTerms: text(500), deferralDays: z.number().int().min(0).max(3650).nullable(), discountPct: z.number().min(0).max(100).nullable(), creditLimit: money }).partial(),
    receivables: z.object({ amount: money, overdueAmount: money, dueDate: dayKeyString.nullable() }).partial(),
    reliabilityRating: z.number().int().min(1).max(5).nullable(),
    reliabilityNote: text(5000),
    needs: text(20_000),
    tags: z.array(text(100)).max(100),
    notes: text(20_000),
    holidayDate: dayKeyString.nullable(),
    nextContactAt: dayKeyString.nullable(),
  })
  .partial();

/** A contact as the client page edits it; phones come as typed. */
const contactFieldsSchema = z.object({
  name: text(300),
  position: text(300),
  emails: z.array(email).max(50),
  phones: z.array(text(100)).max(50),
  birthday: dayKeyString.nullable(),
  decisionMaker: z.boolean(),
});

const phoneNumber = z.object({ raw: text(100), e164: z.string().regex(/^\+\d{4,15}$/), ext: text(20).nullable() });
const dayOrNull = dayKeyString.nullable();
/** One checked import row (lib/io/import-row.ts), re-checked here: the importer trusts its shape. */
export const importRowSchema = z.object({
  line: z.number().int().min(0),
  client: z.object({
    name: text(300),
    legalName: text(500),
    taxId: text(50),
    status: clientStatus.nullable(),
    domains: z.array(text(253)).max(50),
    emails: z.array(email).max(50),
    phones: z.array(phoneNumber).max(50),
    industry: text(300),
    source: text(300),
    priceType: text(200),
    paymentTerms: text(500),
    deferralDays: z.number().nullable(),
    discountPct: z.number().nullable(),
    creditLimit: money,
    receivables: money,
    overdueAmount: money,
    dueDate: dayOrNull,
    reliabilityRating: z.number().int().min(1).max(5).nullable(),
    reliabilityNote: text(5000),
    needs: text(20_000),
    tags: z.array(text(100)).max(100),
    notes: text(20_000),
    holidayDate: dayOrNull,
    nextContactAt: dayOrNull,
  }),
  contact: z
    .object({
      name: text(300),
      position: text(300),
      emails: z.array(email).max(50),
      phones: z.array(phoneNumber).max(50),
      birthday: dayOrNull,
      decisionMaker: z.boolean().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<ImportRow>;

/** Rows and backup text travel to the background in chunks over BULK_PORT (a message is capped at 64 MiB). */
export const IMPORT_CHUNK_ROWS = 2000;
export const RESTORE_CHUNK_CHARS = 4_000_000;
const jobId = z.string().min(1).max(100);

/** How a click on a number places the call; checked as a whole (the method needs its address). */
const callingSettingsSchema = z
  .object({ method: z.enum(CALLING_METHODS), threecxUrl: text(500), customUrl: text(2000) })
  .superRefine((calling, ctx) => {
    const error = callingSettingsError(calling);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** A 3CX web client's host as the content script's match pattern needs it: no scheme, port or path. */
const softphoneHost = text(253).trim().toLowerCase().refine(isBareHostname, 'expected a host name such as pbx.example.com (no https://, port or path)');

const settingsPatch = z
  .object({
    managerName: text(200),
    signatureHtml: text(20_000),
    ownDomains: z.array(text(253)).max(50),
    defaultPhoneRegion: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter region such as RU or DE'),
    timeZone: text(100),
    offerCounting: z.enum(['per-organisation', 'per-message']),
    quotas: z.object({
      emailOffersPerDay: z.number().int().min(0).max(10_000),
      phoneOffersPerDay: z.number().int().min(0).max(10_000),
      callsPerDay: z.number().int().min(0).max(10_000),
      newContractsPerMonth: z.number().int().min(0).max(10_000),
      contactEveryDays: z.number().int().min(1).max(3650),
    }),
    calling: callingSettingsSchema,
    softphoneHosts: z.array(softphoneHost).max(50),
    workCalendar: z.object({
      workingDays: z.array(z.number().int().min(0).max(6)).max(7),
      holidays: z.array(dayKeyString).max(400),
      extraWorkingDays: z.array(dayKeyString).max(400),
    }),
    reminderTime: z.string().regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 09:00, or nothing'),
    greetingMail: z.enum(['gmail', 'outlook']),
  })
  .partial();

/** A contract as the card's form sends it (issue 7); new obligations come without an id. */
export const contractFieldsSchema = z.object({
  number: text(100),
  date: dayKeyString.nullable(),
  amount: z.number().finite().min(0).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as RUB or EUR'),
  status: z.enum(CONTRACT_STATUSES),
  /** Omitted: the day it becomes signed. */
  signedAt: dayKeyString.nullable().optional(),
  /** Omitted: true when the client has no other signed or fulfilled contract. */
  firstContract: z.boolean().optional(),
  obligations: z
    .array(z.object({ id: id.optional(), kind: z.enum(OBLIGATION_KINDS), title: text(500), dueDate: dayKeyString.nullable(), done: z.boolean() }))
    .max(100),
  notes: text(20_000),
});

/** A complaint as the card's form sends it (issue 7). */
export const complaintFieldsSchema = z.object({
  openedAt: dayKeyString,
  subject: text(500).trim().min(1, 'The complaint needs a subject'),
  details: text(20_000),
  status: z.enum(COMPLAINT_STATUSES),
  resolution: text(20_000),
});

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contentToBackground.pageSnapshot'), snapshot: pageSnapshotSchema, emittedAt: z.number() }),
  z.object({ type: z.literal('contentToBackground.mailSent'), mail: sentMailSchema, emittedAt: z.number() }),

  z.object({
    type: z.literal('sidebarToBackground.createClient'),
    client: z.object({ name: text(300).min(1, 'The company name cannot be empty'), domains: z.array(text(253)).max(50), status: clientStatus }),
    contact: z.object({ name: text(300), email: email.nullable(), position: text(300), phone: text(100) }).nullable(),
  }),
  z.object({ type: z.literal('pageToBackground.updateClient'), clientId: id, patch: clientPatchSchema, expectedUpdatedAt: z.string().max(40).optional() }),
  z.object({ type: z.literal('pageToBackground.addNote'), clientId: id, contactId: id.nullable(), text: text(20_000).min(1, 'The note is empty') }),

  // Calls (issue 6): whose number it is, click-to-call (logs the attempt), and the log form.
  z.object({ type: z.literal('pageToBackground.matchPhone'), number: text(100) }),
  z.object({ type: z.literal('pageToBackground.startCall'), number: text(100).min(1, 'Enter the number to call'), clientId: id.nullable(), contactId: id.nullable() }),
  z.object({
    type: z.literal('pageToBackground.logCall'),
    callId: id.optional(),
    channelRef: text(300).min(1).optional(),
    clientId: id.nullable(),
    contactId: id.nullable(),
    /** As typed; null (or empty) for a call logged from the client without a number. */
    number: text(100).nullable(),
    direction: z.enum(CALL_DIRECTIONS),
    outcome: z.enum(CALL_OUTCOMES),
    durationSec: z.number().int().min(0).max(86_400).nullable(),
    offer: z.boolean(),
    note: text(20_000),
    nextContactAt: dayKeyString.nullable(),
  }),

  // Contracts and complaints on the client card (issue 7): the sidebar and Options both send them.
  z.object({ type: z.literal('pageToBackground.saveContract'), clientId: id, contractId: id.nullable(), fields: contractFieldsSchema, expectedUpdatedAt: z.string().max(40).optional() }),
  z.object({ type: z.literal('pageToBackground.setObligationDone'), contractId: id, obligationId: id, done: z.boolean() }),
  z.object({ type: z.literal('pageToBackground.deleteContract'), contractId: id }),
  z.object({ type: z.literal('pageToBackground.saveComplaint'), clientId: id, complaintId: id.nullable(), fields: complaintFieldsSchema, expectedUpdatedAt: z.string().max(40).optional() }),
  z.object({ type: z.literal('pageToBackground.deleteComplaint'), complaintId: id }),

  z.object({ type: z.literal('sidebarToBackground.insertTemplate'), contextId: text(300), templateId: id, values: templateValues }),
  z.object({ type: z.literal('sidebarToBackground.markOffer'), contextId: text(300), offer: z.boolean() }),

  // Read-only queries any first-party page may make (sidebar, popup, options).
  z.object({ type: z.literal('pageToBackground.searchClients'), query: text(200) }),
  z.object({ type: z.literal('pageToBackground.getToday') }),

  z.object({ type: z.literal('optionsToBackground.getSettings') }),
  z.object({ type: z.literal('optionsToBackground.listTemplates') }),
  z.object({ type: z.literal('optionsToBackground.saveTemplate'), id: id.optional(), fields: templateFields }),
  z.object({ type: z.literal('optionsToBackground.deleteTemplate'), id }),
  z.object({ type: z.literal('optionsToBackground.previewTemplate'), fields: templateFields, clientId: id.nullable(), values: templateValues }),
  z.object({ type: z.literal('optionsToBackground.saveSettings'), patch: settingsPatch }),
  z.object({ type: z.literal('optionsToBackground.getBaseStats') }),

  // The client page.
  z.object({ type: z.literal('optionsToBackground.saveContact'), clientId: id, contactId: id.nullable(), fields: contactFieldsSchema, expectedUpdatedAt: z.string().max(40).optional() }),
  z.object({ type: z.literal('optionsToBackground.deleteContact'), contactId: id }),
  z.object({ type: z.literal('optionsToBackground.deleteClient'), clientId: id }),
  z.object({ type: z.literal('optionsToBackground.mergeClients'), keepId: id, mergeId: id }),
  z.object({ type: z.literal('optionsToBackground.backupMade'), at: z.iso.datetime() }),
  z.object({ type: z.literal('optionsToBackground.addSampleData') }),
  z.object({ type: z.literal('optionsToBackground.removeSampleData') }),

  // The plan (issue 7): today's agenda, greetings, the monthly report.
  z.object({ type: z.literal('pageToBackground.getAgenda'), limit: z.number().int().min(0).max(5000) }),
  z.object({ type: z.literal('pageToBackground.greetingLink'), clientId: id, contactId: id.nullable() }),
  z.object({ type: z.literal('pageToBackground.getReportDue') }),
  z.object({ type: z.literal('optionsToBackground.getMonthlyReport'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM') }),
  z.object({ type: z.literal('optionsToBackground.markReportSubmitted'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), submitted: z.boolean() }),

  // Bulk jobs, only over BULK_PORT: the background answers with BackgroundToOptionsBulkEvent.
  z.object({ type: z.literal('optionsToBackground.importChunk'), jobId, rows: z.array(importRowSchema).max(IMPORT_CHUNK_ROWS) }),
  z.object({ type: z.literal('optionsToBackground.importRun'), jobId, dryRun: z.boolean(), rowCount: z.number().int().min(0) }),
  z.object({ type: z.literal('optionsToBackground.restoreChunk'), jobId, text: z.string().max(RESTORE_CHUNK_CHARS) }),
  z.object({ type: z.literal('optionsToBackground.restoreRun'), jobId, mode: z.enum(['replace', 'merge']) }),
  z.object({ type: z.literal('optionsToBackground.bulkCancel'), jobId }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;
export type ClientPatch = z.infer<typeof clientPatchSchema>;
export type ContactFieldsInput = z.infer<typeof contactFieldsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatch>;
export type TemplateFieldsInput = z.infer<typeof templateFields>;
export type ContractFieldsInput = z.infer<typeof contractFieldsSchema>;
export type ComplaintFieldsInput = z.infer<typeof complaintFieldsSchema>;

/** The background asks a tab's content script to insert into a compose (checked there by hand: no zod in content scripts). */
export interface BackgroundToContentInsert {
  type: 'backgroundToContent.insertIntoCompose';
  contextId: string;
  html: string;
  subject: string | null;
}

/** Reply to startCall: the attempt logged (complete it with logCall's callId) and the link to open. */
export interface StartCallReply {
  callId: string;
  url: string;
}

/** Every reply has this shape, so a caller can always show `error`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
