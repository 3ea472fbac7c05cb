// Saved filters: a named filter and sort. The caller stores the list (settings table or
// localStorage); what comes back from storage may be from another version or hand-edited, so it
// is validated here, without zod, and malformed entries are dropped rather than failing the list.
import {
  DEFAULT_SORT,
  emptyFilter,
  isClientStatus,
  isSortKey,
  type ClientFilter,
  type ClientSort,
} from './client-list-model';
import type { ClientStatus } from './types';

export interface SavedFilter {
  id: string;
  name: string;
  filter: ClientFilter;
  sort: ClientSort;
}

export const SAVED_FILTER_NAME_MAX = 80;

/** The name as stored: trimmed, inner whitespace collapsed, at most SAVED_FILTER_NAME_MAX characters. */
export function cleanSavedFilterName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, SAVED_FILTER_NAME_MAX).trim();
}

/** The entry with this name, compared without case ("VIP debtors" = "vip debtors"). */
export function findSavedFilterByName(list: readonly SavedFilter[], name: string): SavedFilter | undefined {
  const wanted = cleanSavedFilterName(name).toLocaleLowerCase();
  return list.find((entry) => entry.name.toLocaleLowerCase() === wanted);
}

/**
 * Adds `entry` at the end; saving under an existing name replaces that entry's filter and sort in
 * place (keeping its id), which is what "save" under the same name means. An empty name changes
 * nothing.
 */
export function addSavedFilter(list: readonly SavedFilter[], entry: SavedFilter): SavedFilter[] {
  const name = cleanSavedFilterName(entry.name);
  if (name === '') return list.slice();
  const existing = findSavedFilterByName(list, name);
  if (existing) return list.map((item) => (item === existing ? { ...item, name, filter: entry.filter, sort: entry.sort } : item));
  return [...list, { ...entry, name }];
}

/** Renames one entry; an empty name or one another entry already has changes nothing. */
export function renameSavedFilter(list: readonly SavedFilter[], id: string, name: string): SavedFilter[] {
  const clean = cleanSavedFilterName(name);
  const holder = findSavedFilterByName(list, clean);
  if (clean === '' || (holder && holder.id !== id)) return list.slice();
  return list.map((item) => (item.id === id ? { ...item, name: clean } : item));
}

export function removeSavedFilter(list: readonly SavedFilter[], id: string): SavedFilter[] {
  return list.filter((item) => item.id !== id);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * A filter read back from storage, or null when a field has the wrong type. Missing fields take
 * their empty value, so filters saved before a field existed still load; statuses this version
 * does not know are dropped.
 */
export function parseClientFilter(value: unknown): ClientFilter | null {
  if (!isRecord(value)) return null;
  const filter = emptyFilter();
  const { query, statuses, tags, priceTypes, notContactedDays, nextContactDue, receivablesOverdue, vipOnly } = value;

  if (query !== undefined) {
    if (typeof query !== 'string') return null;
    filter.query = query;
  }
  for (const [field, list] of [['statuses', statuses], ['tags', tags], ['priceTypes', priceTypes]] as const) {
    if (list === undefined) continue;
    if (!isStringArray(list)) return null;
    const unique = [...new Set(list)];
    if (field === 'statuses') filter.statuses = unique.filter(isClientStatus) as ClientStatus[];
    else filter[field] = unique;
  }
  if (notContactedDays !== undefined && notContactedDays !== null) {
    if (typeof notContactedDays !== 'number' || !Number.isInteger(notContactedDays) || notContactedDays < 1) return null;
    filter.notContactedDays = notContactedDays;
  }
  for (const [field, flag] of [['nextContactDue', nextContactDue], ['receivablesOverdue', receivablesOverdue], ['vipOnly', vipOnly]] as const) {
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') return null;
    filter[field] = flag;
  }
  return filter;
}

/** A sort read back from storage, or null unless both its key and direction are known. */
export function parseClientSort(value: unknown): ClientSort | null {
  if (!isRecord(value)) return null;
  const { key, dir } = value;
  return isSortKey(key) && (dir === 'asc' || dir === 'desc') ? { key, dir } : null;
}

/**
 * The saved filters in `json`: the parsed value, or a JSON string (as from localStorage).
 * Anything that is not a list gives []; entries without an id or a name, with a malformed filter
 * or sort, or repeating an earlier id or name, are dropped. A missing sort is the default sort.
 */
export function parseSavedFilters(json: unknown): SavedFilter[] {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  if (!Array.isArray(value)) return [];

  const result: SavedFilter[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const { id, name } = entry;
    if (typeof id !== 'string' || id.trim() === '' || typeof name !== 'string') continue;
    const cleanName = cleanSavedFilterName(name);
    const filter = parseClientFilter(entry.filter);
    const sort = entry.sort === undefined ? { ...DEFAULT_SORT } : parseClientSort(entry.sort);
    if (cleanName === '' || !filter || !sort) continue;
    if (result.some((saved) => saved.id === id) || findSavedFilterByName(result, cleanName)) continue;
    result.push({ id, name: cleanName, filter, sort });
  }
  return result;
}
