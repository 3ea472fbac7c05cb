// The words a failed handler's reply carries (start.ts turns every failure into a reply here).
// Handlers throw Errors whose message the user can read; what IndexedDB and Dexie throw is raw,
// and a full disk may come wrapped (Dexie's AbortError or BulkError around the transaction's
// inner QuotaExceededError), so the whole chain is searched.

export const DISK_FULL = 'The disk is full: nothing was changed. Free some disk space and try again.';
export const DATABASE_CLOSED = "ClientDesk's database was closed (the browser may be shutting down or updating it): reload the page and try again.";

interface Wrapped {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and every error it wraps (Dexie's `inner`, `cause`, a bulk write's `failures`). */
function chainOf(error: unknown, depth = 0): unknown[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [error];
  const { inner, cause, failures } = error as Wrapped;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])].filter((e) => e !== undefined && e !== null);
  return [error, ...nested.flatMap((e) => chainOf(e, depth + 1))];
}

const nameOf = (error: unknown) => (typeof error === 'object' && error !== null ? String((error as Wrapped).name ?? '') : '');

/** What the reply says about `error`. */
export function errorReplyText(error: unknown): string {
  const chain = chainOf(error);
  if (chain.some((e) => nameOf(e) === 'QuotaExceededError')) return DISK_FULL;
  if (chain.some((e) => nameOf(e) === 'DatabaseClosedError')) return DATABASE_CLOSED;
  if (error instanceof Error) return error.message;
  return String(error);
}
