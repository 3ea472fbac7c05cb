import { useState } from 'react';
import type { CorrespondentView } from '@/lib/messaging/views';
import { ClientCardView } from './ClientCardView';
import { CreateClientForm } from './CreateClientForm';

/** One person on the page: their card(s), or the offer to create one. */
export function CorrespondentSection({ person, repeatedClientIds }: { person: CorrespondentView; repeatedClientIds: ReadonlySet<string> }) {
  const [creating, setCreating] = useState(false);
  const label = person.name && person.email ? `${person.name} <${person.email}>` : (person.email ?? person.name);
  return (
    <div className="correspondent" data-email={person.email ?? undefined} data-name={person.name}>
      <div className="person">
        <span className="role">{person.role}</span> {label}
      </div>
      {person.cards.length > 1 && <p className="muted small">{person.cards.length} client cards match:</p>}
      {person.cards.map((card) => (
        <ClientCardView key={card.client.id} card={card} compact={repeatedClientIds.has(card.client.id)} />
      ))}
      {person.cards.length === 0 &&
        (creating ? (
          <CreateClientForm draft={person.draft} onDone={() => setCreating(false)} />
        ) : (
          <div className="unknown">
            <span className="muted">Not in your client base.</span>
            <button type="button" onClick={() => setCreating(true)}>
              Create client card
            </button>
          </div>
        ))}
    </div>
  );
}
