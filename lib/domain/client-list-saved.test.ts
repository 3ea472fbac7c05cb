import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  addSavedFilter,
  emptyFilter,
  parseClientFilter,
  parseSavedFilters,
  removeSavedFilter,
  renameSavedFilter,
  sameFilter,
  type ClientFilter,
  type SavedFilter,
} from './client-list';

const debtors: ClientFilter = { ...emptyFilter(), receivablesOverdue: true, statuses: ['active', 'vip'] };
const quiet: ClientFilter = { ...emptyFilter(), notContactedDays: 30 };

function saved(id: string, name: string, filter: ClientFilter = emptyFilter()): SavedFilter {
  return { id, name, filter, sort: DEFAULT_SORT };
}

describe('saved filter list helpers', () => {
  it('adds at the end with a cleaned name, without changing the input', () => {
    const list = [saved('1', 'Debtors', debtors)];
    const next = addSavedFilter(list, saved('2', '  Not   contacted ', quiet));
    expect(next.map((s) => [s.id, s.name])).toEqual([['1', 'Debtors'], ['2', 'Not contacted']]);
    expect(list).toHaveLength(1);
  });

  it('saving under an existing name (any case) replaces its filter and sort in place, keeping the id', () => {
    const list = [saved('1', 'Debtors', debtors), saved('2', 'Quiet', quiet)];
    const next = addSavedFilter(list, { id: 'new', name: 'debtors', filter: quiet, sort: { key: 'overdue', dir: 'desc' } });
    expect(next).toEqual([{ id: '1', name: 'debtors', filter: quiet, sort: { key: 'overdue', dir: 'desc' } }, list[1]]);
  });

  it('ignores an empty name', () => {
    expect(addSavedFilter([], saved('1', '   '))).toEqual([]);
    expect(renameSavedFilter([saved('1', 'A')], '1', ' ')).toEqual([saved('1', 'A')]);
  });

  it('renames one entry, unless another already has that name', () => {
    const list = [saved('1', 'A'), saved('2', 'B')];
    expect(renameSavedFilter(list, '1', 'C').map((s) => s.name)).toEqual(['C', 'B']);
    expect(renameSavedFilter(list, '1', 'b').map((s) => s.name)).toEqual(['A', 'B']);
    expect(renameSavedFilter(list, '2', 'b').map((s) => s.name)).toEqual(['A', 'b']);
  });

  it('removes by id', () => {
    expect(removeSavedFilter([saved('1', 'A'), saved('2', 'B')], '1').map((s) => s.id)).toEqual(['2']);
  });
});

describe('parseSavedFilters', () => {
  const good = { id: 'f1', name: 'Debtors', filter: debtors, sort: { key: 'overdue', dir: 'desc' } };

  it('round-trips what was saved, as a value or as a JSON string', () => {
    const list = [good, { ...good, id: 'f2', name: 'Quiet', filter: quiet }];
    expect(parseSavedFilters(list)).toEqual(list);
    expect(parseSavedFilters(JSON.stringify(list))).toEqual(list);
  });

  it('gives [] for anything that is not a list', () => {
    for (const value of [null, undefined, 42, 'not json', '{"a":1}', { 0: good }]) expect(parseSavedFilters(value)).toEqual([]);
  });

  it('drops malformed entries and keeps the rest', () => {
    const list = [
      null,
      'text',
      { ...good, id: '' },
      { ...good, id: 7 },
      { ...good, name: '   ' },
      { ...good, id: 'f3', filter: 'x' },
      { ...good, id: 'f4', filter: { ...debtors, statuses: 'active' } },
      { ...good, id: 'f5', filter: { ...debtors, tags: [1] } },
      { ...good, id: 'f6', filter: { ...debtors, notContactedDays: -3 } },
      { ...good, id: 'f7', filter: { ...debtors, notContactedDays: 2.5 } },
      { ...good, id: 'f8', filter: { ...debtors, vipOnly: 'yes' } },
      { ...good, id: 'f9', sort: { key: 'color', dir: 'asc' } },
      { ...good, id: 'f10', sort: { key: 'name', dir: 'up' } },
      good,
    ];
    expect(parseSavedFilters(list)).toEqual([good]);
  });

  it('drops a repeated id or name, keeping the first', () => {
    const list = [good, { ...good, name: 'Other' }, { ...good, id: 'f2', name: 'DEBTORS' }];
    expect(parseSavedFilters(list)).toEqual([good]);
  });

  it('fills fields an older version did not save, and drops unknown statuses', () => {
    const old = { id: 'f1', name: 'Old', filter: { query: 'ромашка', statuses: ['active', 'archived'] } };
    expect(parseSavedFilters([old])).toEqual([
      { id: 'f1', name: 'Old', filter: { ...emptyFilter(), query: 'ромашка', statuses: ['active'] }, sort: DEFAULT_SORT },
    ]);
  });
});

describe('parseClientFilter and sameFilter', () => {
  it('reads an empty object as the empty filter', () => {
    expect(parseClientFilter({})).toEqual(emptyFilter());
    expect(parseClientFilter([])).toBeNull();
  });

  it('compares filters by effect: list order and query whitespace do not matter', () => {
    expect(sameFilter(debtors, { ...debtors, statuses: ['vip', 'active'] })).toBe(true);
    expect(sameFilter({ ...debtors, query: ' ромашка ' }, { ...debtors, query: 'ромашка' })).toBe(true);
    expect(sameFilter(debtors, { ...debtors, statuses: ['vip'] })).toBe(false);
    expect(sameFilter(debtors, { ...debtors, vipOnly: true })).toBe(false);
  });
});
