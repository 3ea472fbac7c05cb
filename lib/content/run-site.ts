import { browser } from 'wxt/browser';
import { CONTENT_PORT } from '@/lib/messaging/ports';
import type { Message } from '@/lib/messaging/protocol';
import type { PageSnapshot, SiteAdapter } from '@/lib/sites/types';
import { mountSidebarFrame } from './sidebar-frame';
import { loadSidebarPrefs, saveSidebarPrefs } from './sidebar-prefs';

// What every site content script does: run the site's adapter, send each snapshot to the
// background, and host the sidebar. Site-agnostic: a new site only brings its adapter.

type PageSnapshotMessage = Extract<Message, { type: 'contentToBackground.pageSnapshot' }>;

/** Which correspondents the page shows; a new key is a new reason to open the sidebar. */
function correspondentsKey(snapshot: PageSnapshot): string {
  const focused = snapshot.contexts.find((c) => c.id === snapshot.focusedContextId);
  const shown = focused ? [focused] : snapshot.contexts.filter((c) => c.kind === 'thread');
  return shown
    .filter((c) => c.correspondents.length > 0)
    .map((c) => `${c.id}:${c.correspondents.length}`)
    .join('|');
}

export async function runSite(adapter: SiteAdapter, outerSignal: AbortSignal): Promise<void> {
  const controller = new AbortController();
  outerSignal.addEventListener('abort', () => controller.abort(), { once: true });
  const signal = controller.signal;
  const prefs = await loadSidebarPrefs();
  if (outerSignal.aborted) return;
  let lastOpenedFor = '';
  let currentKey = '';
  const frame = mountSidebarFrame((open) => {
    lastOpenedFor = currentKey;
    void saveSidebarPrefs({ collapsed: !open });
  }, signal);
  frame.setOpen(!prefs.collapsed);

  const stopOnInvalidatedContext = (error: unknown) => {
    // After an extension update the old content script is orphaned: stop quietly.
    if (String(error).includes('Extension context invalidated')) controller.abort();
    else console.warn('[ClientDesk]', error);
  };

  // One long-lived port; reopened after the service worker was stopped (its end disconnects).
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const send = (message: PageSnapshotMessage) => {
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

  adapter.start((snapshot) => {
    currentKey = correspondentsKey(snapshot);
    if (prefs.autoOpen && currentKey && currentKey !== lastOpenedFor && !frame.isOpen()) frame.setOpen(true);
    if (currentKey) lastOpenedFor = currentKey;
    const message: PageSnapshotMessage = { type: 'contentToBackground.pageSnapshot', snapshot, emittedAt: performance.timeOrigin + performance.now() };
    send(message);
  }, signal);
}
