import { useState } from 'react';
import { browser } from 'wxt/browser';
import { pbxRegionOf, regionProblem } from '@/lib/domain/phone';
import type { Settings } from '@/lib/domain/types';
import { useAction } from '../../use-action';

// The 3CX web clients the sidebar is injected into (issue 6), each with its PBX region (issue 12.5:
// the numbers a PBX shows without a country code are from the PBX's country, not the user's default
// region). A 3CX address is per company: adding one asks the browser for that one host's permission,
// at that moment (never for all sites); the background then registers the 3CX scripts for the hosts granted.

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

function HostRow({ host, region, busy, onSaveRegion, onRemove }: { host: string; region: string; busy: boolean; onSaveRegion(region: string): void; onRemove(): void }) {
  const [value, setValue] = useState(region);
  const typed = value.trim().toUpperCase();
  return (
    <li data-host={host}>
      {host}{' '}
      <label>
        PBX region{' '}
        <input aria-label={`PBX region of ${host}`} value={value} onChange={(e) => setValue(e.target.value)} maxLength={2} size={3} placeholder="RU" />
      </label>{' '}
      <button type="button" disabled={busy || typed === region} onClick={() => onSaveRegion(value)}>Save region</button>{' '}
      <button type="button" className="link" onClick={onRemove}>Remove</button>
    </li>
  );
}

export function ThreecxHosts({ settings, onSaved }: { settings: Settings; onSaved(next: Settings): void }) {
  const [newHost, setNewHost] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);
  const [savedRegion, setSavedRegion] = useState<string | null>(null);
  const action = useAction();

  const save = (patch: Pick<Partial<Settings>, 'softphoneHosts' | 'softphoneRegions'>) =>
    action.run<Settings>({ type: 'optionsToBackground.saveSettings', patch }, onSaved);

  const addHost = async () => {
    setHostError(null);
    const host = hostOf(newHost);
    if (!host) return setHostError(`"${newHost}" is not the https address of a web client, e.g. https://pbx.example.com`);
    // Asked here, inside the click: the browser shows its permission prompt for this one host.
    const granted = await browser.permissions.request({ origins: [`https://${host}/*`] }).catch(() => false);
    if (!granted) return setHostError(`Access to ${host} was not granted: ClientDesk cannot show the sidebar there.`);
    await save({ softphoneHosts: [...new Set([...settings.softphoneHosts, host])] });
    setNewHost('');
  };

  const removeHost = async (host: string) => {
    const { [host]: _removed, ...softphoneRegions } = settings.softphoneRegions;
    await save({ softphoneHosts: settings.softphoneHosts.filter((h) => h !== host), softphoneRegions });
    await browser.permissions.remove({ origins: [`https://${host}/*`] }).catch(() => false);
  };

  const saveRegion = async (host: string, typed: string) => {
    setHostError(null);
    setSavedRegion(null);
    const problem = regionProblem(typed);
    if (problem) return setHostError(`PBX region of ${host}: ${problem}.`);
    await save({ softphoneRegions: { ...settings.softphoneRegions, [host]: typed.trim().toUpperCase() } });
    setSavedRegion(host);
  };

  return (
    <>
      <h3>3CX web clients</h3>
      <p className="muted small">
        The sidebar shows the caller's card in your company's 3CX web client. Add its address; the browser asks you to allow ClientDesk on that one site.
        Numbers the PBX shows without a country code are read in its PBX region (reload the 3CX tab after changing it).
      </p>
      <ul aria-label="3CX web clients">
        {settings.softphoneHosts.map((host) => (
          <HostRow
            key={host}
            host={host}
            region={pbxRegionOf(settings, host)}
            busy={action.busy}
            onSaveRegion={(typed) => void saveRegion(host, typed)}
            onRemove={() => void removeHost(host)}
          />
        ))}
      </ul>
      {savedRegion && <p className="saved small">PBX region of {savedRegion} saved.</p>}
      <div className="buttons">
        <input aria-label="New 3CX web client" value={newHost} onChange={(e) => setNewHost(e.target.value)} placeholder="https://pbx.example.com" />
        <button type="button" onClick={() => void addHost()}>Add</button>
      </div>
      {(hostError ?? action.error) && <p className="error" role="alert">{hostError ?? action.error}</p>}
    </>
  );
}
