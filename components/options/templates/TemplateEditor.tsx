import { useCallback, useEffect, useMemo, useState } from 'react';
import { removeRemoteContent } from '@/lib/domain/remote-content';
import { sanitizeTemplateHtml } from '@/lib/domain/sanitize';
import { TEMPLATE_VARIABLES, variablesInAddresses } from '@/lib/domain/templates';
import { TEMPLATE_KINDS, type Template, type TemplateKind } from '@/lib/domain/types';
import type { TemplateFieldsInput } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { useAction } from '../../use-action';
import { TemplatePreview } from './TemplatePreview';

// Issue 12.10: what the editor says about content that would reach a server.
const REMOTE_REMOVED = 'Remote images were removed: they would tell the image’s server who opened the mail and which client it was about.';
const REMOTE_WILL_GO = 'This template loads images or styles from the internet. They are removed when you save: they would tell their server who opened the mail and which client it was about. Images pasted into the mail itself (data:) stay.';
const unfilledNote = (names: string[]) =>
  `Not filled in inside a link or image address: ${names.map((n) => `{{${n}}}`).join(', ')}. Client data never goes into an address, where it would reach that server; the address is used without it.`;

const EMPTY: TemplateFieldsInput = { name: '', subject: '', bodyHtml: '', kind: 'offer', countsAsOffer: true };

/** Templates: list, edit with a live preview for a chosen client, save, delete. */
export function TemplateEditor() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fields, setFields] = useState<TemplateFieldsInput>(EMPTY);
  const [saved, setSaved] = useState(false);
  const [removedAtSave, setRemovedAtSave] = useState(false);
  const action = useAction();
  const remote = useMemo(() => removeRemoteContent(fields.bodyHtml), [fields.bodyHtml]);
  const unfilled = useMemo(() => variablesInAddresses(fields.bodyHtml), [fields.bodyHtml]);

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
    setRemovedAtSave(false);
    setFields((f) => ({ ...f, [key]: value }));
  };

  const save = () =>
    action.run<Template>(
      // Stored clean: the body is sanitized here (a DOM is needed), and again when inserted into a mail.
      { type: 'optionsToBackground.saveTemplate', id: selectedId ?? undefined, fields: { ...fields, bodyHtml: sanitizeTemplateHtml(remote.html) } },
      (template) => {
        setSaved(true);
        setRemovedAtSave(remote.removed > 0);
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
          {(remote.removed > 0 || unfilled.length > 0) && (
            <>
              <span />
              <div className="warning small" data-testid="template-address-notes">
                {remote.removed > 0 && <p>{REMOTE_WILL_GO}</p>}
                {unfilled.length > 0 && <p>{unfilledNote(unfilled)}</p>}
              </div>
            </>
          )}
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
            {removedAtSave && <span className="warning" role="status">{REMOTE_REMOVED}</span>}
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
