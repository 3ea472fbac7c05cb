import { useMemo, useState } from 'react';
import { ACTIVITY_LABELS, formatDay } from '@/lib/domain/format';
import type { Activity, ActivityType, Contact } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';

// The client's whole timeline (mails, offers, calls, notes, merges), newest first, with filters and
// a note box. A retracted offer stays listed and says so: activities are facts, never erased.

type Write = <T>(run: () => Promise<T>, what: string) => Promise<T | null>;

const FILTERS: { label: string; types: readonly ActivityType[] | null }[] = [
  { label: 'All', types: null },
  { label: 'Offers', types: ['email_offer', 'phone_offer'] },
  { label: 'Mails', types: ['email', 'email_offer'] },
  { label: 'Calls', types: ['call', 'phone_offer'] },
  { label: 'Notes', types: ['note'] },
  { label: 'Other', types: ['meeting', 'contract', 'complaint', 'greeting', 'merge'] },
];

export function Timeline({ clientId, activities, contacts, write }: { clientId: string; activities: Activity[]; contacts: Contact[]; write: Write }) {
  const [filter, setFilter] = useState(0);
  const [note, setNote] = useState('');
  const retracted = useMemo(() => new Set(activities.filter((a) => a.type === 'retraction').map((a) => a.retractsId)), [activities]);
  const names = useMemo(() => new Map(contacts.map((c) => [c.id, c.name])), [contacts]);
  const types = FILTERS[filter]?.types ?? null;
  const shown = activities.filter((a) => a.type !== 'retraction' && (types === null || types.includes(a.type)));

  const addNote = () =>
    void write(() => sendToBackground({ type: 'pageToBackground.addNote', clientId, contactId: null, text: note }), 'The note').then((saved) => saved && setNote(''));

  return (
    <section aria-label="Timeline">
      <h3>Timeline</h3>
      <div className="note-form">
        <textarea aria-label="New note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Called, wants the price list for Q1…" />
        <button type="button" disabled={!note.trim()} onClick={addNote}>Add note</button>
      </div>
      <div className="filter-chips" role="group" aria-label="Show">
        {FILTERS.map((f, i) => (
          <button key={f.label} type="button" className={i === filter ? 'chip selected' : 'chip'} aria-pressed={i === filter} onClick={() => setFilter(i)}>
            {f.label}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">Nothing here yet.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {shown.map((a) => (
            <li key={a.id} data-type={a.type}>
              <span className="muted">{formatDay(a.at)}</span> <strong>{ACTIVITY_LABELS[a.type]}</strong>
              {retracted.has(a.id) && <span className="warning"> (undone)</span>}
              {a.contactId && names.get(a.contactId) && <span className="muted"> · {names.get(a.contactId)}</span>}
              {a.summary && <div className="summary">{a.summary}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
