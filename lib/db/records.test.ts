import { describe, expect, it } from 'vitest';
import { isLaterInstant } from '@/lib/domain/instants';
import { laterThan } from './records';

describe('timestamps compared as instants (issue 12.8)', () => {
  it('an offset that sorts first as text can be the later instant', () => {
    // 12:30 UTC, written in Brazil's offset: as text it sorts before 10:00Z.
    expect(isLaterInstant('2026-06-01T09:30:00.000-03:00', '2026-06-01T10:00:00.000Z')).toBe(true);
    // 09:00 UTC, written in Moscow's offset: as text it sorts after 10:00Z.
    expect(isLaterInstant('2026-06-01T12:00:00.000+03:00', '2026-06-01T10:00:00.000Z')).toBe(false);
    expect(isLaterInstant('not a time', '2026-06-01T10:00:00.000Z')).toBe(false);
  });

  it('a new version is always after the previous one, whatever its offset', () => {
    const previous = '2026-06-01T09:30:00.000-03:00';
    const next = laterThan(previous, '2026-06-01T10:00:00.000Z');
    expect(Date.parse(next)).toBeGreaterThan(Date.parse(previous));
  });
});
