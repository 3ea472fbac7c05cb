// The shapes of the client list (options page): the slim row the table shows and searches, the
// serializable filter and sort a user can save. Pure data, no DOM, no Dexie.
import { CLIENT_STATUSES, type ClientStatus } from './types';

/** One client as the list needs it: projected once per load, scanned on every keystroke. */
export interface ClientListRow {
  readonly id: string;
  readonly name: string;
  readonly legalName: string;
  readonly taxId: string;
  readonly status: ClientStatus;
  readonly tags: readonly string[];
  readonly priceType: string;
  /** The first live contact, in the order they were entered ('' when there is none). */
  readonly primaryContactName: string;
  /** The primary contact's first e-mail, else the company's first e-mail; as entered. */
  readonly primaryEmail: string;
  /** The primary contact's first phone, else the company's first phone; as entered. */
  readonly primaryPhone: string;
  readonly contactCount: number;
  /** As stored (an ISO timestamp): shown and sorted on. */
  readonly lastContactAt: string | null;
  /** The local calendar day (YYYY-MM-DD) of lastContactAt: what "not contacted for N days" compares. */
  readonly lastContactDay: string | null;
  /** YYYY-MM-DD. */
  readonly nextContactAt: string | null;
  readonly receivablesAmount: number | null;
  readonly overdueAmount: number | null;
  /** YYYY-MM-DD. */
  readonly receivablesDueDate: string | null;
  /** Status VIP, or a "VIP" tag. */
  readonly vip: boolean;
  readonly updatedAt: string;
  /**
   * Lower-cased (ё folded to е) company, legal name, tax id, domains, contact names, every e-mail
   * and every phone as digits, one per line: a query word is found with one `includes`, and the
   * newline keeps a word from matching across two fields.
   */
  readonly haystack: string;
}

export interface ClientFilter {
  query: string;
  /** Any of these statuses; empty = all. */
  statuses: ClientStatus[];
  /** Has any of these tags; empty = all. */
  tags: string[];
  /** Any of these price types; empty = all. */
  priceTypes: string[];
  /** Last contact N or more days before today (never contacted counts); null = off. */
  notContactedDays: number | null;
  /** Next contact date is today or earlier. */
  nextContactDue: boolean;
  /** Overdue amount > 0, or an amount > 0 whose due date has passed. */
  receivablesOverdue: boolean;
  vipOnly: boolean;
}

export const SORT_KEYS = ['name', 'status', 'lastContactAt', 'nextContactAt', 'overdue', 'updatedAt'] as const;
export type ClientSortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ClientSort {
  key: ClientSortKey;
  dir: SortDirection;
}

export const DEFAULT_SORT: ClientSort = { key: 'name', dir: 'asc' };

/** The direction a column sorts in when first clicked: the order a manager usually wants. */
export const FIRST_SORT_DIRECTION: Record<ClientSortKey, SortDirection> = {
  name: 'asc',
  status: 'asc',
  lastContactAt: 'asc', // longest without contact first
  nextContactAt: 'asc', // soonest due first
  overdue: 'desc', // biggest debt first
  updatedAt: 'desc', // most recently edited first
};

/** The threshold of the "Not contacted" toggle: DESIGN.md's "contact every client once a month". */
export const NOT_CONTACTED_DEFAULT_DAYS = 30;

export function emptyFilter(): ClientFilter {
  return {
    query: '',
    statuses: [],
    tags: [],
    priceTypes: [],
    notContactedDays: null,
    nextContactDue: false,
    receivablesOverdue: false,
    vipOnly: false,
  };
}

/** True when the filter lets every client through (the search box counts). */
export function isFilterEmpty(filter: ClientFilter): boolean {
  return sameFilter(filter, emptyFilter());
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((item) => set.has(item));
}

/** Equal in effect: list order does not matter, nor whitespace around the query. */
export function sameFilter(a: ClientFilter, b: ClientFilter): boolean {
  return (
    a.query.trim() === b.query.trim() &&
    sameSet(a.statuses, b.statuses) &&
    sameSet(a.tags, b.tags) &&
    sameSet(a.priceTypes, b.priceTypes) &&
    a.notContactedDays === b.notContactedDays &&
    a.nextContactDue === b.nextContactDue &&
    a.receivablesOverdue === b.receivablesOverdue &&
    a.vipOnly === b.vipOnly
  );
}

export function sameSort(a: ClientSort, b: ClientSort): boolean {
  return a.key === b.key && a.dir === b.dir;
}

export function isClientStatus(value: unknown): value is ClientStatus {
  return typeof value === 'string' && (CLIENT_STATUSES as readonly string[]).includes(value);
}

export function isSortKey(value: unknown): value is ClientSortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

/** The overdue debt as of `today`: the overdue amount, or the whole amount once its due date has
 *  passed; null when nothing is overdue. */
export function effectiveOverdue(row: ClientListRow, today: string): number | null {
  if (row.overdueAmount !== null && row.overdueAmount > 0) return row.overdueAmount;
  if (row.receivablesAmount !== null && row.receivablesAmount > 0 && row.receivablesDueDate !== null && row.receivablesDueDate < today) {
    return row.receivablesAmount;
  }
  return null;
}
