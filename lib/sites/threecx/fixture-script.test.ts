// @vitest-environment happy-dom
// The fixture web client (tests/fixtures/threecx/webclient.html) with the page hook and the adapter,
// in happy-dom, the server played with the frame builders the browser tests use
// (tests/fixtures/threecx/frames.ts): the whole path short of a real browser and a real socket.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connected, deleted, incomingRinging, outgoingDialing, outgoingRinging, readSentFrame } from '../../../tests/fixtures/threecx/frames';
import type { MailContext, PageSnapshot } from '../types';
import { startThreecxAdapter } from './adapter';
import { FakeWebSocket } from './fake-websocket.testutil';
import { installWebSocketHook } from './page-hook';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/threecx/webclient.html');

let controller = new AbortController();
let snapshots: PageSnapshot[] = [];

beforeAll(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://pbx.example.com/webclient/');
  Object.defineProperty(window, 'WebSocket', { value: FakeWebSocket, configurable: true, writable: true });
  // document_start: before the web client's script opens its socket.
  installWebSocketHook(window);
});

/** Loads the fixture and runs its script, as the page would; returns the server's end of its socket. */
function loadWebClient(hash = ''): FakeWebSocket {
  FakeWebSocket.instances = [];
  window.location.hash = hash;
  const html = readFileSync(FIXTURE, 'utf8');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  for (const script of Array.from(document.querySelectorAll('script'))) new Function(script.textContent ?? '')();
  expect(FakeWebSocket.instances).toHaveLength(1);
  return FakeWebSocket.instances[0]!;
}

beforeEach(() => {
  snapshots = [];
  // As a browser posts: a structured clone, from this window, at its origin. (happy-dom's own
  // postMessage names its inner Window as the source, which is not the global `window` here.)
  vi.spyOn(window, 'postMessage').mockImplementation(((message: unknown, targetOrigin: string) => {
    if (targetOrigin !== location.origin) throw new DOMException('origin mismatch', 'SecurityError');
    const data = structuredClone(message);
    setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: window })));
  }) as typeof window.postMessage);
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

/** The adapter at document_idle: after the page opened its socket. */
function startAdapter() {
  controller = new AbortController();
  startThreecxAdapter(window, { snapshot: (s) => snapshots.push(s), sent: vi.fn() }, controller.signal, { typingDelayMs: 20 });
}
const focused = (): MailContext | undefined => {
  const s = snapshots.at(-1);
  return s?.contexts.find((c) => c.id === s.focusedContextId);
};
const status = () => document.getElementById('call-status')?.textContent;

describe('3CX fixture web client with the hook and the adapter', () => {
  it('opens the web client socket at load', () => {
    const server = loadWebClient();
    expect(server.url).toBe('wss://pbx.example.com/ws/webclient?sessionId=test');
    expect(server.binaryType).toBe('arraybuffer');
  });

  it('an incoming call that came before the adapter started, answered and hung up', async () => {
    const server = loadWebClient();
    const call = { connectionId: 11, callId: 601, number: '+74951234567', name: 'Ivan Petrov' };
    // The call rings before the content script runs: the hook keeps the frame.
    server.receive(incomingRinging(call).buffer);
    expect(status()).toBe('Incoming call from Ivan Petrov +74951234567');
    startAdapter();
    await vi.waitFor(() => expect(focused()?.call?.state).toBe('ringing'));
    expect(focused()).toMatchObject({ id: '601', correspondents: [{ name: 'Ivan Petrov', role: 'from', phone: '+74951234567' }], call: { direction: 'in' } });

    server.receive(connected(call).buffer);
    expect(status()).toBe('Connected: Ivan Petrov +74951234567');
    await vi.waitFor(() => expect(focused()?.call?.state).toBe('connected'));
    // Two minutes of talk (only the clock is faked: the page's and ours read the same Date.now).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    server.receive(deleted(call).buffer);
    expect(status()).toBe('Call ended: Ivan Petrov +74951234567');
    await vi.waitFor(() => expect(focused()?.call?.state).toBe('ended'));
    vi.useRealTimers();
    expect(focused()?.call?.durationSec).toBe(120);
  });

  it('the Call button sends a dial request; the card shows at once, then the call the server reports', async () => {
    const server = loadWebClient();
    startAdapter();
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Enter name or number"]')!;
    input.value = '+7 812 555-00-11';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('call-button')!.click();
    expect(server.sent).toHaveLength(1);
    expect(readSentFrame(server.sent[0] as Uint8Array)).toEqual({ kind: 'makeCall', destination: '+7 812 555-00-11' });
    await vi.waitFor(() => expect(focused()).toMatchObject({ call: { state: 'dialing', direction: 'out' }, correspondents: [{ phone: '+7 812 555-00-11' }] }));
    expect(focused()?.id).toMatch(/^dial-/);

    const call = { connectionId: 12, callId: 602, number: '+78125550011' };
    server.receive(outgoingDialing(call).buffer);
    await vi.waitFor(() => expect(focused()?.id).toBe('602'));
    server.receive(outgoingRinging(call).buffer);
    await vi.waitFor(() => expect(focused()?.call?.state).toBe('ringing'));
    expect(focused()?.call?.direction).toBe('out');
    server.receive(deleted(call).buffer);
    await vi.waitFor(() => expect(focused()?.call).toMatchObject({ state: 'ended', durationSec: 0 }));
    expect(snapshots.at(-1)?.contexts).toHaveLength(1);
  });

  it('the click-to-call route dials, and the card shows the number', async () => {
    const server = loadWebClient('#/call?phone=%2B74957654321');
    startAdapter();
    expect(readSentFrame(server.sent[0] as Uint8Array)).toEqual({ kind: 'makeCall', destination: '+74957654321' });
    await vi.waitFor(() => expect(focused()?.correspondents[0]?.phone).toBe('+74957654321'));
  });

  it('a tel: link in the contacts shows its number', () => {
    loadWebClient();
    startAdapter();
    document.getElementById('contact-call')!.click();
    expect(focused()).toMatchObject({ correspondents: [{ phone: '+74951234567' }], call: { state: 'dialing' } });
  });
});
