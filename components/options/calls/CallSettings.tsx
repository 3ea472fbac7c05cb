import { useEffect, useState, type FormEvent } from 'react';
import { CALLING_METHODS, type CallingMethod, type Settings } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';
import { useAction } from '../../use-action';
import { ThreecxHosts } from './ThreecxHosts';

// Calls (issue 6): how a click on a phone number places the call, and the 3CX web clients the
// sidebar is injected into (ThreecxHosts.tsx).

const METHOD_LABELS: Record<CallingMethod, string> = {
  tel: 'The system phone app (tel: links: desktop softphones, Skype, Zoiper, MicroSIP…)',
  'google-voice': 'Google Voice in the browser',
  '3cx': 'The 3CX web client',
  custom: 'Another web softphone (a link with {number})',
};

export function CallSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [method, setMethod] = useState<CallingMethod>('tel');
  const [saved, setSaved] = useState(false);
  const action = useAction();

  useEffect(() => {
    void sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then((s) => {
      setSettings(s);
      setMethod(s.calling.method);
    });
  }, []);
  if (!settings) return null;

  const saveCalling = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const calling = { method, threecxUrl: String(form.get('threecxUrl') ?? '').trim(), customUrl: String(form.get('customUrl') ?? '').trim() };
    void action.run<Settings>({ type: 'optionsToBackground.saveSettings', patch: { calling } }, (next) => {
      setSettings(next);
      setSaved(true);
    });
  };

  return (
    <section aria-label="Calls">
      <h2>Calls</h2>
      <form className="grid" onSubmit={saveCalling} aria-label="Calling method">
        <label htmlFor="callingMethod">A click on a phone number calls with</label>
        <select id="callingMethod" value={method} onChange={(e) => setMethod(e.target.value as CallingMethod)}>
          {CALLING_METHODS.map((m) => (
            <option key={m} value={m}>{METHOD_LABELS[m]}</option>
          ))}
        </select>
        <label htmlFor="threecxUrl">3CX web client address</label>
        <input id="threecxUrl" name="threecxUrl" defaultValue={settings.calling.threecxUrl} placeholder="https://pbx.example.com" disabled={method !== '3cx'} />
        <label htmlFor="customUrl">Softphone link</label>
        <input id="customUrl" name="customUrl" defaultValue={settings.calling.customUrl} placeholder="https://phone.example.com/dial?to={number}" disabled={method !== 'custom'} />
        <span />
        <div className="buttons">
          <button type="submit" disabled={action.busy}>Save calling method</button>
          {saved && <span className="saved">Saved</span>}
          {action.error && <span className="error" role="alert">{action.error}</span>}
        </div>
      </form>

      <ThreecxHosts settings={settings} onSaved={setSettings} />
    </section>
  );
}
