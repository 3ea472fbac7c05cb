import { useState, type FormEvent } from 'react';
import { matchesTemplateSearch } from '@/lib/domain/templates';
import type { ContextView, InsertTemplateReply, TemplateSummary } from '@/lib/messaging/views';
import { useAction } from '../use-action';

/** For one compose: one-click templates, what is inserted, and the "commercial offer" toggle. */
export function ComposeTools({ context, templates }: { context: ContextView; templates: TemplateSummary[] }) {
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<{ templateId: string; missing: string[] } | null>(null);
  const [inserted, setInserted] = useState<string | null>(null);
  const action = useAction();
  const offer = context.offer;
  // A click shows at once; once the background's view changes, the view decides again.
  const [clicked, setClicked] = useState<{ value: boolean; over: boolean } | null>(null);
  if (!offer) return null;
  const isOfferShown = clicked && clicked.over === offer.isOffer ? clicked.value : offer.isOffer;
  const shown = templates.filter((t) => matchesTemplateSearch(t, query));

  const insert = (templateId: string, values: Record<string, string> = {}) =>
    action.run<InsertTemplateReply>({ type: 'sidebarToBackground.insertTemplate', contextId: context.id, templateId, values }, (reply) => {
      if (reply.inserted) {
        setAsking(null);
        setInserted(templates.find((t) => t.id === templateId)?.name ?? null);
      } else setAsking({ templateId, missing: reply.missing });
    });

  const submitValues = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!asking) return;
    const form = new FormData(event.currentTarget);
    void insert(asking.templateId, Object.fromEntries(asking.missing.map((name) => [name, String(form.get(name) ?? '')])));
  };

  return (
    <div className="compose-tools" data-compose-id={context.id}>
      <label className="offer-toggle">
        <input
          type="checkbox"
          checked={isOfferShown}
          onChange={(e) => {
            setClicked({ value: e.target.checked, over: offer.isOffer });
            void action.run({ type: 'sidebarToBackground.markOffer', contextId: context.id, offer: e.target.checked });
          }}
        />{' '}
        This mail is a commercial offer
      </label>
      {offer.templates.length > 0 && (
        <p className="small inserted-templates">
          Inserted: {offer.templates.map((t) => t.name).join(', ')}
        </p>
      )}
      <details className="templates" open={context.focused}>
        <summary>Templates</summary>
        <input type="search" placeholder="Search templates…" aria-label="Search templates" value={query} onChange={(e) => setQuery(e.target.value)} />
        <ul className="template-list">
          {shown.map((t) => (
            <li key={t.id}>
              <button type="button" className="template" data-template-id={t.id} disabled={action.busy} onClick={() => void insert(t.id)} title={t.subject}>
                {t.name}
                {t.countsAsOffer && <span className="offer-tag">offer</span>}
              </button>
            </li>
          ))}
          {shown.length === 0 && <li className="muted small">No template matches.</li>}
        </ul>
      </details>
      {asking && (
        <form className="edit-form" onSubmit={submitValues} aria-label="Template values">
          <p className="small">The template needs these values before it can be inserted:</p>
          {asking.missing.map((name) => (
            <label key={name}>
              {name} <input name={name} required />
            </label>
          ))}
          <div className="buttons">
            <button type="submit" disabled={action.busy}>
              Insert
            </button>
            <button type="button" className="link" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {inserted && !action.error && <p className="saved small" role="status">Inserted “{inserted}”.</p>}
      {action.error && <p className="error" role="alert">{action.error}</p>}
    </div>
  );
}
