// @vitest-environment happy-dom
// useAction must always send its message, with or without a callback (issue 12.1: the sidebar's
// offer box and next-contact date passed none, and nothing was sent).
import { act, createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { useAction } from '@/components/use-action';
import type { Message } from '@/lib/messaging/protocol';

const sent: Message[] = [];
vi.mock('@/lib/messaging/send', () => ({
  sendToBackground: async (message: Message) => {
    sent.push(message);
    if (message.type === 'pageToBackground.addNote') throw new Error('The note is empty');
    return 'reply';
  },
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Runs `run(message, onSuccess)` once, as a component does, and returns the error it shows. */
async function runOnce(message: Message, onSuccess?: (data: string) => void): Promise<string | null> {
  let shown: string | null = null;
  function Probe() {
    const action = useAction();
    shown = action.error;
    useEffect(() => void action.run<string>(message, onSuccess), []);
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Probe)));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  root.unmount();
  return shown;
}

describe('useAction', () => {
  it('sends the message when no callback is given', async () => {
    sent.length = 0;
    const message: Message = { type: 'sidebarToBackground.markOffer', contextId: '1', offer: true };
    await runOnce(message);
    expect(sent).toEqual([message]);
  });

  it('sends the message, then hands the reply to the callback', async () => {
    sent.length = 0;
    const onSuccess = vi.fn();
    await runOnce({ type: 'pageToBackground.getToday' }, onSuccess);
    expect(sent).toHaveLength(1);
    expect(onSuccess).toHaveBeenCalledWith('reply');
  });

  it('keeps the error to show, and does not call the callback', async () => {
    const onSuccess = vi.fn();
    const error = await runOnce({ type: 'pageToBackground.addNote', clientId: 'c', contactId: null, text: 'x' }, onSuccess);
    expect(error).toBe('The note is empty');
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
