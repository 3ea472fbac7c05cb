import type { Client, ClientStatus, Contact } from './types';

// Ranking of client matches: DESIGN.md "Matching". All matches are shown, best first.

export type MatchKind = 'address' | 'domain' | 'phone' | 'name';

export interface ClientMatch {
  client: Client;
  /** The contact the match came through, when it did. */
  contact: Contact | null;
  by: MatchKind;
  /** False for guesses (a display name only) the user should confirm. */
  confirmed: boolean;
}

const KIND_RANK: Record<MatchKind, number> = { address: 0, phone: 1, domain: 2, name: 3 };
const STATUS_RANK: Record<ClientStatus, number> = { vip: 0, active: 1, prospect: 2, inactive: 3, lost: 4 };

/**
 * One entry per client, keeping the strongest way it matched; ordered by match kind, then
 * client status, then the most recent contact. Deleted records never match.
 */
export function rankMatches(candidates: readonly ClientMatch[]): ClientMatch[] {
  const best = new Map<string, ClientMatch>();
  for (const match of candidates) {
    if (match.client.deletedAt || match.contact?.deletedAt) continue;
    const current = best.get(match.client.id);
    if (!current || KIND_RANK[match.by] < KIND_RANK[current.by] || (!current.contact && match.contact && match.by === current.by)) {
      best.set(match.client.id, match);
    }
  }
  return [...best.values()].sort(
    (a, b) =>
      KIND_RANK[a.by] - KIND_RANK[b.by] ||
      STATUS_RANK[a.client.status] - STATUS_RANK[b.client.status] ||
      (b.client.lastContactAt ?? '').localeCompare(a.client.lastContactAt ?? '') ||
      a.client.name.localeCompare(b.client.name),
  );
}
