import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  countByStatus,
  distinctPriceTypes,
  distinctTags,
  emptyFilter,
  filterClients,
  filterClientsWithFacets,
  isFilterEmpty,
  matchesQuery,
  matchRows,
  toListRow,
  type ClientFilter,
  type ClientListRow,
} from './client-list';
import { phone, testClient, testContact } from './client-list-fixtures';
import type { Client } from './types';

const TODAY = '2026-11-27';

function row(overrides: Partial<Client> = {}): ClientListRow {
  return toListRow(testClient(overrides), []);
}

const ids = (rows: readonly ClientListRow[]) => rows.map((r) => r.id);
const filter = (overrides: Partial<ClientFilter>): ClientFilter => ({ ...emptyFilter(), ...overrides });

describe('toListRow', () => {
  const client = testClient({
    id: 'romashka', name: 'Ромашка', legalName: 'ООО «Ромашка»', taxId: '7701 234567', tags: ['опт'], priceType: 'Опт-1',
    emails: ['info@romashka.ru'], phones: [phone('+7 495 111-22-33', '+74951112233')], domains: ['romashka.ru'],
    lastContactAt: '2026-11-20T10:00:00.000Z', nextContactAt: '2026-12-01',
    receivables: { amount: 5000, overdueAmount: 1200, dueDate: '2026-11-01' },
  });
  const contacts = [
    testContact({ id: 'gone', name: 'Удалённый Контакт', emails: ['gone@romashka.ru'], deletedAt: '2026-02-01T00:00:00Z' }),
    testContact({ id: 'p1', name: 'Пётр Иванов', emails: ['Petr@Romashka.ru'], phones: [phone('8 (916) 123-45-67', '+79161234567')] }),
    testContact({ id: 'p2', name: 'Anna Smirnova', emails: ['anna@romashka.ru'] }),
  ];

  it('projects the fields the table shows, taking the first live contact as the primary one', () => {
    const projected = toListRow(client, contacts, 'Europe/Moscow');
    expect(projected).toMatchObject({
      id: 'romashka', name: 'Ромашка', legalName: 'ООО «Ромашка»', taxId: '7701 234567', status: 'active', tags: ['опт'],
      priceType: 'Опт-1', primaryContactName: 'Пётр Иванов', primaryEmail: 'Petr@Romashka.ru', primaryPhone: '8 (916) 123-45-67',
      contactCount: 2, lastContactAt: '2026-11-20T10:00:00.000Z', lastContactDay: '2026-11-20', nextContactAt: '2026-12-01',
      receivablesAmount: 5000, overdueAmount: 1200, receivablesDueDate: '2026-11-01', vip: false,
    });
  });

  it('builds a lower-cased haystack of names, tax id, e-mails and phone digits, one per line, without deleted contacts', () => {
    const { haystack } = toListRow(client, contacts);
    expect(haystack.split('\n')).toEqual([
      'ромашка', 'ооо «ромашка»', '7701 234567', '7701234567', 'romashka.ru', 'info@romashka.ru',
      'петр иванов', 'petr@romashka.ru', 'anna smirnova', 'anna@romashka.ru',
      // The company phone once (entered and E.164 digits agree), the contact's both ways.
      '74951112233', '79161234567', '89161234567',
    ]);
    expect(haystack).not.toContain('gone@');
  });

  it('falls back to the company e-mail and phone when there is no contact', () => {
    expect(toListRow(client, [])).toMatchObject({ primaryContactName: '', primaryEmail: 'info@romashka.ru', primaryPhone: '+7 495 111-22-33', contactCount: 0 });
  });

  it('reads the last contact day in the given time zone', () => {
    const late = testClient({ lastContactAt: '2026-11-20T22:30:00.000Z' });
    expect(toListRow(late, [], 'Europe/Moscow').lastContactDay).toBe('2026-11-21');
    expect(toListRow(late, [], 'America/New_York').lastContactDay).toBe('2026-11-20');
  });

  it('marks a client VIP by status or by a "VIP" tag', () => {
    expect(row({ status: 'vip' }).vip).toBe(true);
    expect(row({ tags: [' vip '] }).vip).toBe(true);
    expect(row({ tags: ['vipper'] }).vip).toBe(false);
  });
});

