import { useState, type FormEvent } from 'react';
import { CALL_OUTCOMES, OUTCOME_LABELS, type CallOutcome } from '@/lib/domain/calls';
import { useAction } from '../use-action';

// "Log a call" (issue 6): number or client, in or out, outcome, duration, offer made, note, next
// contact. Shared by the sidebar (pre-filled from the softphone or a click-to-call) and the popup.
// A number shared by several clients (a switchboard) must be given a client before it is logged.

export interface CallClientChoice {
  clientId: string;
  contactId: string | null;
  label: string;
}

export interface LogCallDraft {
  /** Completes this call activity (a click-to-call attempt, or a call logged before). */
  callId?: string;
  /** The softphone's id of the call: the key against logging it twice. */
  channelRef?: string;
  number: string;
  direction: 'in' | 'out';
  durationSec: number | null;
  /** The clients the number belongs to; one is chosen when there is one. */
  choices: CallClientChoice[];
}

const formatDuration = (sec: number | null) => (sec === null ? '' : `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`);

/** "3:20", "200", "3 min", "" → seconds (null for empty); NaN when it cannot be read. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const minutes = /^(\d{1,3})\s*(?:m|min|мин)\.?$/i.exec(t);
  if (minutes) return Number(minutes[1]) * 60;
  return /^\d{1,5}$/.test(t) ? Number(t) : Number.NaN;
}

export function LogCallForm({ draft, onDone, onCancel }: { draft: LogCallDraft; onDone(): void; onCancel?(): void }) {
  const [number, setNumber] = useState(draft.number);
  const [choice, setChoice] = useState(draft.choices.length === 1 ? 0 : -1);
  const [direction, setDirection] = useState(draft.direction);
  const [outcome, setOutcome] = useState<CallOutcome>(draft.durationSec ? 'reached' : 'no-answer');
  const [duration, setDuration] = useState(formatDuration(draft.durationSec));
  const [offer, setOffer] = useState(false);
  const [note, setNote] = useState('');
  const [nextContactAt, setNextContactAt] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const action = useAction();
  const chosen = choice >= 0 ? draft.choices[choice] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const durationSec = parseDuration(duration);
    if (Number.isNaN(durationSec)) return setFormError(`Duration "${duration}": write minutes:seconds, e.g. 3:20`);
    if (draft.choices.length > 1 && !chosen) return setFormError('This number belongs to several clients: choose whose call it was.');
    void action.run(
      {
        type: 'pageToBackground.logCall',
        ...(draft.callId ? { callId: draft.callId } : {}),
        ...(draft.channelRef ? { channelRef: draft.channelRef } : {}),
        clientId: chosen?.clientId ?? null,
        contactId: chosen?.contactId ?? null,
        number,
        direction,
        outcome,
        durationSec,
        offer,
        note,
        nextContactAt: nextContactAt || null,
      },
      onDone,
    );
  };

  return (
    <form className="edit-form log-call" onSubmit={submit} aria-label="Log a call">
      <label>
        Number <input name="number" type="tel" value={number} onChange={(e) => setNumber(e.target.value)} required />
      </label>
      {draft.choices.length > 1 && (
        <label>
          Client (this number is shared)
          <select value={choice} onChange={(e) => setChoice(Number(e.target.value))} aria-label="Whose call">
            <option value={-1}>Choose…</option>
            {draft.choices.map((c, i) => (
              <option key={`${c.clientId}:${c.contactId ?? ''}`} value={i}>{c.label}</option>
            ))}
          </select>
        </label>
      )}
      {draft.choices.length === 1 && <p className="small">Client: {draft.choices[0]!.label}</p>}
      <fieldset className="inline-choice">
        <legend>Direction</legend>
        <label><input type="radio" name="direction" checked={direction === 'out'} onChange={() => setDirection('out')} /> Outgoing</label>
        <label><input type="radio" name="direction" checked={direction === 'in'} onChange={() => setDirection('in')} /> Incoming</label>
      </fieldset>
      <label>
        Outcome
        <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as CallOutcome)}>
          {CALL_OUTCOMES.map((o) => (
            <option key={o} value={o}>{OUTCOME_LABELS[o]}</option>
          ))}
        </select>
      </label>
      <label>
        Duration (min:sec) <input name="duration" value={duration} onChange={(e) => setDuration(e.target.value)} placeholder="3:20" inputMode="numeric" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={offer} onChange={(e) => setOffer(e.target.checked)} /> Commercial offer made
      </label>
      <label>
        Note <textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        Next contact <input name="nextContactAt" type="date" value={nextContactAt} onChange={(e) => setNextContactAt(e.target.value)} />
      </label>
      {(formError ?? action.error) && <p className="error" role="alert">{formError ?? action.error}</p>}
      <div className="buttons">
        <button type="submit" disabled={action.busy}>Save call</button>
        {onCancel && <button type="button" className="link" onClick={onCancel}>Not now</button>}
      </div>
    </form>
  );
}
