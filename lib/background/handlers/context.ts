import type { ClientDeskDb } from '@/lib/db/database';
import type { Settings } from '@/lib/domain/types';
import type { MessageOf, MessageType } from '@/lib/messaging/protocol';
import type { BulkSession } from '../bulk-session';
import type { SendReconciler } from '../send-reconciler';
import type { SidebarHub } from '../sidebar-hub';

// Handlers run after lib/messaging/accept.ts has checked the message and its sender; they throw
// an Error whose message the caller can show.

export interface HandlerContext {
  db: ClientDeskDb;
  hub: SidebarHub;
  settings(): Promise<Settings>;
  settingsChanged(settings: Settings): void;
  /** Forget the cached settings and read them again (after a restore replaced them). */
  reloadSettings(): Promise<Settings>;
  /** Recompute the toolbar badge (after a send is recorded, settings change…). */
  badgeChanged(): Promise<void>;
  /** Pairs the sends pages report with the sends sites confirm on the network. */
  reconciler: SendReconciler;
  /** The tab the message came from (content scripts, the sidebar frame). */
  tabId: number | undefined;
  /** The URL of the frame the message came from, as the browser reports it (not as the page claims). */
  senderUrl?: string;
  /** The bulk port's session, for messages that arrived over BULK_PORT. */
  bulk?: BulkSession;
}

export type Handlers = { [T in MessageType]: (message: MessageOf<T>, ctx: HandlerContext) => Promise<unknown> };

export function tabOf(ctx: HandlerContext): number {
  if (ctx.tabId === undefined) throw new Error('This message must come from a tab.');
  return ctx.tabId;
}
