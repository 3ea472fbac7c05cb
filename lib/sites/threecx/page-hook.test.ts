// A fresh happy-dom window per test: the hook adds a listener to its window that must not outlive the test.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from './fake-websocket.testutil';
import { installWebSocketHook } from './page-hook';

const ORIGIN = 'https://pbx.example.com';
const WEBCLIENT = `wss://pbx.example.com/ws/webclient?sessionId=test`;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

type PageWindow = Window & typeof globalThis;
type Posted = { source: string; direction: 'in' | 'out'; bytes: Uint8Array; at: number };
let happy: HappyWindow;
let window: PageWindow;
let posted: Array<[Posted, string]> = [];

beforeEach(() => {
  happy = new HappyWindow({ url: `${ORIGIN}/webclient/` });
  window = happy as unknown as PageWindow;
  FakeWebSocket.instances = [];
  Object.defineProperty(window, 'WebSocket', { value: FakeWebSocket, configurable: true, writable: true, enumerable: false });
  posted = [];
  vi.spyOn(window, 'postMessage').mockImplementation(((message: Posted, origin: string) => void posted.push([message, origin])) as typeof window.postMessage);
});

afterEach(async () => {
  Object.defineProperty(FakeWebSocket.prototype, 'constructor', { value: FakeWebSocket, configurable: true, writable: true, enumerable: false });
  await happy.happyDOM.close();
});

/** What the content script sends to get the frames kept so far and all later ones. */
const askReplay = (source: unknown = window) =>
  window.dispatchEvent(new window.MessageEvent('message', { data: { source: 'clientdesk-3cx-adapter', request: 'replay' }, source: source as Window, origin: ORIGIN }));

const frames = () => posted.map(([m]) => [m.direction, [...m.bytes]]);

describe('3CX page hook: the WebSocket stays the same for the page', () => {
  it('constructs native sockets: prototype, constants, instanceof, constructor, name', () => {
    installWebSocketHook(window);
    const WS = window.WebSocket;
    expect(WS).not.toBe(FakeWebSocket);
    const ws = new WS(WEBCLIENT, ['proto']);
    expect(ws).toBeInstanceOf(FakeWebSocket);
    expect(ws).toBeInstanceOf(WS);
    expect(Object.getPrototypeOf(ws)).toBe(WS.prototype);
    expect(WS.prototype).toBe(FakeWebSocket.prototype);
    expect(ws.constructor).toBe(WS);
    expect([WS.CONNECTING, WS.OPEN, WS.CLOSING, WS.CLOSED]).toEqual([0, 1, 2, 3]);
    expect(ws.OPEN).toBe(1);
    expect(WS.name).toBe('FakeWebSocket');
    expect((ws as unknown as FakeWebSocket).protocols).toEqual(['proto']);
    expect(() => (WS as unknown as () => void)()).toThrow(TypeError);
    // `send` is no enumerable own property: the socket looks as it did.
    expect(Object.keys(ws)).toEqual(Object.keys(new FakeWebSocket(WEBCLIENT)));
  });

  it('delivers frames to onmessage and listeners unchanged, and sends what the page sends', () => {
    installWebSocketHook(window);
    const ws = new window.WebSocket(WEBCLIENT);
    const seen: unknown[] = [];
    ws.onmessage = (e) => seen.push(['on', e.data]);
    ws.addEventListener('message', (e) => seen.push(['listener', e.data]));
    const buffer = Uint8Array.of(8, 1).buffer;
    (ws as unknown as FakeWebSocket).receive(buffer);
    (ws as unknown as FakeWebSocket).receive('text');
    expect(seen).toEqual([
      ['on', buffer],
      ['listener', buffer],
      ['on', 'text'],
      ['listener', 'text'],
    ]);
    const payload = Uint8Array.of(8, 119);
    ws.send(payload);
    ws.send('hello');
    expect((ws as unknown as FakeWebSocket).sent).toEqual([payload, 'hello']);
    expect((ws as unknown as FakeWebSocket).sent[0]).toBe(payload);
  });

  it('keeps the native errors: send while connecting throws and forwards nothing', async () => {
    installWebSocketHook(window);
    const ws = new window.WebSocket(WEBCLIENT) as unknown as FakeWebSocket;
    askReplay();
    ws.readyState = 0;
    expect(() => ws.send(Uint8Array.of(1))).toThrow(/CONNECTING/);
    await tick();
    expect(posted).toEqual([]);
  });

  it('a page subclass still works and is watched', async () => {
    installWebSocketHook(window);
    class PageSocket extends window.WebSocket {
      hello() {
        return 'hi';
      }
    }
    const ws = new PageSocket(WEBCLIENT);
    expect(ws).toBeInstanceOf(PageSocket);
    expect(ws).toBeInstanceOf(FakeWebSocket);
    expect(ws.hello()).toBe('hi');
    askReplay();
    (ws as unknown as FakeWebSocket).receive(Uint8Array.of(8, 2).buffer);
    await tick();
    expect(frames()).toEqual([['in', [8, 2]]]);
  });

  it('installs once', () => {
    installWebSocketHook(window);
    const first = window.WebSocket;
    installWebSocketHook(window);
    expect(window.WebSocket).toBe(first);
  });

  it('leaves a page without WebSocket alone', () => {
    Object.defineProperty(window, 'WebSocket', { value: undefined, configurable: true, writable: true });
    expect(() => installWebSocketHook(window)).not.toThrow();
    expect(window.WebSocket).toBeUndefined();
  });
});

