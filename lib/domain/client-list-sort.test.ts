import { describe, expect, it } from 'vitest';
import { sortClients, toListRow, type ClientListRow, type ClientSort } from './client-list';
import { testClient } from './client-list-fixtures';
import type { Client } from './types';

function row(overrides: Partial<Client>): ClientListRow {
  return toListRow(testClient(overrides), []);
}

const names = (rows: readonly ClientListRow[]) => rows.map((r) => r.name);
const ids = (rows: readonly ClientListRow[]) => rows.map((r) => r.id);
const by = (key: ClientSort['key'], dir: ClientSort['dir']): ClientSort => ({ key, dir });

describe('sortClients by name', () => {
  const rows = [
    row({ id: '1', name: 'Яблоко' }),
    row({ id: '2', name: 'acme' }),
    row({ id: '3', name: 'Ёлка' }),
    row({ id: '4', name: 'Бета' }),
    row({ id: '5', name: 'Склад 10' }),
    row({ id: '6', name: '' }),
    row({ id: '7', name: 'Склад 2' }),
    row({ id: '8', name: 'Zeta' }),
    row({ id: '9', name: 'еда' }),
  ];

  it('orders Russian by the Russian alphabet (ё beside е), Latin after Cyrillic, numbers by value, unnamed last', () => {
    expect(names(sortClients(rows, by('name', 'asc')))).toEqual(['Бета', 'еда', 'Ёлка', 'Склад 2', 'Склад 10', 'Яблоко', 'acme', 'Zeta', '']);
  });

  it('reverses for descending but keeps unnamed last', () => {
    expect(names(sortClients(rows, by('name', 'desc')))).toEqual(['Zeta', 'acme', 'Яблоко', 'Склад 10', 'Склад 2', 'Ёлка', 'еда', 'Бета', '']);
  });

  it('ignores case and breaks ties by id, so the order is stable', () => {
    const twins = [row({ id: 'b', name: 'ромашка' }), row({ id: 'a', name: 'Ромашка' })];
    expect(ids(sortClients(twins, by('name', 'asc')))).toEqual(['a', 'b']);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = rows.slice();
    const sorted = sortClients(input, by('name', 'asc'));
    expect(sorted).not.toBe(input);
    expect(input).toEqual(rows);
    sorted.pop();
    expect(sortClients(input, by('name', 'asc'))).toHaveLength(rows.length);
  });
});

describe('sortClients by a value', () => {
  const rows = [
    row({ id: 'none-b', name: 'Бета' }),
    row({ id: 'old', name: 'Гамма', lastContactAt: '2026-01-05T10:00:00.000Z', nextContactAt: '2026-12-10', status: 'lost' }),
    row({ id: 'none-a', name: 'Альфа' }),
    row({ id: 'new', name: 'Дельта', lastContactAt: '2026-11-20T10:00:00.000Z', nextContactAt: '2026-11-01', status: 'vip' }),
    row({ id: 'mid', name: 'Вега', lastContactAt: '2026-06-01T10:00:00.000Z', nextContactAt: '2026-11-15', status: 'prospect' }),
  ];

  it('puts clients without a date last in both directions, the rest by date, ties by name', () => {
    expect(ids(sortClients(rows, by('lastContactAt', 'asc')))).toEqual(['old', 'mid', 'new', 'none-a', 'none-b']);
    expect(ids(sortClients(rows, by('lastContactAt', 'desc')))).toEqual(['new', 'mid', 'old', 'none-a', 'none-b']);
    expect(ids(sortClients(rows, by('nextContactAt', 'asc')))).toEqual(['new', 'mid', 'old', 'none-a', 'none-b']);
    expect(ids(sortClients(rows, by('nextContactAt', 'desc')))).toEqual(['old', 'mid', 'new', 'none-a', 'none-b']);
  });

  it('orders statuses along the pipeline, not alphabetically', () => {
    // prospect, active, vip, inactive, lost; the two active ones (the default) by name.
    expect(ids(sortClients(rows, by('status', 'asc')))).toEqual(['mid', 'none-a', 'none-b', 'new', 'old']);
    expect(ids(sortClients(rows, by('status', 'desc')))).toEqual(['old', 'new', 'none-a', 'none-b', 'mid']);
  });

  it('sorts by overdue debt, counting a past-due amount when today is given, no debt last', () => {
    const debts = [
      row({ id: 'none', name: 'А', receivables: { amount: null, overdueAmount: null, dueDate: null } }),
      row({ id: 'small', name: 'Б', receivables: { amount: null, overdueAmount: 100, dueDate: null } }),
      row({ id: 'past-due', name: 'В', receivables: { amount: 700, overdueAmount: null, dueDate: '2026-11-01' } }),
      row({ id: 'big', name: 'Г', receivables: { amount: null, overdueAmount: 5000, dueDate: null } }),
      row({ id: 'zero', name: 'Д', receivables: { amount: 0, overdueAmount: 0, dueDate: null } }),
    ];
    expect(ids(sortClients(debts, by('overdue', 'desc'), '2026-11-27'))).toEqual(['big', 'past-due', 'small', 'none', 'zero']);
    expect(ids(sortClients(debts, by('overdue', 'asc'), '2026-11-27'))).toEqual(['small', 'past-due', 'big', 'none', 'zero']);
    // Without today only the recorded overdue amount counts.
    expect(ids(sortClients(debts, by('overdue', 'desc')))).toEqual(['big', 'small', 'none', 'past-due', 'zero']);
  });

  it('sorts by last update', () => {
    const edited = [
      row({ id: 'a', name: 'А', updatedAt: '2026-03-01T00:00:00Z' }),
      row({ id: 'b', name: 'Б', updatedAt: '2026-05-01T00:00:00Z' }),
      row({ id: 'c', name: 'В', updatedAt: '2026-04-01T00:00:00Z' }),
    ];
    expect(ids(sortClients(edited, by('updatedAt', 'desc')))).toEqual(['b', 'c', 'a']);
  });
});
