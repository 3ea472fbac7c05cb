import { browser } from 'wxt/browser';
import { CONTENT_PORT } from '@/lib/messaging/ports';
import type { BackgroundToContentInsert, Message, Reply } from '@/lib/messaging/protocol';
import type { InsertResult, PageSnapshot, SiteAdapter } from '@/lib/sites/types';
import { mountSidebarFrame } from './sidebar-frame';
import { loadSidebarPrefs, saveSidebarPrefs } from './sidebar-prefs';

// What every site content script does: run the site's adapter, send each snapshot to the
// background, and host the sidebar. Site-agnostic: a new site only brings its adapter.

type ContentMessage = Extract<Message, { type: `contentToBackground.${string}` }>;

/** The one message the background sends us; checked by hand, since zod stays out of content scripts. */
function isInsertRequest(message: unknown): message is BackgroundToContentInsert {
  const m = message as Partial<BackgroundToContentInsert> | null;
  return (
    m?.type === 'backgroundToContent.insertIntoCompose' &&
    typeof m.contextId === 'string' &&
    typeof m.html === 'string' &&
    (m.subject === null || typeof m.subject === 'string')
  );
}

/** Which correspondents the page shows; a new key is a new reason to open the sidebar. */
function correspondentsKey(snapshot: PageSnapshot): string {
  const focused = snapshot.contexts.find((c) => c.id === snapshot.focusedContextId);
  const shown = focused ? [focused] : snapshot.contexts.filter((c) => c.kind === 'thread');
  return shown
    .filter((c) => c.correspondents.length > 0)
    .map((c) => `${c.id}:${c.correspondents.length}`)
    .join('|');
}

/** The one-time token the background binds to this tab's sidebar (issue 12.11); null if it did not answer. */
async function sidebarToken(): Promise<string | null> {
  const request: ContentMessage = { type: 'contentToBackground.sidebarToken' };
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<{ token: string }> | undefined;
    return reply?.ok ? reply.data.token : null;
  } catch (error) {
    console.warn('[ClientDesk] no sidebar token:', error);
    return null;
  }
}

export async function runSite(adapter: SiteAdapter, outerSignal: AbortSignal): Promise<void> {
  const controller = new AbortController();
  outerSignal.addEventListener('abort', () => controller.abort(), { once: true });
  const signal = controller.signal;
  const [prefs, token] = await Promise.all([loadSidebarPrefs(), sidebarToken()]);
  if (outerSignal.aborted) return;
  let lastOpenedFor = '';
  let currentKey = '';
  const frame = mountSidebarFrame((open) => {
    lastOpenedFor = currentKey;
    void saveSidebarPrefs({ collapsed: !open });
  }, signal, token);
  frame.setOpen(!prefs.collapsed);

  const stopOnInvalidatedContext = (error: unknown) => {
    // After an extension update the old content script is orphaned: stop quietly.
    if (String(error).includes('Extension context invalidated')) controller.abort();
    else console.warn('[ClientDesk]', error);
  };

  // One long-lived port; reopened after the service worker was stopped (its end disconnects).
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const send = (message: ContentMessage) => {
    try {
      if (!port) {
        port = browser.runtime.connect({ name: CONTENT_PORT });
        port.onDisconnect.addListener(() => (port = null));
      }
      port.postMessage(message);
    } catch (error) {
      port = null;
      stopOnInvalidatedContext(error);
    }
  };
  signal.addEventListener('abort', () => port?.disconnect());

  adapter.start(
    {
      snapshot(snapshot) {
        currentKey = correspondentsKey(snapshot);
        if (prefs.autoOpen && currentKey && currentKey !== lastOpenedFor && !frame.isOpen()) frame.setOpen(true);
        if (currentKey) lastOpenedFor = currentKey;
        send({ type: 'contentToBackground.pageSnapshot', snapshot, emittedAt: performance.timeOrigin + performance.now() });
      },
      sent(mail) {
        send({ type: 'contentToBackground.mailSent', mail, emittedAt: performance.timeOrigin + performance.now() });
      },
    },
    signal,
  );

  // Inserts requested by the background (a template picked in the sidebar), from our extension only.
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): Promise<InsertResult> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab || !isInsertRequest(message)) return undefined;
    return adapter.insert(message.contextId, { html: message.html, subject: message.subject });
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
