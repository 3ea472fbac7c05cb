import type { RestoreCounts, RestoreSummary, RestoreTable } from '@/lib/messaging/views';

// What the restore tells the user, in one place (the i18n issue moves these to the catalogs).
// Three outcomes never share a sentence: restored; restored, but something after it failed;
// nothing was changed.

export type RestoreMode = 'replace' | 'merge';

const TABLE_WORDS: [RestoreTable, string, string][] = [
  ['clients', 'client', 'clients'],
  ['contacts', 'contact', 'contacts'],
  ['activities', 'activity', 'activities'],
  ['templates', 'template', 'templates'],
  ['contracts', 'contract', 'contracts'],
  ['complaints', 'complaint', 'complaints'],
];

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const CLOSING_CANCELS = 'Closing this page cancels the restore; nothing will have changed.';
export const CANCELLED = 'Cancelled: nothing was changed.';
export const CONFIRM_REPLACE = 'Replace your whole base (clients, contacts, activities, templates, contracts, complaints and settings) with this backup?';

/** "Restored (your base was replaced): 3 clients, 4 contacts, …" or, merged, what each table added and updated. */
export function restoredMessage(summary: RestoreSummary, mode: RestoreMode): string {
  const line = mode === 'replace' ? replacedLine(summary.byTable) : mergedLine(summary.byTable);
  return summary.outcome === 'restored' ? `Restored: ${line}.` : `Restored, but not everything followed: ${summary.problems.join('; ')}. Your base is the restored one (${line}); reload this page and your mail tabs to see it everywhere.`;
}

function replacedLine(byTable: Record<RestoreTable, RestoreCounts>): string {
  return `your base was replaced by ${TABLE_WORDS.map(([table, one, many]) => count(byTable[table].added, one, many)).join(', ')}, and the backup's settings`;
}

function mergedLine(byTable: Record<RestoreTable, RestoreCounts>): string {
  const changed = TABLE_WORDS.filter(([table]) => byTable[table].added + byTable[table].updated > 0).map(
    ([table, one, many]) => `${count(byTable[table].added, one, many)} added and ${byTable[table].updated.toLocaleString('en')} updated`,
  );
  const kept = TABLE_WORDS.reduce((n, [table]) => n + byTable[table].kept, 0);
  return `merged into your base: ${changed.length ? changed.join('; ') : 'nothing was newer than your base'}; ${kept.toLocaleString('en')} records kept as your base had them; your settings stay`;
}

/** The page's own check of a file that does not check: nothing was sent, nothing changed. */
export function refusedMessage(file: string): string {
  return `Nothing was changed: ${file} cannot be restored.`;
}
