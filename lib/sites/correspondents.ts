// Helpers every site adapter uses on the correspondents it reads.

import type { Correspondent } from './types';

/** Keeps the first occurrence of each address (and so its first role). */
export function dedupeByEmail(list: Correspondent[]): Correspondent[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = c.email ?? `name:${c.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
