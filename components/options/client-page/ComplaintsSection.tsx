import { useId, useMemo, useState, type FormEvent } from 'react';
import { dayKey } from '@/lib/domain/day-key';
import { formatDay } from '@/lib/domain/format';
import { COMPLAINT_STATUSES, type Complaint, type ComplaintStatus } from '@/lib/domain/types';
import type { ComplaintFieldsInput } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';

// The client's complaints (issue 7), followed to their resolution: the open ones first. Opening and
// resolving go on the timeline (the background does that); removal is for one entered by mistake.

type Write = <T>(run: () => Promise<T>, what: string) => Promise<T | null>;

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { open: 'Open', 'in-progress': 'In progress', resolved: 'Resolved' };

interface ComplaintFormProps {
  complaint: Complaint | null;
  onSubmit(fields: ComplaintFieldsInput): void;
  onCancel(): void;
}

function ComplaintForm({ complaint, onSubmit, onCancel }: ComplaintFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    if (!value('subject')) return setError('The complaint needs a subject');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value('openedAt'))) return setError('Enter the date the complaint was opened');
    setError(null);
    onSubmit({
      openedAt: value('openedAt'),
      subject: value('subject'),
      details: value('details'),
      status: value('status') as ComplaintStatus,
      resolution: value('resolution'),
    });
  };
  return (
    <form className="contact-form grid complaint-form" onSubmit={submit} aria-label="Complaint">
      <label htmlFor={`${id}-opened`}>Date opened</label>
      <input id={`${id}-opened`} name="openedAt" type="date" aria-required="true" defaultValue={complaint?.openedAt ?? dayKey(new Date())} />
      <label htmlFor={`${id}-subject`}>Subject</label>
      <input id={`${id}-subject`} name="subject" aria-required="true" autoFocus defaultValue={complaint?.subject ?? ''} placeholder="Short delivery on invoice 341" />
      <label htmlFor={`${id}-details`}>Details</label>
      <textarea id={`${id}-details`} name="details" rows={3} defaultValue={complaint?.details ?? ''} />
      <label htmlFor={`${id}-status`}>Status</label>
      <select id={`${id}-status`} name="status" defaultValue={complaint?.status ?? 'open'}>
        {COMPLAINT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {COMPLAINT_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-resolution`}>Resolution</label>
      <textarea id={`${id}-resolution`} name="resolution" rows={2} defaultValue={complaint?.resolution ?? ''} placeholder="What was done about it" />
      {error && (
        <p className="error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {error}
        </p>
      )}
      <span />
      <span className="buttons">
        <button type="submit">Save complaint</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </span>
    </form>
  );
}

interface ComplaintsSectionProps {
  clientId: string;
  complaints: Complaint[];
  write: Write;
}

export function ComplaintsSection({ clientId, complaints, write }: ComplaintsSectionProps) {
  // The complaint being edited, 'new' for a new one, or null.
  const [editing, setEditing] = useState<string | null>(null);
  // Open and in-progress ones first; within each, the order given (the latest opened first).
  const shown = useMemo(() => [...complaints].sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved')), [complaints]);
  const open = complaints.filter((c) => c.status !== 'resolved').length;

  const save = (complaint: Complaint | null, fields: ComplaintFieldsInput) =>
    void write(
      () => sendToBackground<Complaint>({ type: 'pageToBackground.saveComplaint', clientId, complaintId: complaint?.id ?? null, fields, expectedUpdatedAt: complaint?.updatedAt }),
      complaint ? `The complaint "${complaint.subject}"` : 'The new complaint',
    ).then((saved) => saved && setEditing(null));

  const remove = (complaint: Complaint) => {
    if (!confirm(`Remove the complaint "${complaint.subject}"? Use this for one entered by mistake; a settled one is marked Resolved.`)) return;
    void write(() => sendToBackground({ type: 'pageToBackground.deleteComplaint', complaintId: complaint.id }), 'Removing the complaint');
  };

  return (
    <section aria-label="Complaints">
      <h3>
        Complaints ({complaints.length}){open > 0 && <span className="warning"> · {open} open</span>}
      </h3>
      {complaints.length === 0 && editing !== 'new' && <p className="muted">No complaints.</p>}
      <ul className="contact-list complaint-list">
        {shown.map((complaint) =>
          editing === complaint.id ? (
            <li key={complaint.id}>
              {/* Keyed by version: a refused stale edit reloads the complaint and shows the latest one. */}
              <ComplaintForm key={complaint.updatedAt} complaint={complaint} onSubmit={(f) => save(complaint, f)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={complaint.id} data-testid="complaint" data-status={complaint.status}>
              <strong>{complaint.subject}</strong>{' '}
              <span className={complaint.status === 'resolved' ? 'status status-inactive' : 'status complaint-open'}>{COMPLAINT_STATUS_LABELS[complaint.status]}</span>
              <div className="small muted">
                Opened {formatDay(complaint.openedAt)}
                {complaint.resolvedAt && ` · resolved ${formatDay(complaint.resolvedAt)}`}
              </div>
              {complaint.details && <div className="small summary">{complaint.details}</div>}
              {complaint.resolution && (
                <div className="small summary">
                  <span className="muted">Resolution: </span>
                  {complaint.resolution}
                </div>
              )}
              <span className="buttons">
                <button type="button" className="link" aria-label={`Edit complaint ${complaint.subject}`} onClick={() => setEditing(complaint.id)}>Edit</button>
                <button type="button" className="link" aria-label={`Remove complaint ${complaint.subject}`} onClick={() => remove(complaint)}>Remove</button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <ComplaintForm complaint={null} onSubmit={(f) => save(null, f)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>Add complaint</button>
      )}
    </section>
  );
}
