import { useEffect, useState } from 'react';
import { ImportClients } from './ImportClients';
import { SettingsForm } from './SettingsForm';
import { TemplateEditor } from './TemplateEditor';

/** Ask the browser never to evict the database (with unlimitedStorage Chromium grants it). */
function usePersistentStorage(): boolean | null {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.persist?.()
      .then(setPersisted)
      .catch(() => setPersisted(false));
  }, []);
  return persisted;
}

export function OptionsApp() {
  const persisted = usePersistentStorage();
  const [baseVersion, setBaseVersion] = useState(0);
  return (
    <main className="options">
      <h1>ClientDesk</h1>
      <p className="muted">
        Your client base stays in this browser. Nothing is sent to any server.
        {persisted === false && <span className="warning"> The browser did not grant persistent storage: back up your base regularly.</span>}
      </p>
      <ImportClients onImported={() => setBaseVersion((v) => v + 1)} baseVersion={baseVersion} />
      <TemplateEditor />
      <SettingsForm />
    </main>
  );
}
