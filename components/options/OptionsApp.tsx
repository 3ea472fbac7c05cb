import { useCallback, useEffect, useState } from 'react';
import type { ClientListRow, SavedFilter } from '@/lib/domain/client-list';
import { dayKey } from '@/lib/domain/day-key';
import { previousMonth } from '@/lib/domain/work-calendar';
import type { Settings } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';
import { BackupPanel } from './backup/BackupPanel';
import { BackupReminder } from './BackupReminder';
import { CallSettings } from './calls/CallSettings';
import { ClientList } from './ClientList';
import { ClientPage } from './client-page/ClientPage';
import { ExportButtons } from './ExportButtons';
import { ImportWizard } from './import/ImportWizard';
import { SampleDataNotice } from './SampleDataNotice';
import { loadSavedFilters, storeSavedFilters } from './saved-filters-store';
import { SettingsForm } from './SettingsForm';
import { TemplateEditor } from './templates/TemplateEditor';
import { PlanSettings } from './PlanSettings';
import { PageErrorBoundary } from './shell/PageErrorBoundary';
import { ReportPage } from './report/ReportPage';
import { TodayPage } from './TodayPage';
import { useClientBase } from './use-client-base';
import { useHashRoute, type Route } from './use-hash-route';

// The workspace: the client base (list, client pages), import, backup, templates, settings.
// Pages are addressed by the URL hash (#clients, #client/<id>, …), so the sidebar and the popup can
// link to any client's page.

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

const TABS: { route: Route['page']; label: string }[] = [
  { route: 'today', label: 'Today' },
  { route: 'clients', label: 'Clients' },
  { route: 'report', label: 'Report' },
  { route: 'import', label: 'Import' },
  { route: 'backup', label: 'Backup' },
  { route: 'templates', label: 'Templates' },
  { route: 'settings', label: 'Settings' },
];

export function OptionsApp() {
  const persisted = usePersistentStorage();
  const [route, navigate] = useHashRoute();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [savedFilters, setSavedFilters] = useState<SavedFilter[]>([]);
  const [visible, setVisible] = useState<ClientListRow[]>([]);
  useEffect(() => {
    void sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then(setSettings);
    void loadSavedFilters().then(setSavedFilters);
  }, []);
  // Read once the settings are known: the rows' days depend on the zone (reading twice costs 4 s at 100,000).
  const base = useClientBase(settings?.timeZone ?? '', settings !== null && (route.page === 'clients' || route.page === 'client'));
  const saveFilters = useCallback((next: SavedFilter[]) => {
    setSavedFilters(next);
    void storeSavedFilters(next);
  }, []);
  const openClient = useCallback((id: string) => navigate({ page: 'client', id }), [navigate]);
  const today = dayKey(new Date(), settings?.timeZone ?? '');
  const current = route.page === 'client' ? 'clients' : route.page;

  return (
    <main className="options workspace">
      <header className="workspace-header">
        <h1>ClientDesk</h1>
        <nav aria-label="Workspace">
          {TABS.map((tab) => (
            <a key={tab.route} href={`#${tab.route}`} aria-current={current === tab.route ? 'page' : undefined}>
              {tab.label}
            </a>
          ))}
        </nav>
      </header>
      <p className="muted small">
        Your client base stays in this browser. Nothing is sent to any server.
        {persisted === false && <span className="warning"> The browser did not grant persistent storage: back up your base regularly.</span>}
      </p>

      {/* Keyed by the page: a page that failed to render is tried afresh when it is opened again. */}
      <PageErrorBoundary key={route.page === 'client' ? `client/${route.id}` : route.page}>
        {route.page === 'clients' && (
          <>
            <SampleDataNotice rows={base.rows} onChanged={() => void base.reloadAll()} />
            <BackupReminder clientCount={base.rows.length} />
            <div className="list-actions">
              <ExportButtons visible={visible} clients={base.clients} contactsByClient={base.contactsByClient} />
            </div>
            <ClientList rows={base.rows} loading={base.loading} today={today} savedFilters={savedFilters} onSaveFilters={saveFilters} onOpenClient={openClient} onVisibleRowsChange={setVisible} />
          </>
        )}
        {route.page === 'client' && (
          <ClientPage
            key={route.id}
            clientId={route.id}
            rows={base.rows}
            onBack={() => {
              void base.refresh();
              navigate({ page: 'clients' });
            }}
            onOpenClient={openClient}
          />
        )}
        {route.page === 'today' && <TodayPage />}
        {route.page === 'report' && <ReportPage defaultMonth={previousMonth(today.slice(0, 7))} onSettingsChanged={setSettings} />}
        {route.page === 'import' && settings && <ImportWizard defaultRegion={settings.defaultPhoneRegion} onImported={() => void base.refresh()} />}
        {route.page === 'backup' && (
          <BackupPanel
            onRestored={() => {
              void base.reloadAll();
              void sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then(setSettings);
            }}
          />
        )}
        {route.page === 'templates' && <TemplateEditor />}
        {route.page === 'settings' && (
          <>
            <SettingsForm />
            <PlanSettings />
            <CallSettings />
          </>
        )}
      </PageErrorBoundary>
    </main>
  );
}
