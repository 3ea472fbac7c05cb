import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { SIDEBAR_PORT } from '@/lib/messaging/ports';
import type { MessageOf } from '@/lib/messaging/protocol';
import { reconnectDelay } from '@/lib/messaging/reconnect';
import type { BackgroundToSidebarRefused, BackgroundToSidebarView, SidebarView } from '@/lib/messaging/views';
import { showViewMessage } from './show-view';

/**
 * The one-time token our content script put in this frame's URL (issue 12.11). Read once, then
 * taken out of the URL, so a reload of this frame (a new document) cannot present it again.
 */
function takeToken(): string {
  const token = location.hash.slice(1);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return token;
}
const TOKEN = takeToken();

export type SidebarState = { kind: 'loading' } | { kind: 'view'; view: SidebarView } | { kind: 'refused' };

/** Subscribes to the background for this tab's view; reconnects when the service worker restarts, stops when refused. */
export function useSidebarView(): SidebarState {
  const [state, setState] = useState<SidebarState>({ kind: 'loading' });
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const giveUp = () => {
      stopped = true;
      setState({ kind: 'refused' });
    };
    const connect = () => {
      let hadView = false;
      let refused = false;
      port = browser.runtime.connect({ name: SIDEBAR_PORT });
      port.onMessage.addListener((message: unknown) => {
        const m = message as BackgroundToSidebarView | BackgroundToSidebarRefused;
        if (m.type === 'backgroundToSidebar.refused') {
          refused = true;
          return;
        }
        hadView = true;
        showViewMessage(m, (view) => setState({ kind: 'view', view }));
      });
      port.onDisconnect.addListener(() => {
        if (stopped) return;
        if (refused) return giveUp();
        failures = hadView ? 0 : failures + 1;
        const delay = reconnectDelay(failures);
        if (delay === null) return giveUp();
        retry = setTimeout(connect, delay);
      });
      const present: MessageOf<'sidebarToBackground.present'> = { type: 'sidebarToBackground.present', token: TOKEN };
      port.postMessage(present);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      port?.disconnect();
    };
  }, []);
  return state;
}
