// The contract between the file readers (CSV, XLSX, vCard → checked rows) and the importer that
// applies them to the base (lib/db/import-clients.ts). Whatever the file, a row becomes one
// client, optionally with one contact. Empty strings, empty lists and nulls mean "not given": an
// update never blanks a field the file left empty.

import type { ClientStatus, PhoneNumber } from '../domain/types';

/** Every field an import column can be mapped to, in the order the mapping screen offers them. */
export const IMPORT_FIELDS = [
  // client
  'company',
  'legal_name',
  'tax_id',
  'status',
  'domains',
  'company_email',
  'company_phone',
  'industry',
  'source',
  'price_type',
  'payment_terms',
  'deferral_days',
  'discount_pct',
  'credit_limit',
  'receivables',
  'overdue_amount',
  'due_date',
  'rating',
  'reliability_note',
  'needs',
  'tags',
  'notes',
  'holiday_date',
  'next_contact',
  // contact
  'contact',
  'first_name',
  'middle_name',
  'last_name',
  'position',
  'email',
  'phone',
  'birthday',
  'decision_maker',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportClientFields {
  /** The company name; the legal name when the file gives only that. */
  name: string;
  legalName: string;
  taxId: string;
  status: ClientStatus | null;
  domains: string[];
  /** Company-level addresses (info@, sales@). */
  emails: string[];
  phones: PhoneNumber[];
  industry: string;
  source: string;
  priceType: string;
  paymentTerms: string;
  deferralDays: number | null;
  discountPct: number | null;
  creditLimit: number | null;
  receivables: number | null;
  overdueAmount: number | null;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  /** 1..5. */
  reliabilityRating: number | null;
  reliabilityNote: string;
  needs: string;
  tags: string[];
  notes: string;
  /** YYYY-MM-DD (the year may be any: the holiday recurs; a file's yearless "--MM-DD" becomes 2000-MM-DD). */
  holidayDate: string | null;
  /** YYYY-MM-DD. */
  nextContactAt: string | null;
}

export interface ImportContactFields {
  name: string;
  position: string;
  emails: string[];
  phones: PhoneNumber[];
  /** YYYY-MM-DD. A birthday without a year (Google, vCard "--MM-DD") is left out, with a warning. */
  birthday: string | null;
  decisionMaker: boolean | null;
}

export interface ImportRow {
  /** 1-based line of the file where the row starts (header = line 1); for vCard, the card's first line. */
  line: number;
  client: ImportClientFields;
  contact: ImportContactFields | null;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportRowsResult {
  rows: ImportRow[];
  rejected: RejectedRow[];
  warnings: string[];
  /** The whole file is unusable (not the format, no header, empty): nothing may be imported. */
  fatal: string | null;
}

/** A client with nothing given, to spread real values over. */
export function emptyImportClient(): ImportClientFields {
  return {
    name: '',
    legalName: '',
    taxId: '',
    status: null,
    domains: [],
    emails: [],
    phones: [],
    industry: '',
    source: '',
    priceType: '',
    paymentTerms: '',
    deferralDays: null,
    discountPct: null,
    creditLimit: null,
    receivables: null,
    overdueAmount: null,
    dueDate: null,
    reliabilityRating: null,
    reliabilityNote: '',
    needs: '',
    tags: [],
    notes: '',
    holidayDate: null,
    nextContactAt: null,
  };
}
