import { useState } from 'react';
import { ACTIVITY_LABELS, formatDay, formatMoney, STATUS_LABELS } from '@/lib/domain/format';
import type { CardView } from '@/lib/messaging/views';
import { useAction } from '../use-action';
import { CallButton, type StartedCall } from '../calls/CallButton';
import { LogCallForm } from '../calls/LogCallForm';
import { EditClientForm } from './EditClientForm';
import { clientPageUrl } from '../workspace-routes';

const MATCH_LABELS = { address: 'by address', domain: 'by company domain', phone: 'by phone', name: 'by name only: please confirm' };

/** A client card; `compact` when the same mail already shows this client's full card above. */
export function ClientCardView({ card, compact = false }: { card: CardView; compact?: boolean }) {
  const { client } = card;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  // A click-to-call just made from this card: its outcome form shows until it is saved.
  const [started, setStarted] = useState<StartedCall | null>(null);
  const action = useAction();
  const contact = card.contacts.find((c) => c.id === card.matchedContactId) ?? null;

  const addNote = () =>
    action.run({ type: 'pageToBackground.addNote', clientId: client.id, contactId: contact?.id ?? null, text: note }, () => setNote(''));
  const setNextContact = (date: string) => {
    if ((date || null) === client.nextContactAt) return;
    void action.run({ type: 'pageToBackground.updateClient', clientId: client.id, patch: { nextContactAt: date || null } });
  };

  return (
    <article className={compact ? 'card compact' : 'card'} data-client-id={client.id} data-match={card.by} data-confirmed={card.confirmed}>
      <header>
        <h3 className="company">
          <a href={clientPageUrl(client.id)} target="_blank" rel="noreferrer" title="Open the full card in ClientDesk">
            {client.name}
          </a>
        </h3>
        <span className={`status status-${client.status}`}>{STATUS_LABELS[client.status]}</span>
      </header>
      <p className={card.confirmed ? 'muted small' : 'warning small'}>Matched {MATCH_LABELS[card.by]}</p>
      {card.openComplaints && card.openComplaints.length > 0 && (
        <p className="warning small" data-testid="open-complaints">
          {card.openComplaints.length === 1 ? 'Open complaint' : `${card.openComplaints.length} open complaints`}: {card.openComplaints.map((c) => c.subject).join('; ')}
        </p>
      )}
      {contact && (
        <p className="contact">
          {contact.name}
          {contact.position && <span className="muted">, {contact.position}</span>}
        </p>
      )}
      {compact ? (
        <p className="muted small">Same client as above.</p>
      ) : editing ? (
        <EditClientForm client={client} onDone={() => setEditing(false)} />
      ) : (
        <dl className="fields">
          <dt>Phones</dt>
          <dd className="phones">
            {contact?.phones.map((p) => <CallButton key={`c${p.e164}${p.ext ?? ''}`} phone={p} clientId={client.id} contactId={contact.id} onStarted={setStarted} />)}
            {client.phones.map((p) => <CallButton key={`k${p.e164}${p.ext ?? ''}`} phone={p} clientId={client.id} contactId={null} onStarted={setStarted} />)}
            {!contact?.phones.length && !client.phones.length && '—'}
          </dd>
          <dt>Price type</dt>
          <dd>{client.priceType || '—'}</dd>
          <dt>Payment terms</dt>
          <dd>{client.contract.paymentTerms || '—'}</dd>
          <dt>Receivables</dt>
          <dd>
            {formatMoney(client.receivables.amount)}
            {client.receivables.overdueAmount ? <span className="warning"> ({formatMoney(client.receivables.overdueAmount)} overdue)</span> : null}
          </dd>
          <dt>Last contact</dt>
          <dd>{formatDay(client.lastContactAt)}</dd>
          <dt>Next contact</dt>
          <dd>
            {/* Uncontrolled, re-keyed on new data; saved on change and, for values set without a change event, on blur. */}
            <input
              key={client.nextContactAt ?? ''}
              type="date"
              aria-label="Next contact date"
              defaultValue={client.nextContactAt ?? ''}
              onChange={(e) => setNextContact(e.target.value)}
              onBlur={(e) => setNextContact(e.target.value)}
            />
          </dd>
        </dl>
      )}
      {started && (
        <LogCallForm
          key={started.callId}
          draft={{ callId: started.callId, number: started.number, direction: 'out', durationSec: null, choices: [{ clientId: client.id, contactId: started.contactId, label: client.name }] }}
          onDone={() => setStarted(null)}
          onCancel={() => setStarted(null)}
        />
      )}
      {!editing && !compact && (
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit card
        </button>
      )}
      {!compact && card.contacts.length > 1 && (
        <details className="small">
          <summary>{card.contacts.length} contacts</summary>
          <ul>
            {card.contacts.map((c) => (
              <li key={c.id}>
                {c.name || c.emails[0]} {c.position && <span className="muted">({c.position})</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="note-form" hidden={compact}>
        <textarea aria-label="Note" placeholder="Add a note…" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={!note.trim() || action.busy} onClick={addNote}>
          Add note
        </button>
      </div>
      {action.error && <p className="error" role="alert">{action.error}</p>}
      {!compact && card.recent.length > 0 && (
        <ol className="timeline">
          {card.recent.map((a) => (
            <li key={a.id} data-activity={a.type}>
              <span className="muted small">
                {formatDay(a.at)} · {ACTIVITY_LABELS[a.type]}
              </span>{' '}
              {a.summary}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
