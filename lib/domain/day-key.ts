// A day is the user's local calendar day (DESIGN.md "Days"), keyed YYYY-MM-DD for the
// [type+dayKey] index. Intl does the time-zone arithmetic, including DST changes.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "2026-11-27" for the calendar day `date` falls on in `timeZone` (the browser's when empty). */
export function dayKey(date: Date, timeZone?: string): string {
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** True for a valid calendar date written YYYY-MM-DD. */
export function isDayKey(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** First and last day keys of the month a day key falls in. */
export function monthOf(day: string): { first: string; last: string } {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const lastDate = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { first: `${year}-${mm}-01`, last: `${year}-${mm}-${String(lastDate).padStart(2, '0')}` };
}

/**
 * The first instant of the next calendar day in `timeZone` after `now`: when the
 * badge must roll over. Found by bisection to the millisecond, so DST days of 23 or 25 hours
 * need no special case.
 */
export function nextDayStart(now: Date, timeZone?: string): Date {
  const today = dayKey(now, timeZone);
  let low = now.getTime();
  let high = low + 3600_000;
  while (dayKey(new Date(high), timeZone) === today) high += 3600_000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (dayKey(new Date(mid), timeZone) === today) low = mid;
    else high = mid;
  }
  return new Date(high);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A stored date as a local calendar day: a day key stays as it is; a timestamp becomes its day in
 * `timeZone` (the browser's when empty). Unreadable values count as none.
 */
export function calendarDay(value: string | null, timeZone: string): string | null {
  if (!value) return null;
  if (isDayKey(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // Local getters are far cheaper than Intl: the client list runs this once per client on every load.
  if (!timeZone) return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return dayKey(date, timeZone);
}
