import { useDeferredValue, useMemo, useState } from 'react';
import { matchesQuery, type ClientListRow } from '@/lib/domain/client-list';
import type { Client } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';

// "Merge with another client": find the duplicate, see both names, confirm. The other card's
// contacts, activities and fields move into this one; the other card is kept as a tombstone
// pointing here, and the timeline records the merge.

type Write = <T>(run: () => Promise<T>, what: string) => Promise<T | null>;

export function MergeDialog({ client, rows, write }: { client: Client; rows: readonly ClientListRow[]; write: Write }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ClientListRow | null>(null);
  const deferred = useDeferredValue(query);
  const candidates = useMemo(
    () => (deferred.trim().length < 2 ? [] : rows.filter((r) => r.id !== client.id && matchesQuery(r, deferred)).slice(0, 10)),
    [deferred, rows, client.id],
  );

  const merge = (other: ClientListRow) =>
    void write(() => sendToBackground({ type: 'optionsToBackground.mergeClients', keepId: client.id, mergeId: other.id }), 'The merge').then((merged) => {
      if (merged) {
        setChosen(null);
        setQuery('');
      }
    });

  if (chosen) {
    return (
      <div className="merge-confirm" role="dialog" aria-label="Confirm merge">
        <p>
          Merge <strong>{chosen.name}</strong> into <strong>{client.name}</strong>? Its contacts, activities and the fields this card lacks
          move here; “{chosen.name}” is removed from the list.
        </p>
        <span className="buttons">
          <button type="button" onClick={() => merge(chosen)}>Merge into this card</button>
          <button type="button" className="link" onClick={() => setChosen(null)}>Cancel</button>
        </span>
      </div>
    );
  }
  return (
    <div className="merge-search">
      <label>
        Merge a duplicate into this card:{' '}
        <input type="search" aria-label="Find a duplicate" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Company, contact, e-mail, phone, tax id" />
      </label>
      {candidates.length > 0 && (
        <ul className="hits" aria-label="Possible duplicates">
          {candidates.map((r) => (
            <li key={r.id}>
              <button type="button" className="link" onClick={() => setChosen(r)}>
                {r.name}
              </button>{' '}
              <span className="muted small">{[r.taxId, r.primaryEmail, r.primaryContactName].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
