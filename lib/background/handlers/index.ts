import type { Message } from '@/lib/messaging/protocol';
import { agendaHandlers } from './agenda';
import { autoBackupHandlers } from './auto-backup';
import { bulkHandlers } from './bulk';
import { callHandlers } from './calls';
import { cardHandlers } from './cards';
import type { HandlerContext, Handlers } from './context';
import { heldSendHandlers } from './held-sends';
import { offerHandlers } from './offers';
import { optionsHandlers } from './options';
import { planHandlers } from './plan';
import { sidebarHandlers } from './sidebar';
import { workspaceHandlers } from './workspace';

export type { HandlerContext } from './context';

// One handler per message type; the type checker makes sure none is missing.
const handlers: Handlers = { ...agendaHandlers, ...cardHandlers, ...offerHandlers, ...optionsHandlers, ...bulkHandlers, ...workspaceHandlers, ...callHandlers, ...planHandlers, ...sidebarHandlers, ...heldSendHandlers, ...autoBackupHandlers } satisfies Handlers;

export function handleMessage(message: Message, ctx: HandlerContext): Promise<unknown> {
  const handler = handlers[message.type] as (m: Message, c: HandlerContext) => Promise<unknown>;
  return handler(message, ctx);
}