describe('matchesQuery', () => {
  const romashka = toListRow(
    testClient({ name: 'Ромашка', legalName: 'ООО «Ромашка»', taxId: '7701234567', emails: ['info@romashka.ru'] }),
    [testContact({ name: 'Семён Ёлкин', emails: ['s.elkin@romashka.ru'], phones: [phone('+7 916 123-45-67', '+79161234567')] })],
  );

  it('needs every word, in any order and any case', () => {
    expect(matchesQuery(romashka, 'ромашка')).toBe(true);
    expect(matchesQuery(romashka, '  РОМАШКА   семён ')).toBe(true);
    expect(matchesQuery(romashka, 'семён ромашка')).toBe(true);
    expect(matchesQuery(romashka, 'ромашка петров')).toBe(false);
  });

  it('treats ё and е alike', () => {
    expect(matchesQuery(romashka, 'семен елкин')).toBe(true);
    expect(matchesQuery(romashka, 'Ёлкин')).toBe(true);
  });

  it('does not match a word across two fields', () => {
    // "ромашка" + "ооо" are adjacent fields in the haystack; the newline keeps them apart.
    expect(matchesQuery(romashka, 'ромашкаооо')).toBe(false);
  });

  it('finds e-mails, whole or in part', () => {
    expect(matchesQuery(romashka, 'S.Elkin@Romashka.ru')).toBe(true);
    expect(matchesQuery(romashka, 'info@')).toBe(true);
    expect(matchesQuery(romashka, 'sales@romashka.ru')).toBe(false);
  });

  it('finds the tax id', () => {
    expect(matchesQuery(romashka, '7701234567')).toBe(true);
    expect(matchesQuery(romashka, '7701 234')).toBe(true);
  });

  it('reads a query of 5+ digits as a phone: 8, 7 and +7 prefixes and any punctuation are alike', () => {
    for (const query of ['8 916 123', '+7 916 123', '7916123', '916-123-45', '8 (916) 123-45-67', '+7(916)1234567', '9161234567']) {
      expect(matchesQuery(romashka, query), query).toBe(true);
    }
    expect(matchesQuery(romashka, '8 916 124')).toBe(false);
    // After "+", an 8 is a country code, not the Russian trunk prefix.
    expect(matchesQuery(romashka, '+8 916 123')).toBe(false);
  });

  it('combines a phone word with text words', () => {
    expect(matchesQuery(romashka, 'ромашка 916-123')).toBe(true);
    expect(matchesQuery(romashka, 'лютик 916-123')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matchesQuery(romashka, '   ')).toBe(true);
  });
});

describe('matchRows (the whole-list search)', () => {
  const names = ['Ромашка', 'Лютик', 'Ромашка Север', 'Acme', 'Северсталь', 'Лютик-2', 'Нордфрост', 'Ромашка Юг'];
  const rows = Array.from({ length: 40 }, (_, i) =>
    toListRow(testClient({ id: `c${i}`, name: names[i % names.length], phones: [phone(`8 916 000-00-${String(i).padStart(2, '0')}`, `+791600000${String(i).padStart(2, '0')}`)] }), []),
  );

  it('agrees with matchesQuery row by row, through both the joined scan and the few-candidates check', () => {
    const queries = ['ромашка', 'ромашка север', 'север ромашка', 'северсталь', 'лютик -2', 'acme 27', 'нордфрост 8 916', '8 916 000 00 39', 'ка юг', 'ашка', '9160000039 ромашка', '9160000039 лютик', 'zzz', 'т', 'ромашкалютик'];
    for (const query of queries) {
      const expected = rows.map((r) => (matchesQuery(r, query) ? 1 : 0));
      expect(Array.from(matchRows(rows, compileQuery(query))), query).toEqual(expected);
      expect(expected.some(Boolean) || ['zzz', 'ромашкалютик', '9160000039 лютик'].includes(query), query).toBe(true);
    }
  });

  it('never matches a word across two rows', () => {
    const pair = [row({ id: 'a', name: 'abc' }), row({ id: 'b', name: 'def' })];
    expect(Array.from(matchRows(pair, compileQuery('cd')))).toEqual([0, 0]);
    expect(Array.from(matchRows(pair, compileQuery('c\u0001d')))).toEqual([0, 0]);
  });
});

