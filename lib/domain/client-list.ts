// The client list of the options page (issue 5): project clients to slim rows once, then filter,
// search and sort them in memory. Pure functions; the caller loads the clients and renders.
//
// Performance: 100,000 rows are scanned on every keystroke, so the work per row is a few field
// comparisons; the query is searched in all haystacks at once (client-list-query.ts), and
// everything that depends only on the filter (the cut-off days, the sets) is computed once per call.
import { calendarDay } from './day-key';
import { type ClientFilter, type ClientListRow } from './client-list-model';
import { addDaysToKey } from './work-calendar';
import { compileQuery, digitsOf, foldText, matchRows } from './client-list-query';
import { NAME_COLLATOR } from './client-list-sort';
import { CLIENT_STATUSES, type Client, type ClientStatus, type Contact, type PhoneNumber } from './types';

export * from './client-list-model';
export { compileQuery, haystackMatches, matchesQuery, matchRows, prepareSearch, type CompiledQuery } from './client-list-query';
export { NAME_COLLATOR, sortClients } from './client-list-sort';
export * from './client-list-saved';

function addPhones(parts: string[], phones: readonly PhoneNumber[]): void {
  for (const phone of phones) {
    const e164 = digitsOf(phone.e164);
    const raw = digitsOf(phone.raw);
    if (e164) parts.push(e164);
    // As entered ("8 916 …") too, so a partial "8916" finds it without the 8 → 7 rewrite.
    if (raw && raw !== e164) parts.push(raw);
  }
}

/**
 * The row of one client. `contacts` are the client's contacts in the order they were entered
 * (tombstoned ones are skipped); `timeZone` is the settings' zone for "last contact" days.
 */
export function toListRow(client: Client, contacts: readonly Contact[], timeZone = ''): ClientListRow {
  const live = contacts.filter((contact) => contact.deletedAt === null);
  const primary = live[0];

  const parts: string[] = [client.name, client.legalName, client.taxId];
  const taxDigits = digitsOf(client.taxId);
  if (taxDigits !== client.taxId) parts.push(taxDigits);
  parts.push(...client.domains, ...client.emails);
  for (const contact of live) parts.push(contact.name, ...contact.emails);
  addPhones(parts, client.phones);
  for (const contact of live) addPhones(parts, contact.phones);

  return {
    id: client.id,
    name: client.name,
    legalName: client.legalName,
    taxId: client.taxId,
    status: client.status,
    tags: client.tags,
    priceType: client.priceType,
    primaryContactName: primary?.name ?? '',
    primaryEmail: primary?.emails[0] ?? client.emails[0] ?? '',
    primaryPhone: primary?.phones[0]?.raw ?? client.phones[0]?.raw ?? '',
    contactCount: live.length,
    lastContactAt: client.lastContactAt,
    lastContactDay: calendarDay(client.lastContactAt, timeZone),
    nextContactAt: calendarDay(client.nextContactAt, timeZone),
    receivablesAmount: client.receivables.amount,
    overdueAmount: client.receivables.overdueAmount,
    receivablesDueDate: calendarDay(client.receivables.dueDate, timeZone),
    vip: client.status === 'vip' || client.tags.some((tag) => foldText(tag.trim()) === 'vip'),
    updatedAt: client.updatedAt,
    haystack: foldText(parts.filter(Boolean).join('\n')),
  };
}

export type StatusCounts = Record<ClientStatus, number>;

