import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '@/lib/domain/types';
import type { SettingsPatch } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { loadSidebarPrefs, saveSidebarPrefs } from '@/lib/content/sidebar-prefs';
import { useAction } from '../use-action';

const QUOTA_FIELDS: { key: keyof Settings['quotas']; label: string }[] = [
  { key: 'emailOffersPerDay', label: 'E-mail offers a day' },
  { key: 'phoneOffersPerDay', label: 'Phone offers a day (companies)' },
  { key: 'callsPerDay', label: 'Calls a day' },
  { key: 'newContractsPerMonth', label: 'New-client contracts a month' },
  { key: 'contactEveryDays', label: 'Contact every client every (days)' },
];

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [autoOpen, setAutoOpen] = useState(true);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  useEffect(() => {
    void sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then(setSettings);
    void loadSidebarPrefs().then((p) => setAutoOpen(p.autoOpen));
  }, []);
  if (!settings) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const patch: SettingsPatch = {
      managerName: value('managerName'),
      signatureHtml: value('signatureHtml'),
      ownDomains: value('ownDomains').split(/[,;\s]+/).filter(Boolean),
      defaultPhoneRegion: value('defaultPhoneRegion').toUpperCase(),
      offerCounting: value('offerCounting') === 'per-message' ? 'per-message' : 'per-organisation',
      quotas: Object.fromEntries(QUOTA_FIELDS.map(({ key }) => [key, Number(value(key))])) as unknown as Settings['quotas'],
    };
    void saveSidebarPrefs({ autoOpen });
    void action.run<Settings>({ type: 'optionsToBackground.saveSettings', patch }, (next) => {
      setSettings(next);
      setSaved(true);
    });
  };

  return (
    <section>
      <h2>Settings</h2>
      <form className="grid" onSubmit={submit} aria-label="Settings">
        <label htmlFor="managerName">Your name</label>
        <input id="managerName" name="managerName" defaultValue={settings.managerName} />
        <label htmlFor="signatureHtml">Signature</label>
        <textarea id="signatureHtml" name="signatureHtml" rows={3} defaultValue={settings.signatureHtml} />
        <label htmlFor="ownDomains">Your company's domains</label>
        <input id="ownDomains" name="ownDomains" defaultValue={settings.ownDomains.join(', ')} placeholder="acme-supply.com" />
        <label htmlFor="defaultPhoneRegion">Default phone region</label>
        <input id="defaultPhoneRegion" name="defaultPhoneRegion" defaultValue={settings.defaultPhoneRegion} maxLength={2} placeholder="RU" />
        {QUOTA_FIELDS.map(({ key, label }) => [
          <label key={`l-${key}`} htmlFor={key}>
            {label}
          </label>,
          <input key={key} id={key} name={key} type="number" min={key === 'contactEveryDays' ? 1 : 0} defaultValue={settings.quotas[key]} />,
        ])}
        <label htmlFor="offerCounting">An offer sent to several companies counts</label>
        <select id="offerCounting" name="offerCounting" defaultValue={settings.offerCounting}>
          <option value="per-organisation">once per company (client card, or domain)</option>
          <option value="per-message">once per message</option>
        </select>
        <label htmlFor="autoOpen">Open the sidebar by itself</label>
        <input id="autoOpen" type="checkbox" checked={autoOpen} onChange={(e) => setAutoOpen(e.target.checked)} />
        <span />
        <div className="buttons">
          <button type="submit" disabled={action.busy}>
            Save settings
          </button>
          {saved && <span className="saved">Saved</span>}
          {action.error && <span className="error" role="alert">{action.error}</span>}
        </div>
      </form>
    </section>
  );
}