describe('3CX page hook: forwarding frames', () => {
  it('forwards binary frames received and sent on /ws/webclient, in order, to this origin', async () => {
    installWebSocketHook(window);
    askReplay();
    const ws = new window.WebSocket(WEBCLIENT) as unknown as FakeWebSocket;
    ws.receive(Uint8Array.of(8, 201, 1).buffer);
    ws.receive(new window.Blob([Uint8Array.of(8, 3)]));
    ws.receive('a text frame');
    ws.send(Uint8Array.of(8, 119, 0, 5).subarray(1, 3));
    ws.send(Uint8Array.of(9, 9).buffer);
    ws.send('text');
    await tick();
    await tick();
    expect(frames()).toEqual([
      ['in', [8, 201, 1]],
      ['in', [8, 3]],
      ['out', [119, 0]],
      ['out', [9, 9]],
    ]);
    for (const [message, origin] of posted) {
      expect(origin).toBe(ORIGIN);
      expect(message.source).toBe('clientdesk-3cx');
      expect(message.bytes).toBeInstanceOf(Uint8Array);
      expect(typeof message.at).toBe('number');
    }
  });

  it('copies what the page sends: a buffer it reuses afterwards does not change the frame', async () => {
    installWebSocketHook(window);
    askReplay();
    const ws = new window.WebSocket(WEBCLIENT);
    const buffer = Uint8Array.of(1, 2, 3);
    ws.send(buffer);
    buffer.fill(0);
    await tick();
    expect(frames()).toEqual([['out', [1, 2, 3]]]);
  });

  it('ignores sockets of other URLs', async () => {
    installWebSocketHook(window);
    askReplay();
    const ws = new window.WebSocket('wss://pbx.example.com/ws/other') as unknown as FakeWebSocket;
    ws.receive(Uint8Array.of(8, 1).buffer);
    ws.send(Uint8Array.of(8, 1));
    await tick();
    expect(posted).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(ws, 'send')).toBeUndefined();
  });

  it('keeps frames until the content script asks, then replays them in order and forwards the rest live', async () => {
    installWebSocketHook(window);
    const ws = new window.WebSocket(WEBCLIENT) as unknown as FakeWebSocket;
    ws.receive(Uint8Array.of(1).buffer);
    ws.receive(Uint8Array.of(2).buffer);
    await tick();
    expect(posted).toEqual([]);
    // A forged request from another window changes nothing.
    askReplay(null);
    expect(posted).toEqual([]);
    askReplay();
    expect(frames()).toEqual([
      ['in', [1]],
      ['in', [2]],
    ]);
    ws.receive(Uint8Array.of(3).buffer);
    await tick();
    expect(frames().at(-1)).toEqual(['in', [3]]);
  });

  it('keeps a bounded buffer (the newest frames) and never forwards an empty or oversized frame', async () => {
    installWebSocketHook(window);
    const ws = new window.WebSocket(WEBCLIENT) as unknown as FakeWebSocket;
    for (let i = 0; i < 600; i++) ws.receive(Uint16Array.of(i).buffer);
    ws.receive(new ArrayBuffer(0));
    ws.receive(new ArrayBuffer((1 << 20) + 1));
    await tick();
    askReplay();
    expect(posted).toHaveLength(512);
    expect([...posted[0]![0].bytes]).toEqual([...new Uint8Array(Uint16Array.of(88).buffer)]);
    expect([...posted.at(-1)![0].bytes]).toEqual([...new Uint8Array(Uint16Array.of(599).buffer)]);
  });

  it('swallows its own failures: the page still gets its frames and sends', async () => {
    installWebSocketHook(window);
    askReplay();
    vi.mocked(window.postMessage).mockImplementation(() => {
      throw new Error('boom');
    });
    const ws = new window.WebSocket(WEBCLIENT) as unknown as FakeWebSocket;
    const seen: unknown[] = [];
    ws.onmessage = (e) => seen.push(e.data);
    ws.receive(Uint8Array.of(5).buffer);
    ws.send(Uint8Array.of(6));
    await tick();
    expect(seen).toHaveLength(1);
    expect(ws.sent).toHaveLength(1);
  });
});
