import { useState, type FormEvent } from 'react';
import type { ClientSearchHit } from '@/lib/messaging/views';
import { sendToBackground } from '@/lib/messaging/send';
import { LogCallForm, type LogCallDraft } from '../calls/LogCallForm';

// "Log a call" from the popup (issue 6): type the number (it finds whose it is; a shared number
// asks which client) or a client's name (then pick the client and, if it has several, the phone).

interface PhoneMatch {
  phone: { raw: string; e164: string; ext: string | null } | null;
  error: string | null;
  matches: { clientId: string; clientName: string; contactId: string | null; contactName: string }[];
  shared: boolean;
}

const looksLikeNumber = (text: string) => text.replace(/\D/g, '').length >= 5 && !/[a-zа-яё]{2}/i.test(text);

export function LogCallPanel({ onLogged }: { onLogged(): void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[]>([]);
  const [draft, setDraft] = useState<LogCallDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setHits([]);
    try {
      if (looksLikeNumber(query)) {
        const found = await sendToBackground<PhoneMatch>({ type: 'pageToBackground.matchPhone', number: query });
        if (found.error) return setError(found.error);
        setDraft({
          number: query,
          direction: 'out',
          durationSec: null,
          choices: found.matches.map((m) => ({ clientId: m.clientId, contactId: m.contactId, label: m.contactName ? `${m.clientName} · ${m.contactName}` : m.clientName })),
        });
      } else {
        const found = await sendToBackground<ClientSearchHit[]>({ type: 'pageToBackground.searchClients', query });
        if (found.length === 0) setError('No client matches. Type the number instead to log a call to someone not in your base.');
        setHits(found);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const pick = ({ client, contacts }: ClientSearchHit) => {
    const contact = contacts.find((c) => c.phones.length > 0) ?? contacts[0] ?? null;
    const phone = contact?.phones[0] ?? client.phones[0];
    setHits([]);
    setDraft({
      number: phone?.raw ?? '',
      direction: 'out',
      durationSec: null,
      choices: [{ clientId: client.id, contactId: contact?.id ?? null, label: contact?.name ? `${client.name} · ${contact.name}` : client.name }],
    });
  };

  if (!open) {
    return (
      <section className="pad" aria-label="Calls">
        <button type="button" onClick={() => { setOpen(true); setSaved(false); }}>Log a call</button>
        {saved && <span className="saved small"> Call logged.</span>}
      </section>
    );
  }
  return (
    <section className="pad log-call-panel" aria-label="Calls">
      {draft ? (
        <LogCallForm
          draft={draft}
          onDone={() => {
            setDraft(null);
            setOpen(false);
            setQuery('');
            setSaved(true);
            onLogged();
          }}
          onCancel={() => setDraft(null)}
        />
      ) : (
        <form onSubmit={(e) => void find(e)} aria-label="Whose call">
          <input className="wide" autoFocus aria-label="Number or client" placeholder="Number, or client's name" value={query} onChange={(e) => setQuery(e.target.value)} />
          <div className="buttons">
            <button type="submit" disabled={query.trim().length < 2}>Next</button>
            <button type="button" className="link" onClick={() => setOpen(false)}>Cancel</button>
          </div>
          {hits.length > 0 && (
            <ul className="hits" aria-label="Clients">
              {hits.map((hit) => (
                <li key={hit.client.id}>
                  <button type="button" className="link" onClick={() => pick(hit)}>{hit.client.name}</button>
                </li>
              ))}
            </ul>
          )}
          {error && <p className="error" role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}
