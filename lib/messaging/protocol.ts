import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/backup/envelope';
import { BACKUP_FREQUENCIES, MAX_KEEP, MIN_KEEP } from '@/lib/backup/schedule';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from '@/lib/domain/types';
import type { PageSnapshot, SentMail } from '@/lib/sites/types';
import {
  clientPatchSchema,
  clientStatus,
  complaintFieldsSchema,
  contactFieldsSchema,
  contractFieldsSchema,
  dayKeyString,
  email,
  id,
  importRowSchema,
  settingsPatch,
  templateFields,
  templateValues,
  text,
} from './fields';

export { clientPatchSchema, complaintFieldsSchema, contractFieldsSchema, importRowSchema } from './fields';

// The one protocol file. Every message has a zod schema; names say their direction
// (contentToBackground, sidebarToBackground, optionsToBackground, backgroundToSidebar).
// The background parses everything it receives here, in lib/messaging/accept.ts. The record
// fields the messages carry (cards, contracts, settings, import rows…) are in fields.ts.

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
  region: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter region such as US or RU').optional(),
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

/** Rows and backup text travel to the background in chunks over BULK_PORT (a message is capped at 64 MiB). */
export const IMPORT_CHUNK_ROWS = 2000;
export const RESTORE_CHUNK_CHARS = 4_000_000;
const jobId = z.string().min(1).max(100);

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contentToBackground.pageSnapshot'), snapshot: pageSnapshotSchema, emittedAt: z.number() }),
  z.object({ type: z.literal('contentToBackground.mailSent'), mail: sentMailSchema, emittedAt: z.number() }),
  // A softphone's page asks which region its numbers belong to (the 3CX PBX region, per host).
  z.object({ type: z.literal('contentToBackground.softphoneRegion') }),
  // Issue 12.11: the tab's one-time sidebar token (reply { token }), and the sidebar presenting it,
  // as the first message on SIDEBAR_PORT (lib/background/sidebar-tokens.ts).
  z.object({ type: z.literal('contentToBackground.sidebarToken') }),
  z.object({ type: z.literal('sidebarToBackground.present'), token: z.string().regex(/^[0-9a-f]{0,64}$/, 'expected a sidebar token') }),

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
  // A send whose offers wait for the user (issue 12.4): count them, or not.
  z.object({ type: z.literal('pageToBackground.decideHeldSend'), heldSendId: id, count: z.boolean() }),

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
  // Automatic backups (issue 12.9). The passphrase goes to the background once, to derive the key.
  z.object({ type: z.literal('optionsToBackground.getAutoBackup') }),
  z.object({ type: z.literal('optionsToBackground.saveAutoBackupPrefs'), frequency: z.enum(BACKUP_FREQUENCIES), keep: z.number().int().min(MIN_KEEP).max(MAX_KEEP) }),
  z.object({ type: z.literal('optionsToBackground.setBackupPassphrase'), passphrase: z.string().min(MIN_PASSPHRASE_LENGTH, `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`).max(1000) }),
  z.object({ type: z.literal('optionsToBackground.removeBackupPassphrase') }),
  z.object({ type: z.literal('optionsToBackground.backupNow') }),
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
