import { useEffect, useState } from 'react';
import { sanitizeTemplateHtml } from '@/lib/domain/sanitize';
import type { TemplateFieldsInput } from '@/lib/messaging/protocol';
import type { ClientSearchHit } from '@/lib/messaging/views';
import { sendToBackground } from '@/lib/messaging/send';

interface Rendered {
  subject: string;
  html: string;
  missing: string[];
}

/** Live preview of a template for a client chosen by search. */
export function TemplatePreview({ fields }: { fields: TemplateFieldsInput }) {
  const [query, setQuery] = useState('');
  const [found, setHits] = useState<ClientSearchHit[]>([]);
  const hits = query.trim().length >= 2 ? found : [];
  const [client, setClient] = useState<ClientSearchHit['client'] | null>(null);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const timer = setTimeout(() => void sendToBackground<ClientSearchHit[]>({ type: 'pageToBackground.searchClients', query }).then(setHits), 150);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (!fields.name.trim()) return;
    const timer = setTimeout(() => {
      sendToBackground<Rendered>({ type: 'optionsToBackground.previewTemplate', fields, clientId: client?.id ?? null, values: {} }).then(
        (r) => (setRendered(r), setError(null)),
        (e: Error) => setError(e.message),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [fields, client]);

  return (
    <div className="preview" aria-label="Preview">
      <h3>Preview {client ? `for ${client.name}` : 'without a client'}</h3>
      <input type="search" placeholder="Preview for a client…" aria-label="Preview for a client" value={query} onChange={(e) => setQuery(e.target.value)} />
      {hits.length > 0 && (
        <ul className="hits">
          {hits.map((h) => (
            <li key={h.client.id}>
              <button type="button" className="link" onClick={() => (setClient(h.client), setQuery(''), setHits([]))}>
                {h.client.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error">{error}</p>}
      {rendered && (
        <>
          <p>
            <strong>Subject:</strong> <span data-testid="preview-subject">{rendered.subject}</span>
          </p>
          {rendered.missing.length > 0 && <p className="warning small">Asked before inserting: {rendered.missing.join(', ')}</p>}
          {/* Sanitized with DOMPurify: the same rules as insertion into a mail. */}
          <div className="preview-body" data-testid="preview-body" dangerouslySetInnerHTML={{ __html: sanitizeTemplateHtml(rendered.html) }} />
        </>
      )}
    </div>
  );
}
