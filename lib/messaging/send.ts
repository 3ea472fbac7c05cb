import { browser } from 'wxt/browser';
import type { Message, Reply } from './protocol';

/** Sends a message to the background and returns its data, or throws an Error with its message. */
export async function sendToBackground<T>(message: Message): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error('ClientDesk did not answer. Reload the page and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
