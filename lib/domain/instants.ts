// Timestamps are ISO 8601 text, but text with different offsets does not sort as time:
// "2026-06-01T12:00:00+03:00" (09:00 UTC) sorts after "2026-06-01T10:00:00Z". A backup or a
// replica may carry offsets, so "which is newer" compares the instants (issue 12.8).

/** True when instant `a` is later than instant `b` (false when either does not parse). */
export function isLaterInstant(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}
