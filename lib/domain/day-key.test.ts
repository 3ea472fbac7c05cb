import { describe, expect, it } from 'vitest';
import { dayKey, isDayKey, monthOf, nextDayStart } from './day-key';

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

describe('monthOf and nextDayStart', () => {
  it('gives the month around a day', () => {
    expect(monthOf('2026-02-14')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthOf('2028-02-01')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });

  it('finds local midnight in a zone far from UTC', () => {
    // Vladivostok is UTC+10: its 28 Nov starts at 14:00 UTC on 27 Nov.
    expect(nextDayStart(new Date('2026-11-27T09:15:00Z'), 'Asia/Vladivostok').toISOString()).toBe('2026-11-27T14:00:00.000Z');
    // Honolulu is UTC-10: its 28 Nov starts at 10:00 UTC on 28 Nov.
    expect(nextDayStart(new Date('2026-11-27T23:30:00Z'), 'Pacific/Honolulu').toISOString()).toBe('2026-11-28T10:00:00.000Z');
  });

  it('handles a day of 23 hours (DST starts)', () => {
    // Berlin, 29 Mar 2026: clocks jump from 02:00 to 03:00; the next day starts at 22:00 UTC.
    expect(nextDayStart(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
