import { useState, type FormEvent } from 'react';
import type { Contact } from '@/lib/domain/types';
import type { ContactFieldsInput } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { CallButton, type StartedCall } from '../../calls/CallButton';
import { LogCallForm } from '../../calls/LogCallForm';
import { splitListInput } from './AutoField';

// The client's contacts, each with several e-mails and phones; added, edited and removed here.

type Write = <T>(run: () => Promise<T>, what: string) => Promise<T | null>;

function ContactForm({ contact, onSubmit, onCancel }: { contact: Contact | null; onSubmit(fields: ContactFieldsInput): void; onCancel(): void }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    onSubmit({
      name: value('name'),
      position: value('position'),
      emails: splitListInput(value('emails')),
      phones: splitListInput(value('phones'), /[;\n]+/),
      birthday: value('birthday') || null,
      decisionMaker: form.get('decisionMaker') === 'on',
    });
  };
  return (
    <form className="contact-form grid" onSubmit={submit} aria-label={contact ? `Edit ${contact.name || 'contact'}` : 'New contact'}>
      <label htmlFor="c-name">Name</label>
      <input id="c-name" name="name" defaultValue={contact?.name ?? ''} autoFocus />
      <label htmlFor="c-position">Position</label>
      <input id="c-position" name="position" defaultValue={contact?.position ?? ''} />
      <label htmlFor="c-emails">E-mails</label>
      <input id="c-emails" name="emails" defaultValue={contact?.emails.join(', ') ?? ''} placeholder="ivan@acme.ru, sales@acme.ru" />
      <label htmlFor="c-phones">Phones (one per line)</label>
      <textarea id="c-phones" name="phones" rows={2} defaultValue={contact?.phones.map((p) => p.raw).join('\n') ?? ''} placeholder="+7 495 123-45-67 доб. 123" />
      <label htmlFor="c-birthday">Birthday</label>
      <input id="c-birthday" name="birthday" type="date" defaultValue={contact?.birthday ?? ''} />
      <label htmlFor="c-dm">Decision maker</label>
      <input id="c-dm" name="decisionMaker" type="checkbox" defaultChecked={contact?.decisionMaker ?? false} />
      <span />
      <span className="buttons">
        <button type="submit">Save contact</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </span>
    </form>
  );
}

export function ContactsEditor({ clientId, contacts, write }: { clientId: string; contacts: Contact[]; write: Write }) {
  // The contact being edited, 'new' for a new one, or null.
  const [editing, setEditing] = useState<string | null>(null);
  // A click-to-call just made from here: its outcome form shows until it is saved.
  const [started, setStarted] = useState<StartedCall | null>(null);

  const save = (contact: Contact | null, fields: ContactFieldsInput) =>
    void write(
      () =>
        sendToBackground<Contact>({
          type: 'optionsToBackground.saveContact',
          clientId,
          contactId: contact?.id ?? null,
          fields,
          expectedUpdatedAt: contact?.updatedAt,
        }),
      contact ? `Contact ${contact.name}` : 'The new contact',
    ).then((saved) => saved && setEditing(null));

  const remove = (contact: Contact) => {
    if (!confirm(`Remove the contact ${contact.name || contact.emails[0] || ''}?`)) return;
    void write(() => sendToBackground({ type: 'optionsToBackground.deleteContact', contactId: contact.id }), 'Removing the contact');
  };

  return (
    <section aria-label="Contacts">
      <h3>Contacts ({contacts.length})</h3>
      <ul className="contact-list">
        {contacts.map((contact) =>
          editing === contact.id ? (
            <li key={contact.id}>
              <ContactForm contact={contact} onSubmit={(f) => save(contact, f)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={contact.id} data-testid="contact">
              <strong>{contact.name || '(no name)'}</strong>
              {contact.position && <span className="muted"> · {contact.position}</span>}
              {contact.decisionMaker && <span className="status"> decision maker</span>}
              <div className="small">
                {contact.emails.join(' · ')}
                {contact.phones.map((p) => (
                  <span key={`${p.e164}${p.ext ?? ''}`}>
                    {' · '}
                    <CallButton phone={p} clientId={clientId} contactId={contact.id} onStarted={setStarted} />
                  </span>
                ))}
                {contact.birthday && ` · birthday ${contact.birthday}`}
              </div>
              <span className="buttons">
                <button type="button" className="link" onClick={() => setEditing(contact.id)}>Edit</button>
                <button type="button" className="link" onClick={() => remove(contact)}>Remove</button>
              </span>
            </li>
          ),
        )}
      </ul>
      {started && (
        <LogCallForm
          key={started.callId}
          draft={{ callId: started.callId, number: started.number, direction: 'out', durationSec: null, choices: [{ clientId, contactId: started.contactId, label: contacts.find((c) => c.id === started.contactId)?.name ?? '' }] }}
          onDone={() => {
            setStarted(null);
            void write(async () => null, 'The call');
          }}
          onCancel={() => setStarted(null)}
        />
      )}
      {editing === 'new' ? (
        <ContactForm contact={null} onSubmit={(f) => save(null, f)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>Add contact</button>
      )}
    </section>
  );
}
