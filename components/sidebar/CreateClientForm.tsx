import { useState, type FormEvent } from 'react';
import type { NewCardDraft } from '@/lib/messaging/views';
import { useAction } from '../use-action';

/** "Create client card", pre-filled from the display name, address and domain. */
export function CreateClientForm({ draft, onDone }: { draft: NewCardDraft; onDone: () => void }) {
  const [company, setCompany] = useState(draft.companyName);
  const [domain, setDomain] = useState(draft.domain ?? '');
  const [contactName, setContactName] = useState(draft.contactName);
  const [position, setPosition] = useState('');
  const [email, setEmail] = useState(draft.email ?? '');
  const [phone, setPhone] = useState(draft.phone ?? '');
  const action = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hasContact = Boolean(contactName.trim() || email.trim() || phone.trim());
    void action.run(
      {
        type: 'sidebarToBackground.createClient',
        client: { name: company, domains: domain.trim() ? [domain.trim()] : [], status: 'prospect' },
        contact: hasContact ? { name: contactName, email: email.trim() || null, position, phone } : null,
      },
      onDone,
    );
  };

  return (
    <form className="edit-form create-form" onSubmit={submit} aria-label="New client card">
      <label>
        Company <input name="company" value={company} onChange={(e) => setCompany(e.target.value)} required />
      </label>
      <label>
        Company domain <input name="domain" value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="none for a private client" />
      </label>
      <label>
        Contact <input name="contact" value={contactName} onChange={(e) => setContactName(e.target.value)} />
      </label>
      <label>
        Position <input name="position" value={position} onChange={(e) => setPosition(e.target.value)} />
      </label>
      <label>
        E-mail <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Phone <input name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      {action.error && <p className="error" role="alert">{action.error}</p>}
      <div className="buttons">
        <button type="submit" disabled={action.busy}>
          Save card
        </button>
        <button type="button" className="link" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
