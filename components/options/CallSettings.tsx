import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { CALLING_METHODS, type CallingMethod, type Settings } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';
import { useAction } from '../use-action';

// Calls (issue 6): how a click on a phone number places the call, and the 3CX web clients the
// sidebar is injected into. A 3CX address is per company: adding one asks the browser for that
// one host's permission, at that moment (never for all sites); the background then registers the
// 3CX scripts for the hosts granted.

const METHOD_LABELS: Record<CallingMethod, string> = {
  tel: 'The system phone app (tel: links: desktop softphones, Skype, Zoiper, MicroSIP…)',
  'google-voice': 'Google Voice in the browser',
  '3cx': 'The 3CX web client',
  custom: 'Another web softphone (a link with {number})',
};

/** "https://pbx.example.com/webclient/#/people" or "pbx.example.com" → "pbx.example.com". */
export function hostOf(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' && url.hostname.includes('.') ? url.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function CallSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [method, setMethod] = useState<CallingMethod>('tel');
  const [newHost, setNewHost] = useState('');
  const [saved, setSaved] = useState(false);
  const [hostError, setHostError] = useState<string | null>(null);
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

  const saveHosts = (softphoneHosts: string[]) =>
    action.run<Settings>({ type: 'optionsToBackground.saveSettings', patch: { softphoneHosts } }, (next) => setSettings(next));

  const addHost = async () => {
    setHostError(null);
    const host = hostOf(newHost);
    if (!host) return setHostError(`"${newHost}" is not the https address of a web client, e.g. https://pbx.example.com`);
    // Asked here, inside the click: the browser shows its permission prompt for this one host.
    const granted = await browser.permissions.request({ origins: [`https://${host}/*`] }).catch(() => false);
    if (!granted) return setHostError(`Access to ${host} was not granted: ClientDesk cannot show the sidebar there.`);
    await saveHosts([...new Set([...settings.softphoneHosts, host])]);
    setNewHost('');
  };

  const removeHost = async (host: string) => {
    await saveHosts(settings.softphoneHosts.filter((h) => h !== host));
    await browser.permissions.remove({ origins: [`https://${host}/*`] }).catch(() => false);
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

      <h3>3CX web clients</h3>
      <p className="muted small">The sidebar shows the caller's card in your company's 3CX web client. Add its address; the browser asks you to allow ClientDesk on that one site.</p>
      <ul aria-label="3CX web clients">
        {settings.softphoneHosts.map((host) => (
          <li key={host}>
            {host}{' '}
            <button type="button" className="link" onClick={() => void removeHost(host)}>Remove</button>
          </li>
        ))}
      </ul>
      <div className="buttons">
        <input aria-label="New 3CX web client" value={newHost} onChange={(e) => setNewHost(e.target.value)} placeholder="https://pbx.example.com" />
        <button type="button" onClick={() => void addHost()}>Add</button>
      </div>
      {hostError && <p className="error" role="alert">{hostError}</p>}
    </section>
  );
}
