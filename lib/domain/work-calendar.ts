// The manager's working calendar and the calendar arithmetic of plans and reports (issue 7).
// Day keys (YYYY-MM-DD) and month keys (YYYY-MM) are calendar labels, not instants: adding days to
// them is done in UTC, where every day has 24 hours, so no time zone can shift the result. Only
// monthRange turns a local month into instants, through Intl (DST and far-from-UTC zones included).

export interface WorkCalendar {
  /** Weekdays worked, 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** YYYY-MM-DD days the user marks as not working (public holidays, leave). */
  holidays: string[];
  /** YYYY-MM-DD days worked although their weekday is not (a Saturday moved for a holiday). */
  extraWorkingDays?: string[];
}

export const DEFAULT_WORK_CALENDAR: WorkCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [] };

const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function utcOfDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function dayOfUtc(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** True for a month written YYYY-MM. */
export function isMonthKey(value: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function checkMonth(month: string): void {
  if (!isMonthKey(month)) throw new RangeError(`Expected a month as YYYY-MM, got "${month}".`);
}

/** The day key `n` calendar days after (before, when negative) `day`. */
export function addDaysToKey(day: string, n: number): string {
  return dayOfUtc(utcOfDay(day) + n * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOfDay(to) - utcOfDay(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(utcOfDay(day)).getUTCDay();
}

/** "2026-03" for "2026-03-31". */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function previousMonth(month: string): string {
  checkMonth(month);
  return monthOf(addDaysToKey(`${month}-01`, -1));
}

export function nextMonth(month: string): string {
  checkMonth(month);
  return monthOf(addDaysToKey(`${month}-28`, 4));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Every day key of the month, in order. */
export function monthDays(month: string): string[] {
  checkMonth(month);
  const days: string[] = [];
  for (let day = `${month}-01`; monthOf(day) === month; day = addDaysToKey(day, 1)) days.push(day);
  return days;
}

/**
 * A holiday wins over everything (the user said they do not work that day); then an extra working
 * day; then the weekday.
 */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.includes(day)) return false;
  if (calendar.extraWorkingDays?.includes(day)) return true;
  return calendar.workingDays.includes(weekdayOf(day));
}

export function workingDaysOf(month: string, calendar: WorkCalendar): string[] {
  return monthDays(month).filter((day) => isWorkingDay(day, calendar));
}

// ——— Local months as instants ———

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at `instant` in `timeZone`, written as if it were UTC (to the second). */
function wallClock(instant: number, timeZone: string): number {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone || undefined,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(timeZone, formatter);
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

const HOUR_MS = 3_600_000;

/**
 * The first instant of a local calendar day. Local midnight lies within 14 h before and 12 h after
 * UTC midnight of the same date (offsets run from −12 to +14), so it is one of the offsets in force
 * at the ends of that window. When midnight does not exist (clocks jump from 00:00 to 01:00), the
 * day starts at the jump, found by bisection. When it exists twice (a fall-back at midnight), the
 * first one.
 */
export function localDayStart(day: string, timeZone: string): Date {
  const midnight = utcOfDay(day);
  const offsets = new Set([offsetAt(midnight - 14 * HOUR_MS, timeZone), offsetAt(midnight, timeZone), offsetAt(midnight + 12 * HOUR_MS, timeZone)]);
  const starts = [...offsets].map((offset) => midnight - offset).filter((instant) => wallClock(instant, timeZone) === midnight);
  if (starts.length > 0) return new Date(Math.min(...starts));
  // In the gap: the first instant whose wall clock has reached the day.
  let before = midnight - 15 * HOUR_MS;
  let after = midnight + 13 * HOUR_MS;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (wallClock(mid, timeZone) >= midnight) after = mid;
    else before = mid;
  }
  return new Date(after);
}

/**
 * The instants of the local month: its first midnight and the next month's, in an IANA zone (the
 * browser's when empty). A range for the activities' `at` index: startIso <= at < endIso.
 */
export function monthRange(month: string, timeZone: string): { startIso: string; endIso: string } {
  checkMonth(month);
  return {
    startIso: localDayStart(`${month}-01`, timeZone).toISOString(),
    endIso: localDayStart(`${nextMonth(month)}-01`, timeZone).toISOString(),
  };
}
