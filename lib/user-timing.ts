// Records a User Timing measure that `npm run bench` reads from the page or worker. Entries are
// capped so a long session does not keep an ever-growing timeline.

const MAX_ENTRIES = 1000;
const counts = new Map<string, number>();

export function recordMeasure(name: string, start: number, end = performance.now()): void {
  const count = (counts.get(name) ?? 0) + 1;
  if (count > MAX_ENTRIES) performance.clearMeasures(name);
  counts.set(name, count > MAX_ENTRIES ? 1 : count);
  performance.measure(name, { start, end });
}
