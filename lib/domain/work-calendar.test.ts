import { describe, expect, it } from 'vitest';
import { dayKey } from './day-key';
import {
  addDaysToKey,
  daysBetween,
  DEFAULT_WORK_CALENDAR,
  isMonthKey,
  isWorkingDay,
  localDayStart,
  monthDays,
  monthOf,
  monthRange,
  nextMonth,
  previousMonth,
  weekdayOf,
  workingDaysOf,
} from './work-calendar';

describe('calendar arithmetic on day keys', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysToKey('2026-12-28', 6)).toBe('2027-01-03');
    expect(addDaysToKey('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToKey('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDaysToKey('2026-03-01', -1)).toBe('2026-02-28');
    // The DST change in most of Europe and America that month changes nothing here.
    expect(addDaysToKey('2026-03-07', 2)).toBe('2026-03-09');
    expect(daysBetween('2026-12-28', '2027-01-03')).toBe(6);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('names weekdays and months', () => {
    expect(weekdayOf('2026-03-01')).toBe(0); // a Sunday
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(monthOf('2026-03-31')).toBe('2026-03');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-01')).toBe('2026-02');
    expect(isMonthKey('2026-13')).toBe(false);
    expect(() => monthDays('2026-3')).toThrow(RangeError);
  });

  it('lists every day of a month', () => {
    expect(monthDays('2026-02')).toHaveLength(28);
    expect(monthDays('2028-02').at(-1)).toBe('2028-02-29');
    expect(monthDays('2026-03')[0]).toBe('2026-03-01');
    expect(monthDays('2026-03').at(-1)).toBe('2026-03-31');
  });
});

describe('working days', () => {
  it('works Monday to Friday by default', () => {
    expect(isWorkingDay('2026-03-06', DEFAULT_WORK_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', DEFAULT_WORK_CALENDAR)).toBe(false); // Saturday
    expect(workingDaysOf('2026-03', DEFAULT_WORK_CALENDAR)).toHaveLength(22);
  });

  it('takes holidays out and extra working days in', () => {
    const calendar = { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-03-09'], extraWorkingDays: ['2026-03-14'] };
    expect(isWorkingDay('2026-03-09', calendar)).toBe(false); // a Monday off
    expect(isWorkingDay('2026-03-14', calendar)).toBe(true); // a Saturday worked
    expect(workingDaysOf('2026-03', calendar)).toHaveLength(22);
    // A six-day week.
    expect(workingDaysOf('2026-03', { workingDays: [1, 2, 3, 4, 5, 6], holidays: [] })).toHaveLength(26);
  });
});

describe('monthRange', () => {
  it('is the local month in a zone without DST', () => {
    // Moscow is UTC+3 all year.
    expect(monthRange('2026-03', 'Europe/Moscow')).toEqual({ startIso: '2026-02-28T21:00:00.000Z', endIso: '2026-03-31T21:00:00.000Z' });
  });

  it('spans a daylight-saving change', () => {
    // New York: EST (−5) on 1 March, EDT (−4) from 8 March to 1 April.
    const range = monthRange('2026-03', 'America/New_York');
    expect(range).toEqual({ startIso: '2026-03-01T05:00:00.000Z', endIso: '2026-04-01T04:00:00.000Z' });
    // 23:30 on 31 March in New York is 03:30 UTC on 1 April: still March.
    const lateOnTheLastDay = new Date('2026-03-31T23:30:00-04:00');
    expect(lateOnTheLastDay.toISOString() < range.endIso).toBe(true);
    expect(dayKey(lateOnTheLastDay, 'America/New_York')).toBe('2026-03-31');
    expect(new Date('2026-04-01T00:00:00-04:00').toISOString()).toBe(range.endIso);
  });

  it('handles the zones farthest from UTC', () => {
    // Kiritimati is UTC+14: its January starts at 10:00 UTC on 31 December.
    expect(monthRange('2026-01', 'Pacific/Kiritimati').startIso).toBe('2025-12-31T10:00:00.000Z');
    // Pago Pago is UTC−11: its January starts at 11:00 UTC on 1 January.
    expect(monthRange('2026-01', 'Pacific/Pago_Pago')).toEqual({ startIso: '2026-01-01T11:00:00.000Z', endIso: '2026-02-01T11:00:00.000Z' });
    expect(monthRange('2026-12', 'Pacific/Kiritimati').endIso).toBe('2026-12-31T10:00:00.000Z');
  });

  it('starts a month whose midnight falls in a DST gap at the jump', () => {
    // Asunción, 1 Oct 2023: clocks jumped from 00:00 (UTC−4) to 01:00 (UTC−3); 00:00 never happened.
    expect(monthRange('2023-10', 'America/Asuncion').startIso).toBe('2023-10-01T04:00:00.000Z');
    expect(monthRange('2023-09', 'America/Asuncion').endIso).toBe('2023-10-01T04:00:00.000Z');
  });

  it('takes the first of two midnights when clocks fall back at midnight', () => {
    // Havana, 1 Nov 2026: at 01:00 (UTC−4) clocks go back to 00:00 (UTC−5): midnight happens twice.
    expect(monthRange('2026-11', 'America/Havana').startIso).toBe('2026-11-01T04:00:00.000Z');
    // Santiago, 7 Apr 2024: at 24:00 on the 6th (UTC−3) clocks went back to 23:00; the 7th starts once.
    expect(localDayStart('2024-04-07', 'America/Santiago').toISOString()).toBe('2024-04-07T04:00:00.000Z');
  });
});
