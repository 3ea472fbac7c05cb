import { useState } from 'react';
import type { ContextView, CorrespondentView } from '@/lib/messaging/views';
import { LogCallForm, type CallClientChoice } from '../calls/LogCallForm';
import { CorrespondentSection } from './CorrespondentSection';

// A softphone's call in the sidebar: who it is (their card at once, or "Create client card"), which
// way and how long; when it ends, the outcome form, pre-filled, unless the call is logged already.

const STATE_LABELS = { dialing: 'Dialling', ringing: 'Ringing', connected: 'Connected', ended: 'Ended' } as const;

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

export function callChoices(person: CorrespondentView | undefined): CallClientChoice[] {
  return (person?.cards ?? []).map((card) => {
    const contact = card.contacts.find((c) => c.id === card.matchedContactId);
    return { clientId: card.client.id, contactId: contact?.id ?? null, label: contact?.name ? `${card.client.name} · ${contact.name}` : card.client.name };
  });
}

export function CallSection({ context, repeatedClientIds }: { context: ContextView; repeatedClientIds: ReadonlySet<string> }) {
  const [dismissed, setDismissed] = useState(false);
  const [logging, setLogging] = useState(false);
  const call = context.call;
  const person = context.correspondents[0];
  if (!call) return null;
  const ended = call.state === 'ended';
  const logged = Boolean(context.loggedCallId);
  const showForm = !logged && !dismissed && (ended || logging);

  return (
    <div className="call" data-call-state={call.state} data-direction={call.direction}>
      <p className="call-status">
        <strong>{call.direction === 'in' ? 'Incoming call' : 'Outgoing call'}</strong> · {STATE_LABELS[call.state]}
        {call.durationSec !== null && call.durationSec > 0 && <span> · {clock(call.durationSec)}</span>}
        {person?.phone && <span className="muted"> · {person.phone.shown}</span>}
      </p>
      {person && <CorrespondentSection person={person} repeatedClientIds={repeatedClientIds} />}
      {logged && <p className="saved small" data-testid="call-logged">This call is logged.</p>}
      {showForm ? (
        <LogCallForm
          key={context.id}
          draft={{
            channelRef: context.callRef,
            number: person?.phone?.international ?? person?.phone?.shown ?? '',
            direction: call.direction,
            durationSec: call.durationSec,
            choices: callChoices(person),
          }}
          onDone={() => setLogging(false)}
          onCancel={() => (ended ? setDismissed(true) : setLogging(false))}
        />
      ) : (
        !logged && <button type="button" className="link" onClick={() => setLogging(true)}>Log this call</button>
      )}
    </div>
  );
}
