import type { Browser } from 'wxt/browser';
import type { Accepted } from '@/lib/messaging/accept';
import type { BackgroundToSidebarRefused } from '@/lib/messaging/views';
import type { SidebarHub } from './sidebar-hub';

// A sidebar frame connects, then presents the token our content script put in its URL (issue 12.11).
// Refused: it is told why and its port is closed; it does not try again (SidebarApp).

/** A sidebar that has not presented a token by then is let go (nothing keeps the worker waiting). */
const PRESENT_WITHIN_MS = 10_000;

export interface SidebarAdmission {
  hub: SidebarHub;
  /** accept.ts's check of a message and its sender. */
  check(raw: unknown, sender: Browser.runtime.MessageSender): Promise<Accepted>;
}

export function admitSidebar(port: Browser.runtime.Port, { hub, check }: SidebarAdmission): void {
  const sender = port.sender;
  let settled = false;
  const settle = () => {
    settled = true;
    clearTimeout(timer);
  };
  const refuse = (reason: string) => {
    if (settled) return;
    settle();
    console.warn('[ClientDesk] sidebar refused:', reason, { frame: sender?.url, tab: sender?.tab?.url });
    const message: BackgroundToSidebarRefused = { type: 'backgroundToSidebar.refused', reason };
    try {
      port.postMessage(message);
      port.disconnect();
    } catch {
      // The frame has gone already.
    }
  };
  const timer = setTimeout(() => refuse('it did not present a token'), PRESENT_WITHIN_MS);

  const admit = async (raw: unknown) => {
    if (!sender) return refuse('the port has no sender');
    const accepted = await check(raw, sender);
    if (!accepted.ok) return refuse(accepted.error);
    const tabId = sender.tab?.id;
    if (accepted.message.type !== 'sidebarToBackground.present' || tabId === undefined) return refuse('its first message must present its token');
    const redeemed = await hub.tokens.redeem(tabId, accepted.message.token, { frameId: sender.frameId ?? -1, documentId: sender.documentId });
    if (!redeemed.ok) return refuse(redeemed.reason);
    if (settled) return;
    settle();
    await hub.connect(port, tabId);
  };
  const onFirstMessage = (raw: unknown) => {
    port.onMessage.removeListener(onFirstMessage);
    void admit(raw).catch((error: unknown) => refuse(String(error)));
  };
  port.onMessage.addListener(onFirstMessage);
  port.onDisconnect.addListener(settle);
}
