// Sorting the client list. Runs once per sort change (the list is then filtered in sorted order),
// but still over 100,000 rows, and Intl.Collator is the slow part (~150 ms for 100,000 names). So
// the name order is computed once per rows array and cached; every other key is a number sorted
// over that order, which makes ties fall back to the name without calling the collator again.
import { effectiveOverdue, type ClientListRow, type ClientSort, type ClientSortKey } from './client-list-model';
import { CLIENT_STATUSES, type ClientStatus } from './types';

/** Russian and English names in one alphabet order; "Склад 2" before "Склад 10"; case ignored. */
export const NAME_COLLATOR = new Intl.Collator(['ru', 'en'], { sensitivity: 'base', numeric: true });

// The pipeline order, not the alphabet of the labels.
const STATUS_RANK = Object.fromEntries(CLIENT_STATUSES.map((status, rank) => [status, rank])) as Record<ClientStatus, number>;

const nameOrders = new WeakMap<readonly ClientListRow[], readonly ClientListRow[]>();

function compareNames(a: ClientListRow, b: ClientListRow): number {
  const aEmpty = a.name.trim() === '';
  const bEmpty = b.name.trim() === '';
  if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
  return NAME_COLLATOR.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rows by name A→Я (unnamed last, equal names by id), cached per rows array. */
function byName(rows: readonly ClientListRow[]): readonly ClientListRow[] {
  let ordered = nameOrders.get(rows);
  if (!ordered) {
    ordered = rows.slice().sort(compareNames);
    nameOrders.set(rows, ordered);
  }
  return ordered;
}

/** Milliseconds of a stored date or timestamp; NaN for none, which sorts last. */
function timeOf(value: string | null): number {
  return value ? Date.parse(value) : NaN;
}

function sortKey(row: ClientListRow, key: Exclude<ClientSortKey, 'name'>, today: string | undefined): number {
  switch (key) {
    case 'status':
      return STATUS_RANK[row.status];
    case 'lastContactAt':
      return timeOf(row.lastContactAt);
    case 'nextContactAt':
      return timeOf(row.nextContactAt);
    case 'updatedAt':
      return timeOf(row.updatedAt);
    case 'overdue': {
      const debt = today === undefined ? row.overdueAmount : effectiveOverdue(row, today);
      return debt !== null && debt > 0 ? debt : NaN;
    }
  }
}

/**
 * A sorted copy of `rows`. Empty values (no date, no debt, no name) go last in both directions;
 * ties keep name order. With `today`, "overdue" also counts an amount whose due date has passed,
 * as the filter and the table do.
 */
export function sortClients(rows: readonly ClientListRow[], sort: ClientSort, today?: string): ClientListRow[] {
  const ordered = byName(rows);
  const { key, dir } = sort;
  if (key === 'name') {
    if (dir === 'asc') return ordered.slice();
    const named = ordered.filter((row) => row.name.trim() !== '');
    return [...named.reverse(), ...ordered.slice(named.length)];
  }

  const keys = new Float64Array(ordered.length);
  const indices = new Uint32Array(ordered.length);
  for (let i = 0; i < ordered.length; i += 1) {
    keys[i] = sortKey(ordered[i]!, key, today);
    indices[i] = i;
  }
  const sign = dir === 'asc' ? 1 : -1;
  indices.sort((i, j) => {
    const a = keys[i]!;
    const b = keys[j]!;
    const aMissing = Number.isNaN(a);
    const bMissing = Number.isNaN(b);
    if (aMissing || bMissing) return aMissing === bMissing ? i - j : aMissing ? 1 : -1;
    return a === b ? i - j : (a < b ? -sign : sign);
  });
  return Array.from(indices, (index) => ordered[index]!);
}
