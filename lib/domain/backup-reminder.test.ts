import { describe, expect, it } from 'vitest';
import { backupIsDue } from './backup-reminder';

describe('backupIsDue', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('reminds when there was never a backup, or the date cannot be read', () => {
    expect(backupIsDue(null, now)).toBe(true);
    expect(backupIsDue('yesterday', now)).toBe(true);
  });
  it('stays quiet for 7 days, then reminds', () => {
    expect(backupIsDue('2026-11-20T12:00:00Z', now)).toBe(false);
    expect(backupIsDue('2026-11-20T11:59:00Z', now)).toBe(true);
    expect(backupIsDue('2026-11-26T09:00:00Z', now)).toBe(false);
  });
});
