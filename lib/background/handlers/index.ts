import type { Message } from '@/lib/messaging/protocol';
import { cardHandlers } from './cards';
import type { HandlerContext, Handlers } from './context';
import { offerHandlers } from './offers';
import { optionsHandlers } from './options';

export type { HandlerContext } from './context';

// One handler per message type; the type checker makes sure none is missing.
const handlers: Handlers = { ...cardHandlers, ...offerHandlers, ...optionsHandlers } satisfies Handlers;

export function handleMessage(message: Message, ctx: HandlerContext): Promise<unknown> {
  const handler = handlers[message.type] as (m: Message, c: HandlerContext) => Promise<unknown>;
  return handler(message, ctx);
}
