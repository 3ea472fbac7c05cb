import { useCallback, useEffect, useState } from 'react';
import { sanitizeTemplateHtml } from '@/lib/domain/sanitize';
import { TEMPLATE_VARIABLES } from '@/lib/domain/templates';
import { TEMPLATE_KINDS, type Template, type TemplateKind } from '@/lib/domain/types';
import type { TemplateFieldsInput } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { useAction } from '../use-action';
import { TemplatePreview } from './TemplatePreview';

const EMPTY: TemplateFieldsInput = { name: '', subject: '', bodyHtml: '', kind: 'offer', countsAsOffer: true };

/** Templates: list, edit with a live preview for a chosen client, save, delete. */
export function TemplateEditor() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fields, setFields] = useState<TemplateFieldsInput>(EMPTY);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const show = useCallback((list: Template[], select?: string | null) => {
    setTemplates(list);
    const chosen = list.find((t) => t.id === (select === undefined ? list[0]?.id : select));
    setSelectedId(chosen?.id ?? null);
    setFields(chosen ? pickFields(chosen) : EMPTY);
  }, []);
  const reload = useCallback(
    (select?: string | null) => sendToBackground<Template[]>({ type: 'optionsToBackground.listTemplates' }).then((list) => show(list, select)),
    [show],
  );
  useEffect(() => {
    let live = true;
    void sendToBackground<Template[]>({ type: 'optionsToBackground.listTemplates' }).then((list) => live && show(list));
    return () => {
      live = false;
    };
  }, [show]);

  const set = <K extends keyof TemplateFieldsInput>(key: K, value: TemplateFieldsInput[K]) => {
    setSaved(false);
    setFields((f) => ({ ...f, [key]: value }));
  };

  const save = () =>
    action.run<Template>(
      // Stored clean: the body is sanitized here (a DOM is needed), and again when inserted into a mail.
      { type: 'optionsToBackground.saveTemplate', id: selectedId ?? undefined, fields: { ...fields, bodyHtml: sanitizeTemplateHtml(fields.bodyHtml) } },
      (template) => {
        setSaved(true);
        void reload(template.id);
      },
    );
  const remove = () => selectedId && action.run({ type: 'optionsToBackground.deleteTemplate', id: selectedId }, () => void reload());

  return (
    <section aria-label="Templates">
      <h2>Templates</h2>
      <div className="template-editor">
        <ul className="template-index">
          {templates.map((t) => (
            <li key={t.id}>
              <button type="button" className={t.id === selectedId ? 'link selected' : 'link'} onClick={() => void reload(t.id)}>
                {t.name}
              </button>
              {t.countsAsOffer && <span className="offer-tag"> offer</span>}
            </li>
          ))}
          <li>
            <button type="button" className="link" onClick={() => (setSelectedId(null), setFields({ ...EMPTY, name: 'New template' }), setSaved(false))}>
              + New template
            </button>
          </li>
        </ul>
        <form className="grid" aria-label="Template" onSubmit={(e) => (e.preventDefault(), void save())}>
          <label htmlFor="t-name">Name</label>
          <input id="t-name" value={fields.name} onChange={(e) => set('name', e.target.value)} required />
          <label htmlFor="t-kind">Kind</label>
          <select id="t-kind" value={fields.kind} onChange={(e) => set('kind', e.target.value as TemplateKind)}>
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <label htmlFor="t-offer">Counts as a commercial offer</label>
          <input id="t-offer" type="checkbox" checked={fields.countsAsOffer} onChange={(e) => set('countsAsOffer', e.target.checked)} />
          <label htmlFor="t-subject">Subject</label>
          <input id="t-subject" value={fields.subject} onChange={(e) => set('subject', e.target.value)} />
          <label htmlFor="t-body">Body (HTML)</label>
          <textarea id="t-body" rows={12} value={fields.bodyHtml} onChange={(e) => set('bodyHtml', e.target.value)} spellCheck={false} />
          <span />
          <div className="buttons">
            <button type="submit" disabled={action.busy}>
              Save template
            </button>
            {selectedId && (
              <button type="button" className="link" onClick={() => void remove()}>
                Delete
              </button>
            )}
            {saved && <span className="saved">Saved</span>}
            {action.error && <span className="error" role="alert">{action.error}</span>}
          </div>
        </form>
      </div>
      <details className="small">
        <summary>Variables</summary>
        <p>
          Write <code>{'{{client.name}}'}</code>, or with a default <code>{'{{contact.first_name|colleague}}'}</code>. A variable with no value and no default is asked
          for before the template is inserted.
        </p>
        <ul>
          {TEMPLATE_VARIABLES.map((v) => (
            <li key={v.name}>
              <code>{`{{${v.name}}}`}</code> {v.description}
            </li>
          ))}
        </ul>
      </details>
      <TemplatePreview fields={fields} />
    </section>
  );
}

function pickFields({ name, subject, bodyHtml, kind, countsAsOffer }: Template): TemplateFieldsInput {
  return { name, subject, bodyHtml, kind, countsAsOffer };
}
