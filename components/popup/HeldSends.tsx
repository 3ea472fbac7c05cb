import type { HeldSendView } from '@/lib/messaging/views';
import { useAction } from '../use-action';

// Sends whose offers wait for the user (issue 12.4): one send to more organisations than an offer
// normally reaches is not counted silently. The user counts its offers, or not; the badge follows.

export function HeldSends({ held, onDecided }: { held: HeldSendView[]; onDecided(): void }) {
  const action = useAction();
  if (held.length === 0) return null;
  const decide = (heldSendId: string, count: boolean) => void action.run({ type: 'pageToBackground.decideHeldSend', heldSendId, count }, onDecided);
  return (
    <section className="pad held-sends" aria-label="Needs your confirmation">
      <h2 className="muted small">Needs your confirmation</h2>
      <ul className="held-list">
        {held.map((send) => (
          <li key={send.id} data-held-send={send.id}>
            <p className="small">
              “{send.subject || '(no subject)'}” went to {send.organisations} organisations at once (
              {new Date(send.sentAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}: {send.sample.join(', ')}
              {send.organisations > send.sample.length ? ', …' : ''}). That is unusual for one offer, so it is not counted yet.
            </p>
            <div className="buttons">
              <button type="button" disabled={action.busy} onClick={() => decide(send.id, true)}>
                Count {send.organisations} offers
              </button>
              <button type="button" className="link" disabled={action.busy} onClick={() => decide(send.id, false)}>
                Don’t count
              </button>
            </div>
          </li>
        ))}
      </ul>
      {action.error && <p className="error" role="alert">{action.error}</p>}
    </section>
  );
}
