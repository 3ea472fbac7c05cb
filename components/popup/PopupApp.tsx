import { useEffect, useState } from 'react';
import { formatDay } from '@/lib/domain/format';
import { pace, PACE_COLORS } from '@/lib/domain/progress';
import type { TodayView } from '@/lib/messaging/views';
import { sendToBackground } from '@/lib/messaging/send';
import { ClientSearch } from './ClientSearch';
import { HeldSends } from './HeldSends';
import { LogCallPanel } from './LogCallPanel';
import { PlanSummary } from './PlanSummary';
import { AppHeader } from '../AppHeader';

/** The toolbar popup: today's progress against each quota, today's offers, and a client search. */
export function PopupApp() {
  const [today, setToday] = useState<TodayView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const loadToday = () => sendToBackground<TodayView>({ type: 'pageToBackground.getToday' }).then(setToday, (e: Error) => setError(e.message));
  // After a call is logged: the counters and the plan summary are read again.
  const refresh = () => {
    setVersion((v) => v + 1);
    void loadToday();
  };
  useEffect(() => {
    void loadToday();
  }, []);

  return (
    <main className="popup">
      <AppHeader />
      {error && <p className="error pad">{error}</p>}
      {today && (
        <section className="pad" aria-label="Today">
          <h2 className="muted small">{formatDay(today.dayKey)}</h2>
          {today.items.map((item) => (
            <div key={item.key} className="progress" data-counter={item.key}>
              <div className="progress-label">
                <span>
                  {item.label} <span className="muted small">{item.period}</span>
                </span>
                <strong className="progress-value">
                  {item.done} / {item.quota}
                </strong>
              </div>
              <div className="bar">
                <div style={{ width: `${Math.min(100, item.quota ? (item.done / item.quota) * 100 : 100)}%`, background: PACE_COLORS[pace(item.done, item.quota)] }} />
              </div>
            </div>
          ))}
          <h2 className="muted small">Offers sent today</h2>
          {today.offers.length === 0 ? (
            <p className="muted small">None yet.</p>
          ) : (
            <ol className="offers-today">
              {today.offers.map(({ activity, clientName }) => (
                <li key={activity.id}>
                  <strong>{clientName ?? activity.channelRef?.split(':').pop() ?? 'Unknown'}</strong>{' '}
                  <span className="muted small">
                    {new Date(activity.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })} · {activity.summary}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {today && <HeldSends held={today.heldSends} onDecided={refresh} />}
      <PlanSummary version={version} />
      <LogCallPanel onLogged={refresh} />
      <ClientSearch onCallLogged={refresh} />
    </main>
  );
}
