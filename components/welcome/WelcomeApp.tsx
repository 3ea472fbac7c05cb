import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '@/lib/domain/types';
import type { SettingsPatch } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { ImportWizard } from '../options/import/ImportWizard';
import { useAction } from '../use-action';

// First run (issue 5): opened on install, no sign-up. Four short steps: who you are, your company
// (so your own domain is never matched as a client, and numbers without a country code read right),
// your clients (import, or sample data that is marked and removable in one click), and where to go.

const STEPS = ['You', 'Your company', 'Your clients', 'Start'] as const;
const REGIONS = ['RU', 'BY', 'KZ', 'UA', 'DE', 'AT', 'CH', 'PL', 'LT', 'LV', 'EE', 'FI', 'GB', 'US', 'FR', 'IT', 'ES', 'NL', 'TR', 'CN'];

function Steps({ current }: { current: number }) {
  return (
    <ol className="welcome-steps" aria-label="Steps">
      {STEPS.map((label, i) => (
        <li key={label} aria-current={i === current ? 'step' : undefined} className={i < current ? 'done' : undefined}>
          {label}
        </li>
      ))}
    </ol>
  );
}

export function WelcomeApp() {
  const [step, setStep] = useState(0);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [clientsReady, setClientsReady] = useState<string | null>(null);
  const action = useAction();
  useEffect(() => {
    void sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then(setSettings);
  }, []);
  if (!settings) return <main className="options welcome"><p className="muted">Loading…</p></main>;

  const saveAndNext = (event: FormEvent<HTMLFormElement>, toPatch: (form: FormData) => SettingsPatch) => {
    event.preventDefault();
    const patch = toPatch(new FormData(event.currentTarget));
    void action.run<Settings>({ type: 'optionsToBackground.saveSettings', patch }, (next) => {
      setSettings(next);
      setStep((s) => s + 1);
    });
  };
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

  return (
    <main className="options welcome">
      <h1>Welcome to ClientDesk</h1>
      <p className="muted">No account, no sign-up: your client base stays in this browser and is never sent anywhere.</p>
      <Steps current={step} />

      {step === 0 && (
        <form className="grid" aria-label="About you" onSubmit={(e) => saveAndNext(e, (f) => ({ managerName: text(f, 'managerName'), signatureHtml: text(f, 'signatureHtml') }))}>
          <label htmlFor="managerName">Your name</label>
          <input id="managerName" name="managerName" defaultValue={settings.managerName} autoFocus placeholder="Anna Petrova" />
          <label htmlFor="signatureHtml">Signature for your offers</label>
          <textarea id="signatureHtml" name="signatureHtml" rows={3} defaultValue={settings.signatureHtml} placeholder={'Anna Petrova\nSales manager, +7 495 000-00-00'} />
          <span />
          <span className="buttons">
            <button type="submit">Next</button>
          </span>
        </form>
      )}

      {step === 1 && (
        <form
          className="grid"
          aria-label="Your company"
          onSubmit={(e) =>
            saveAndNext(e, (f) => ({
              ownDomains: text(f, 'ownDomains').split(/[,;\s]+/).filter(Boolean),
              defaultPhoneRegion: text(f, 'defaultPhoneRegion').toUpperCase(),
            }))
          }
        >
          <label htmlFor="ownDomains">Your company's e-mail domains</label>
          <input id="ownDomains" name="ownDomains" defaultValue={settings.ownDomains.join(', ')} placeholder="acme-supply.com" autoFocus />
          <label htmlFor="defaultPhoneRegion">Phone numbers without a country code are from</label>
          <select id="defaultPhoneRegion" name="defaultPhoneRegion" defaultValue={settings.defaultPhoneRegion}>
            {[...new Set([settings.defaultPhoneRegion, ...REGIONS])].map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
          <span />
          <span className="buttons">
            <button type="submit">Next</button>
            <button type="button" className="link" onClick={() => setStep(0)}>Back</button>
          </span>
        </form>
      )}
      {action.error && <p className="error" role="alert">{action.error}</p>}

      {step === 2 && (
        <section aria-label="Your clients">
          <p>Import your client list (Excel, CSV or contacts from Google or Outlook), or try ClientDesk with a few sample clients first.</p>
          <ImportWizard defaultRegion={settings.defaultPhoneRegion} onImported={() => setClientsReady('Your clients are imported.')} />
          <p>
            <button
              type="button"
              className="secondary"
              disabled={action.busy}
              onClick={() => void action.run<number>({ type: 'optionsToBackground.addSampleData' }, (n) => setClientsReady(`${n} sample clients added (named “Sample: …”). Remove them any time in Options → Clients.`))}
            >
              Try with sample data
            </button>
          </p>
          {clientsReady && <p className="saved" data-testid="clients-ready">{clientsReady}</p>}
          <span className="buttons">
            <button type="button" onClick={() => setStep(3)}>{clientsReady ? 'Next' : 'Skip for now'}</button>
            <button type="button" className="link" onClick={() => setStep(1)}>Back</button>
          </span>
        </section>
      )}

      {step === 3 && (
        <section aria-label="Start">
          <h2>You are ready</h2>
          <ol>
            <li>Open your mail: ClientDesk's panel appears on the right and shows the card of whoever you write to.</li>
            <li>In a new message, pick an offer template in the panel: it is inserted with the client's details.</li>
            <li>Send it: the toolbar badge counts today's offers toward your quota of {settings.quotas.emailOffersPerDay}.</li>
          </ol>
          <p className="buttons">
            <a className="button" href="https://mail.google.com/mail/u/0/#inbox" target="_blank" rel="noreferrer">Open Gmail</a>
            <a className="button" href="https://outlook.office.com/mail/" target="_blank" rel="noreferrer">Open Outlook</a>
            <a href="/options.html#clients">Your clients</a>
          </p>
        </section>
      )}
    </main>
  );
}
