import { useCallback, useEffect, useState } from 'react';
import type { Agenda, AgendaItem, AgendaSummary } from '@/lib/domain/agenda';
import { formatDay, formatMoney } from '@/lib/domain/format';
import { sendToBackground } from '@/lib/messaging/send';
import { routeHash } from '../workspace-routes';

// Today (issue 7): follow-ups due and overdue, clients not contacted for 30+ days, birthdays and
// professional holidays of the next 7 days (each greeting one click away), overdue receivables,
// contract obligations due and open complaints. Computed by the background from the activity log.

const SHOWN = 200;

interface AgendaReply {
  agenda: Agenda;
  totals: Record<string, number>;
  summary: AgendaSummary;
}

const SECTIONS: { key: keyof Omit<Agenda, 'today' | 'contactEveryDays'>; title: (a: Agenda) => string; empty: string }[] = [
  { key: 'followUps', title: () => 'Follow-ups due', empty: 'No follow-up is due.' },
  { key: 'notContacted', title: (a) => `Not contacted for ${a.contactEveryDays}+ days`, empty: 'Every client was contacted recently.' },
  { key: 'greetings', title: () => 'Birthdays and holidays (next 7 days)', empty: 'No birthday or professional holiday this week.' },
  { key: 'receivablesOverdue', title: () => 'Overdue receivables', empty: 'No overdue receivables.' },
  { key: 'obligationsDue', title: () => 'Contract obligations due', empty: 'No obligation is due this week.' },
  { key: 'openComplaints', title: () => 'Open complaints', empty: 'No open complaint.' },
];

function Greet({ item }: { item: Extract<AgendaItem, { kind: 'birthday' | 'holiday' }> }) {
  const [error, setError] = useState<string | null>(null);
  const greet = async () => {
    setError(null);
    try {
      const { url } = await sendToBackground<{ url: string }>({ type: 'pageToBackground.greetingLink', clientId: item.clientId, contactId: item.contactId });
      window.open(url, '_blank', 'noopener');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void greet()}>Send greeting</button>
      {error && <span className="error" role="alert"> {error}</span>}
    </>
  );
}

function ItemRow({ item }: { item: AgendaItem }) {
  return (
    <li data-kind={item.kind} data-client-id={item.clientId}>
      <a href={routeHash({ page: 'client', id: item.clientId })}>{item.clientName || '(removed client)'}</a>
      {item.kind === 'birthday' && <span> · {item.name}</span>}
      <span className="muted"> · {item.reason}</span>
      {item.kind === 'receivable' && <strong> {formatMoney(item.amount)}</strong>}
      {(item.kind === 'birthday' || item.kind === 'holiday') && (
        <>
          {' · '}
          <Greet item={item} />
        </>
      )}
    </li>
  );
}

export function TodayPage() {
  const [reply, setReply] = useState<AgendaReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    sendToBackground<AgendaReply>({ type: 'pageToBackground.getAgenda', limit: SHOWN }).then(setReply, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    load();
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [load]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!reply) return <p className="muted">Working out your day…</p>;
  const { agenda, totals } = reply;
  return (
    <section aria-label="Today" className="today">
      <h2>Today, {formatDay(agenda.today)}</h2>
      {SECTIONS.map(({ key, title, empty }) => {
        const items = agenda[key] as AgendaItem[];
        const total = totals[key] ?? items.length;
        return (
          <section key={key} aria-label={title(agenda)} data-section={key}>
            <h3>
              {title(agenda)} <span className="muted">({total})</span>
            </h3>
            {items.length === 0 ? (
              <p className="muted small">{empty}</p>
            ) : (
              <ul className="agenda-list">
                {items.map((item) => (
                  <ItemRow key={`${item.kind}:${item.clientId}:${'contactId' in item ? item.contactId : ''}:${'obligationId' in item ? item.obligationId : ''}:${'complaintId' in item ? item.complaintId : ''}`} item={item} />
                ))}
              </ul>
            )}
            {total > items.length && <p className="muted small">…and {total - items.length} more: see the client list's filters.</p>}
          </section>
        );
      })}
    </section>
  );
}
