import { browser, type Browser } from 'wxt/browser';
import { getDb } from '@/lib/db/database';
import { getSettings } from '@/lib/db/settings';
import type { Settings } from '@/lib/domain/types';
import { acceptMessage, type SenderRules } from '@/lib/messaging/accept';
import { BULK_PORT, CONTENT_PORT, SIDEBAR_PORT } from '@/lib/messaging/ports';
import type { Reply } from '@/lib/messaging/protocol';
import type { BackgroundToOptionsBulkEvent, BulkEvent } from '@/lib/messaging/views';
import { admitSidebar } from './sidebar-port';
import { keepAutoBackups } from './auto-backup/schedule-alarm';
import { keepBadge, refreshBadge } from './badge';
import { BulkSession } from './bulk-session';
import { errorReplyText } from './error-reply';
import { keepReminders, scheduleReminder } from './plan/reminders';
import { originOf, syncSoftphoneScripts } from './softphone-hosts';
import { handleMessage } from './handlers';
import { recordConfirmedSend } from './record-send';
import { SendReconciler } from './send-reconciler';
import { SITE_BACKGROUNDS } from './site-backgrounds';
import { SidebarHub } from './sidebar-hub';

// The service worker: owns the database, accepts or refuses every message in one place,
// and keeps each tab's sidebar up to date.

export function startBackground(): void {
  const db = getDb();
  let cachedSettings: Promise<Settings> | null = null;
  const settings = () => (cachedSettings ??= getSettings(db));
  const hub = new SidebarHub(db, settings);
  const badgeChanged = () => settings().then((s) => refreshBadge(db, s)).then(() => undefined);
  const reconciler = new SendReconciler(
    new Set(SITE_BACKGROUNDS.map((site) => site.site)),
    (send) => void recordConfirmedSend({ db, hub, settings, badgeChanged }, send, send.emittedAt).catch((error: unknown) => console.warn('[ClientDesk] recording a send failed:', error)),
  );
  for (const site of SITE_BACKGROUNDS) site.start((send) => reconciler.network(send));
  const extensionOrigin = browser.runtime.getURL('/');
  // Any site a content script is declared for may talk to us: a new site adapter needs no edit here.
  const manifestPatterns = (browser.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []);
  const rules: SenderRules = { extensionId: browser.runtime.id, extensionOrigin, sitePatterns: manifestPatterns, sidebarOf: (tabId) => hub.tokens.boundFrame(tabId) };
  /** The 3CX hosts the user added (and granted) join the sites we accept content messages from. */
  const syncSoftphones = (s: Settings) =>
    syncSoftphoneScripts(s.softphoneHosts).then(
      (granted) => void (rules.sitePatterns = [...manifestPatterns, ...granted.map(originOf)]),
      (error: unknown) => console.warn('[ClientDesk] registering the 3CX scripts failed:', error),
    );
  void settings().then(syncSoftphones);
  browser.permissions.onRemoved.addListener(() => void settings().then(syncSoftphones));

  /** Every message, from sendMessage or a port, goes through here: accept (or refuse and log), then handle. */
  const receive = async (raw: unknown, sender: Browser.runtime.MessageSender, bulk?: BulkSession): Promise<Reply<unknown>> => {
    // After a restart the tab's sidebar binding is read back from session storage before the check.
    if (sender.tab?.id !== undefined && sender.url?.startsWith(`${extensionOrigin}sidebar.html`)) await hub.tokens.load(sender.tab.id);
    const accepted = acceptMessage(raw, sender, rules);
    if (!accepted.ok) {
      console.warn('[ClientDesk]', accepted.error, { from: sender.url });
      return { ok: false, error: accepted.error };
    }
    const ctx = {
      db,
      hub,
      settings,
      settingsChanged: (s: Settings) => {
        cachedSettings = Promise.resolve(s);
        void syncSoftphones(s);
        void scheduleReminder(s);
      },
      reloadSettings: async () => {
        cachedSettings = null;
        const next = await settings();
        void syncSoftphones(next);
        return next;
      },
      badgeChanged,
      reconciler,
      tabId: sender.tab?.id,
      senderUrl: sender.url,
      bulk,
    };
    return handleMessage(accepted.message, ctx).then(
      (data) => ({ ok: true, data }),
      (error: unknown) => {
        const message = errorReplyText(error);
        console.warn('[ClientDesk]', accepted.message.type, 'failed:', error);
        return { ok: false, error: message };
      },
    );
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => receive(raw, sender));

  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender;
    if (port.name === CONTENT_PORT && sender) {
      port.onMessage.addListener((raw: unknown) => void receive(raw, sender));
      return;
    }
    if (port.name === BULK_PORT && sender) {
      connectBulk(port, sender);
      return;
    }
    if (port.name === SIDEBAR_PORT) {
      admitSidebar(port, { hub, check: (raw, from) => receiveCheck(raw, from) });
      return;
    }
    console.warn('[ClientDesk] port refused', port.name, sender?.url);
    port.disconnect();
  });

  /** The sidebar's first message, checked like every other (accept.ts), before its token is. */
  async function receiveCheck(raw: unknown, sender: Browser.runtime.MessageSender) {
    if (sender.tab?.id !== undefined) await hub.tokens.load(sender.tab.id);
    return acceptMessage(raw, sender, rules);
  }

  /** A page's bulk jobs: each message is still accepted one by one (accept.ts checks the page). */
  function connectBulk(port: Browser.runtime.Port, sender: Browser.runtime.MessageSender) {
    const post = (jobId: string, event: BulkEvent) => {
      const message: BackgroundToOptionsBulkEvent = { type: 'backgroundToOptions.bulkEvent', jobId, event };
      try {
        port.postMessage(message);
      } catch {
        // The page has gone; onDisconnect cancels its jobs.
      }
    };
    const session = new BulkSession(post);
    port.onMessage.addListener((raw: unknown) => {
      void receive(raw, sender, session).then((reply) => {
        // A refused or failed chunk must stop the page's job: it waits for events, not replies.
        const jobId = typeof raw === 'object' && raw !== null && 'jobId' in raw ? String(raw.jobId) : '';
        if (!reply.ok) post(jobId, { kind: 'failed', error: reply.error, cancelled: false });
      });
    });
    port.onDisconnect.addListener(() => session.close());
  }

  browser.tabs.onRemoved.addListener((tabId) => hub.forgetTab(tabId));
  // First run: the welcome page takes a new user through settings and their client list (issue 5).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  keepBadge(db, settings);
  keepReminders(db, settings);
  keepAutoBackups(db);
}
