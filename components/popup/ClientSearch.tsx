import { useEffect, useState } from 'react';
import { formatMoney, STATUS_LABELS } from '@/lib/domain/format';
import type { ClientSearchHit } from '@/lib/messaging/views';
import { sendToBackground } from '@/lib/messaging/send';
import { CallButton, type StartedCall } from '../calls/CallButton';
import { LogCallForm } from '../calls/LogCallForm';
import { clientPageUrl } from '../workspace-routes';

/** Search over the client base as you type: company, contact, e-mail, phone or tax id. */
export function ClientSearch({ onCallLogged }: { onCallLogged?(): void } = {}) {
  const [query, setQuery] = useState('');
  const [found, setHits] = useState<ClientSearchHit[]>([]);
  // A click-to-call made from a hit: its outcome form shows until it is saved.
  const [started, setStarted] = useState<StartedCall | null>(null);
  const hits = query.trim().length >= 2 ? found : [];
  useEffect(() => {
    if (query.trim().length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      void sendToBackground<ClientSearchHit[]>({ type: 'pageToBackground.searchClients', query }).then((found) => current && setHits(found));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section className="pad" aria-label="Client search">
      <input type="search" className="wide" placeholder="Find a client: company, person, e-mail, phone…" aria-label="Find a client" value={query} onChange={(e) => setQuery(e.target.value)} />
      {started && (
        <LogCallForm
          key={started.callId}
          draft={{ callId: started.callId, number: started.number, direction: 'out', durationSec: null, choices: [{ clientId: started.clientId, contactId: started.contactId, label: hits.find((h) => h.client.id === started.clientId)?.client.name ?? '' }] }}
          onDone={() => {
            setStarted(null);
            onCallLogged?.();
          }}
          onCancel={() => setStarted(null)}
        />
      )}
      <ul className="hits">
        {hits.map(({ client, contacts }) => (
          <li key={client.id} className="hit" data-client-id={client.id}>
            <div>
              <a href={clientPageUrl(client.id)} target="_blank" rel="noreferrer">
                <strong>{client.name}</strong>
              </a>{' '}
              <span className={`status status-${client.status}`}>{STATUS_LABELS[client.status]}</span>
            </div>
            <div className="muted small">
              {client.priceType || 'No price type'} · receivables {formatMoney(client.receivables.amount)}
            </div>
            {contacts.slice(0, 3).map((c) => (
              <div key={c.id} className="small">
                {c.name} {c.position && <span className="muted">({c.position})</span>} {c.emails[0]}{' '}
                {c.phones[0] && <CallButton phone={c.phones[0]} clientId={client.id} contactId={c.id} onStarted={setStarted} />}
              </div>
            ))}
          </li>
        ))}
        {query.trim().length >= 2 && hits.length === 0 && <li className="muted small">No client found.</li>}
      </ul>
    </section>
  );
}
