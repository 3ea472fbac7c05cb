import { z } from 'zod';
import { callingSettingsError, isBareHostname } from '@/lib/domain/calling-links';
import { isDayKey } from '@/lib/domain/day-key';
import { isTimeZone, TIME_ZONE_ERROR } from '@/lib/domain/time-zone';
import { CLIENT_STATUSES, COMPLAINT_STATUSES, CONTRACT_STATUSES, OBLIGATION_KINDS, TEMPLATE_KINDS, CALLING_METHODS } from '@/lib/domain/types';
import type { ImportRow } from '@/lib/io/import-row';

// The record fields messages carry (cards, contacts, contracts, complaints, settings, templates,
// import rows), as zod schemas. The messages themselves are all in protocol.ts.

export const text = (max: number) => z.string().max(max);
export const email = z.string().max(320).regex(/^[^\s@]+@[^\s@]+$/);
export const dayKeyString = z.string().refine(isDayKey, 'expected a date as YYYY-MM-DD');
export const id = z.string().min(1).max(100);
/** An instant as stored (createdAt, updatedAt…): ISO 8601, with Z or an offset. */
export const instant = z.iso.datetime({ offset: true });

export const templateFields = z.object({
  name: text(200).min(1, 'The template needs a name'),
  subject: text(2000),
  bodyHtml: text(200_000),
  kind: z.enum(TEMPLATE_KINDS),
  countsAsOffer: z.boolean(),
});

/** Values the user typed for variables a template could not fill. */
export const templateValues = z.record(z.string().max(100), text(5000));

export const clientStatus = z.enum(CLIENT_STATUSES);
export const money = z.number().finite().nullable();

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
export const contactFieldsSchema = z.object({
  name: text(300),
  position: text(300),
  emails: z.array(email).max(50),
  phones: z.array(text(100)).max(50),
  birthday: dayKeyString.nullable(),
  decisionMaker: z.boolean(),
});

export const phoneNumber = z.object({ raw: text(100), e164: z.string().regex(/^\+\d{4,15}$/), ext: text(20).nullable() });
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

/** How a click on a number places the call; checked as a whole (the method needs its address). */
const callingSettingsSchema = z
  .object({ method: z.enum(CALLING_METHODS), threecxUrl: text(500), customUrl: text(2000) })
  .superRefine((calling, ctx) => {
    const error = callingSettingsError(calling);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** A 3CX web client's host as the content script's match pattern needs it: no scheme, port or path. */
const softphoneHost = text(253).trim().toLowerCase().refine(isBareHostname, 'expected a host name such as pbx.example.com (no https://, port or path)');

const phoneRegion = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter region such as RU or DE');

export const settingsPatch = z
  .object({
    managerName: text(200),
    signatureHtml: text(20_000),
    ownDomains: z.array(text(253)).max(50),
    defaultPhoneRegion: phoneRegion,
    timeZone: text(100).refine(isTimeZone, TIME_ZONE_ERROR),
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
    softphoneRegions: z.record(softphoneHost, phoneRegion).refine((regions) => Object.keys(regions).length <= 50, 'at most 50 PBX regions'),
    workCalendar: z.object({
      workingDays: z.array(z.number().int().min(0).max(6)).max(7),
      holidays: z.array(dayKeyString).max(400),
      extraWorkingDays: z.array(dayKeyString).max(400),
    }),
    reminderTime: z.string().regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 09:00, or nothing'),
    greetingMail: z.enum(['gmail', 'outlook']),
  })
  .partial();

/**
 * The settings as stored and as a backup holds them: the fields the settings message edits,
 * checked the same way (fields added later may be missing), plus what the background keeps.
 * Unknown fields stay (a newer version's).
 */
export const storedSettingsSchema = settingsPatch
  .extend({
    managerId: id,
    submittedReports: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')).optional(),
    startedOn: z.union([z.literal(''), dayKeyString]).optional(),
  })
  .loose();

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