export function zeroStatusCounts(): StatusCounts {
  return Object.fromEntries(CLIENT_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

/** A row test built once per filter, for everything except the status and the query (see
 *  filterClientsWithFacets); null when none of those conditions is on. */
function compileConditions(filter: ClientFilter, today: string): ((row: ClientListRow) => boolean) | null {
  const tags = filter.tags.length > 0 ? new Set(filter.tags) : null;
  const priceTypes = filter.priceTypes.length > 0 ? new Set(filter.priceTypes) : null;
  // Last contact on this day or before = N or more days ago.
  const contactedBy = filter.notContactedDays === null ? null : addDaysToKey(today, -filter.notContactedDays);
  const { nextContactDue, receivablesOverdue, vipOnly } = filter;
  if (!tags && !priceTypes && contactedBy === null && !nextContactDue && !receivablesOverdue && !vipOnly) return null;

  return (row) => {
    if (vipOnly && !row.vip) return false;
    if (priceTypes !== null && !priceTypes.has(row.priceType)) return false;
    if (nextContactDue && (row.nextContactAt === null || row.nextContactAt > today)) return false;
    if (contactedBy !== null && row.lastContactDay !== null && row.lastContactDay > contactedBy) return false;
    if (receivablesOverdue) {
      const overdue = row.overdueAmount !== null && row.overdueAmount > 0;
      const pastDue = row.receivablesAmount !== null && row.receivablesAmount > 0 && row.receivablesDueDate !== null && row.receivablesDueDate < today;
      if (!overdue && !pastDue) return false;
    }
    if (tags !== null) {
      let tagged = false;
      for (let i = 0; i < row.tags.length && !tagged; i += 1) tagged = tags.has(row.tags[i]!);
      if (!tagged) return false;
    }
    return true;
  };
}

const statusCodeCache = new WeakMap<readonly ClientListRow[], Uint8Array>();

/** Each row's status as its index in CLIENT_STATUSES, cached per rows array: counting and
 *  filtering by status then never reads the row objects, which are scattered over the heap. */
function statusCodesOf(rows: readonly ClientListRow[]): Uint8Array {
  let codes = statusCodeCache.get(rows);
  if (!codes) {
    const codeOf = new Map<ClientStatus, number>(CLIENT_STATUSES.map((status, code) => [status, code]));
    codes = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i += 1) codes[i] = codeOf.get(rows[i]!.status) ?? 0;
    statusCodeCache.set(rows, codes);
  }
  return codes;
}

/**
 * Filters `rows` (keeping their order: filter an already sorted array) and counts, per status, the
 * rows that pass every other condition: the numbers beside the status checkboxes then say how many
 * rows ticking that status would show. `today` is the local day, YYYY-MM-DD.
 */
export function filterClientsWithFacets(
  rows: readonly ClientListRow[],
  filter: ClientFilter,
  today: string,
): { rows: ClientListRow[]; statusCounts: StatusCounts } {
  const passes = compileConditions(filter, today);
  const query = compileQuery(filter.query);
  const queryHits = query.terms.length > 0 ? matchRows(rows, query) : null;
  const statusCodes = statusCodesOf(rows);
  const allowed = new Uint8Array(CLIENT_STATUSES.length).fill(filter.statuses.length > 0 ? 0 : 1);
  for (const status of filter.statuses) allowed[CLIENT_STATUSES.indexOf(status)] = 1;

  const counts = new Int32Array(CLIENT_STATUSES.length);
  const result: ClientListRow[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    if (queryHits !== null && queryHits[i] === 0) continue;
    if (passes !== null && !passes(rows[i]!)) continue;
    const code = statusCodes[i]!;
    counts[code]! += 1;
    if (allowed[code] === 1) result.push(rows[i]!);
  }
  const statusCounts = zeroStatusCounts();
  CLIENT_STATUSES.forEach((status, code) => (statusCounts[status] = counts[code]!));
  return { rows: result, statusCounts };
}

export function filterClients(rows: readonly ClientListRow[], filter: ClientFilter, today: string): ClientListRow[] {
  return filterClientsWithFacets(rows, filter, today).rows;
}

export function countByStatus(rows: readonly ClientListRow[]): StatusCounts {
  const counts = zeroStatusCounts();
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

function distinctSorted(values: Iterable<string>): string[] {
  const unique = new Set<string>();
  for (const value of values) if (value.trim() !== '') unique.add(value);
  return [...unique].sort(NAME_COLLATOR.compare);
}

/** Every tag used by some client, in alphabetical order (Russian and English). */
export function distinctTags(rows: readonly ClientListRow[]): string[] {
  return distinctSorted(rows.flatMap((row) => row.tags));
}

/** Every non-empty price type used by some client, in alphabetical order. */
export function distinctPriceTypes(rows: readonly ClientListRow[]): string[] {
  return distinctSorted(rows.map((row) => row.priceType));
}
