// The one check of a time zone, wherever a zone is accepted (the settings message, a backup's
// settings, the stored settings). A zone this browser does not know would make every
// `Intl.DateTimeFormat` of it throw (the day keys, the badge, Options), so it is refused up front.

/** True for '' (the browser's own zone) and for an IANA zone this browser knows, e.g. "Europe/Moscow". */
export function isTimeZone(zone: string): boolean {
  if (zone === '') return true;
  try {
    // ECMA-402: a zone that is not a valid IANA name (or offset) throws a RangeError here.
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What to tell the user when a zone is refused (kept here with the check, for the catalog later). */
export const TIME_ZONE_ERROR = 'expected a time zone such as Europe/Moscow (or nothing for the browser’s own)';
