// Gmail's hash router (site-dom-facts 1.1): `#<list>/<threadId>`, where some lists take a
// parameter first (`#label/X/<id>`, `#search/q/<id>`). Pure string functions.

// Lists whose first path segment is a parameter (label name, query, category), not a thread id.
const LISTS_WITH_PARAM = new Set(['label', 'search', 'category', 'advanced-search', 'apps']);
// Routes that are never a thread view even with a second segment.
const NOT_THREAD_LISTS = new Set(['settings', 'chat', 'spaces', 'rooms', 'calls', 'contacts']);
// Legacy 16-hex id (`18a41665ecb473a3`) or the newer opaque id (`FMfcgzGxxxx…`, ~32 chars).
// Page markers such as `p2` are far shorter.
const THREAD_ID = /^(?:[0-9a-f]{16}|[A-Za-z0-9]{20,})$/;

/** The thread id when the hash is a thread route, otherwise null. */
export function threadIdFromHash(hash: string): string | null {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = path.split('/').filter((s) => s !== '');
  const list = segments[0];
  if (list === undefined || NOT_THREAD_LISTS.has(list)) return null;
  const candidate = segments[LISTS_WITH_PARAM.has(list) ? 2 : 1];
  return candidate !== undefined && THREAD_ID.test(candidate) ? candidate : null;
}

export function isThreadRoute(hash: string): boolean {
  return threadIdFromHash(hash) !== null;
}
