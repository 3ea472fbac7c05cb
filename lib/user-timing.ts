// Records a User Timing measure that `npm run bench` reads from the page or worker. Entries are
// capped so a long session does not keep an ever-growing timeline.
//
// Never throws: the measure is for the bench only, and its callers are the sidebar's start and the
// background's pushes. performance.measure throws a TypeError for a negative start (an event
// emitted before this page's time origin: a sidebar opened after the snapshot was sent), a
// SyntaxError for a missing mark, and `performance` may be absent altogether.

const MAX_ENTRIES = 1000;
const counts = new Map<string, number>();

export function recordMeasure(name: string, start: number, end?: number): void {
  try {
    if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
    const stop = end ?? performance.now();
    // Nothing to measure: an event from before this page existed, or from a clock that is off.
    if (!Number.isFinite(start) || !Number.isFinite(stop) || start < 0 || stop < start) return;
    const count = (counts.get(name) ?? 0) + 1;
    if (count > MAX_ENTRIES) performance.clearMeasures(name);
    counts.set(name, count > MAX_ENTRIES ? 1 : count);
    performance.measure(name, { start, end: stop });
  } catch {
    // A timing that cannot be recorded is simply not recorded.
  }
}
