import { describe, expect, it } from 'vitest';
import { dayKey, isDayKey } from './day-key';

describe('dayKey', () => {
  it('is the local calendar day in a zone far from UTC, across midnight', () => {
    // 23:30 UTC on 27 Nov is already 28 Nov in Vladivostok (UTC+10) and still 27 Nov in Honolulu (UTC-10).
    const lateUtc = new Date('2026-11-27T23:30:00Z');
    expect(dayKey(lateUtc, 'Asia/Vladivostok')).toBe('2026-11-28');
    expect(dayKey(lateUtc, 'Pacific/Honolulu')).toBe('2026-11-27');
    expect(dayKey(new Date('2026-11-27T13:59:59Z'), 'Asia/Vladivostok')).toBe('2026-11-27');
    expect(dayKey(new Date('2026-11-27T14:00:00Z'), 'Asia/Vladivostok')).toBe('2026-11-28');
  });
  it('validates YYYY-MM-DD days', () => {
    expect(isDayKey('2026-02-28')).toBe(true);
    expect(isDayKey('2026-02-30')).toBe(false);
    expect(isDayKey('28.02.2026')).toBe(false);
  });
});