describe('filterClients', () => {
  it('keeps every row, in order, for the empty filter', () => {
    const rows = [row({ id: 'b' }), row({ id: 'a' })];
    expect(isFilterEmpty(emptyFilter())).toBe(true);
    expect(ids(filterClients(rows, emptyFilter(), TODAY))).toEqual(['b', 'a']);
  });

  it('filters by any of the chosen statuses', () => {
    const rows = [row({ id: 'a', status: 'active' }), row({ id: 'p', status: 'prospect' }), row({ id: 'l', status: 'lost' })];
    expect(ids(filterClients(rows, filter({ statuses: ['prospect', 'lost'] }), TODAY))).toEqual(['p', 'l']);
  });

  it('filters by any of the chosen tags and price types', () => {
    const rows = [
      row({ id: 'a', tags: ['опт', 'север'], priceType: 'Опт-1' }),
      row({ id: 'b', tags: ['розница'], priceType: 'Розница' }),
      row({ id: 'c', tags: [], priceType: 'Опт-1' }),
    ];
    expect(ids(filterClients(rows, filter({ tags: ['север', 'розница'] }), TODAY))).toEqual(['a', 'b']);
    expect(ids(filterClients(rows, filter({ priceTypes: ['Опт-1'] }), TODAY))).toEqual(['a', 'c']);
    expect(ids(filterClients(rows, filter({ tags: ['опт'], priceTypes: ['Розница'] }), TODAY))).toEqual([]);
  });

  it('"not contacted for 30+ days" counts whole local days, and never contacted', () => {
    const rows = [
      row({ id: 'never', lastContactAt: null }),
      row({ id: '30-days', lastContactAt: '2026-10-28T09:00:00' }),
      row({ id: '29-days', lastContactAt: '2026-10-29T09:00:00' }),
      row({ id: 'today', lastContactAt: '2026-11-27T09:00:00' }),
    ];
    expect(ids(filterClients(rows, filter({ notContactedDays: 30 }), TODAY))).toEqual(['never', '30-days']);
    expect(ids(filterClients(rows, filter({ notContactedDays: 1 }), TODAY))).toEqual(['never', '30-days', '29-days']);
  });

  it('"next contact due" means a next contact date today or earlier', () => {
    const rows = [
      row({ id: 'none', nextContactAt: null }),
      row({ id: 'past', nextContactAt: '2026-11-01' }),
      row({ id: 'today', nextContactAt: TODAY }),
      row({ id: 'tomorrow', nextContactAt: '2026-11-28' }),
    ];
    expect(ids(filterClients(rows, filter({ nextContactDue: true }), TODAY))).toEqual(['past', 'today']);
  });

  it('"receivables overdue" means an overdue amount, or an amount past its due date', () => {
    const receivables = (amount: number | null, overdueAmount: number | null, dueDate: string | null) => ({ amount, overdueAmount, dueDate });
    const rows = [
      row({ id: 'overdue', receivables: receivables(null, 100, null) }),
      row({ id: 'past-due', receivables: receivables(500, null, '2026-11-26') }),
      row({ id: 'due-today', receivables: receivables(500, null, TODAY) }),
      row({ id: 'paid', receivables: receivables(0, 0, '2026-01-01') }),
      row({ id: 'no-date', receivables: receivables(500, null, null) }),
      row({ id: 'none', receivables: receivables(null, null, null) }),
    ];
    expect(ids(filterClients(rows, filter({ receivablesOverdue: true }), TODAY))).toEqual(['overdue', 'past-due']);
  });

  it('"VIP only" keeps VIP status and VIP-tagged clients', () => {
    const rows = [row({ id: 'status', status: 'vip' }), row({ id: 'tag', tags: ['VIP'] }), row({ id: 'plain' })];
    expect(ids(filterClients(rows, filter({ vipOnly: true }), TODAY))).toEqual(['status', 'tag']);
  });

  it('combines the query with the other conditions', () => {
    const rows = [
      row({ id: 'a', name: 'Ромашка Север', status: 'active' }),
      row({ id: 'b', name: 'Ромашка Юг', status: 'prospect' }),
      row({ id: 'c', name: 'Лютик', status: 'active' }),
    ];
    expect(ids(filterClients(rows, filter({ query: 'ромашка', statuses: ['active'] }), TODAY))).toEqual(['a']);
  });

  it('counts statuses among rows that pass every other condition', () => {
    const rows = [
      row({ id: 'a', name: 'Ромашка', status: 'active' }),
      row({ id: 'b', name: 'Ромашка-2', status: 'prospect' }),
      row({ id: 'c', name: 'Лютик', status: 'active' }),
    ];
    const result = filterClientsWithFacets(rows, filter({ query: 'ромашка', statuses: ['prospect'] }), TODAY);
    expect(ids(result.rows)).toEqual(['b']);
    expect(result.statusCounts).toEqual({ prospect: 1, active: 1, vip: 0, inactive: 0, lost: 0 });
  });

  it('scans 100,000 rows and finds the right ones', () => {
    // Spread from fixed bases: the builders' generic override spread is slow at this count.
    const base = testClient();
    const baseContact = testContact();
    const rows: ClientListRow[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const name = i % 10 === 0 ? `Ромашка ${i}` : `Компания ${i}`;
      const digits = String(i).padStart(7, '0');
      const person = { ...baseContact, name: `Контакт ${i}`, phones: [phone(`8 900 ${digits}`, `+7900${digits}`)], phoneE164s: [`+7900${digits}`] };
      rows.push(toListRow({ ...base, id: `c${i}`, name, status: i % 2 === 0 ? 'active' : 'prospect' }, [person]));
    }
    expect(filterClients(rows, filter({ query: 'ромашка' }), TODAY)).toHaveLength(10_000);
    expect(filterClients(rows, filter({ query: 'РОМАШКА' }), TODAY)).toHaveLength(10_000);
    // Multiples of 10 whose number contains "12": 299 of them (all even, so all active).
    expect(filterClients(rows, filter({ query: 'ромашка 12', statuses: ['active'] }), TODAY)).toHaveLength(299);
    expect(filterClients(rows, filter({ query: 'ромашка 12', statuses: ['prospect'] }), TODAY)).toHaveLength(0);
    expect(ids(filterClients(rows, filter({ query: '8 900 004 2424' }), TODAY))).toEqual(['c42424']);
    // The fast whole-list search agrees with the row-by-row one.
    const slow = rows.filter((r) => matchesQuery(r, 'контакт 99'));
    expect(filterClients(rows, filter({ query: 'контакт 99' }), TODAY)).toEqual(slow);
  }, 60_000);
});

describe('facets', () => {
  const rows = [
    row({ tags: ['север', 'Опт'], priceType: 'Розница', status: 'active' }),
    row({ tags: ['опт2', 'alpha', 'север'], priceType: '', status: 'vip' }),
    row({ tags: [], priceType: 'Опт-1', status: 'active' }),
  ];

  it('lists tags and price types once, in alphabetical order, without empties', () => {
    expect(distinctTags(rows)).toEqual(['Опт', 'опт2', 'север', 'alpha']);
    expect(distinctPriceTypes(rows)).toEqual(['Опт-1', 'Розница']);
  });

  it('counts rows per status', () => {
    expect(countByStatus(rows)).toEqual({ prospect: 0, active: 2, vip: 1, inactive: 0, lost: 0 });
  });
});
