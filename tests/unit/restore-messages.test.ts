import { describe, expect, it } from 'vitest';
import { refusedMessage, restoredMessage } from '@/components/options/backup/restore-messages';
import type { RestoreCounts, RestoreTable } from '@/lib/messaging/views';

// The three outcomes of a restore never share a sentence (issue 12.6).

const counts = (added: number, updated = 0, kept = 0): RestoreCounts => ({ added, updated, kept });
const byTable: Record<RestoreTable, RestoreCounts> = {
  clients: counts(1200),
  contacts: counts(1),
  activities: counts(0),
  templates: counts(3),
  settings: counts(2),
  contracts: counts(2),
  complaints: counts(1),
};
const total = counts(1209);

describe('restore messages', () => {
  it('restored: what the base now holds', () => {
    expect(restoredMessage({ outcome: 'restored', total, byTable }, 'replace')).toBe(
      "Restored: your base was replaced by 1,200 clients, 1 contact, 0 activities, 3 templates, 2 contracts, 1 complaint, and the backup's settings.",
    );
  });

  it('merged: what each table added and updated, and what was kept', () => {
    const merged = { ...byTable, clients: counts(2, 1, 5), contacts: counts(0, 0, 1), templates: counts(0, 0, 3), contracts: counts(0), complaints: counts(0), settings: counts(0, 0, 2) };
    expect(restoredMessage({ outcome: 'restored', total, byTable: merged }, 'merge')).toBe(
      'Restored: merged into your base: 2 clients added and 1 updated; 9 records kept as your base had them; your settings stay.',
    );
  });

  it('restored, but…: says the base is restored and what did not follow', () => {
    const message = restoredMessage({ outcome: 'restored-but', total, byTable, problems: ['the toolbar badge could not be recounted (gone)'] }, 'replace');
    expect(message).toMatch(/^Restored, but not everything followed: the toolbar badge could not be recounted \(gone\)\. Your base is the restored one/);
    expect(message).not.toMatch(/Nothing was changed/);
  });

  it('refused: nothing was changed', () => {
    expect(refusedMessage('backup.json')).toBe('Nothing was changed: backup.json cannot be restored.');
  });
});
