// The 3CX web client's page-world hook (softphones.md §2, §4): it wraps `window.WebSocket` before the
// web client opens its socket (MAIN world, document_start) and copies every binary frame of the
// sockets whose URL contains `/ws/webclient`, received and sent, to the content script:
//   window.postMessage({ source: 'clientdesk-3cx', direction: 'in' | 'out', bytes: Uint8Array, at }, location.origin)
// The content script (adapter.ts) treats all of it as untrusted page data.
//
// Until the content script asks for them (`{ source: 'clientdesk-3cx-adapter', request: 'replay' }`;
// it starts at document_idle, after the web client's first frames), frames are kept in a bounded
// buffer; then they are replayed in order and later ones are posted as they come.
//
// Self-contained: no imports and nothing from outside the function, so the bundle stays tiny and the
// function can be injected by itself. Defensive: the page's socket works the same whatever fails
// here (the constructor, prototype, static constants, `instanceof`, `send`, `onmessage` and
// listeners are the native ones; every error of ours is swallowed).

export function installWebSocketHook(win: Window & typeof globalThis = window): void {
  const SOURCE = 'clientdesk-3cx';
  const REQUEST_SOURCE = 'clientdesk-3cx-adapter';
  const URL_PART = '/ws/webclient';
  const MAX_FRAME_BYTES = 1 << 20;
  const MAX_BUFFERED_FRAMES = 512;
  const MAX_BUFFERED_BYTES = 8 << 20;
  const MARK = Symbol.for('clientdesk.threecx.hook');

  type Direction = 'in' | 'out';
  interface Frame {
    direction: Direction;
    bytes: Uint8Array;
    at: number;
  }

  try {
    const holder = win as unknown as Record<symbol, unknown>;
    const Native = win.WebSocket;
    if (holder[MARK] || typeof Native !== 'function') return;
    Object.defineProperty(win, MARK, { value: true, configurable: true });

    let live = false;
    let buffered: Frame[] = [];
    let bufferedBytes = 0;

    const send = (frame: Frame) => {
      try {
        win.postMessage({ source: SOURCE, direction: frame.direction, bytes: frame.bytes, at: frame.at }, win.location.origin);
      } catch {
        // An opaque origin, a closed window: nothing to forward to.
      }
    };
    const post = (frame: Frame) => {
      if (frame.bytes.byteLength === 0 || frame.bytes.byteLength > MAX_FRAME_BYTES) return;
      if (live) return send(frame);
      buffered.push(frame);
      bufferedBytes += frame.bytes.byteLength;
      while (buffered.length > MAX_BUFFERED_FRAMES || bufferedBytes > MAX_BUFFERED_BYTES) {
        bufferedBytes -= buffered.shift()?.bytes.byteLength ?? 0;
      }
    };

    win.addEventListener('message', (event) => {
      try {
        const data = event.data as { source?: unknown; request?: unknown } | null;
        if (event.source !== win || data?.source !== REQUEST_SOURCE || data.request !== 'replay') return;
        live = true;
        const frames = buffered;
        buffered = [];
        bufferedBytes = 0;
        frames.forEach(send);
      } catch {
        // Never let our listener disturb the page.
      }
    });

    /** Copies a frame now (the page may reuse its buffer), forwards it in order after earlier ones. */
    const tap = (direction: Direction, data: unknown, chain: { last: Promise<void> }) => {
      const at = Date.now();
      let bytes: Uint8Array | Promise<ArrayBuffer> | null = null;
      if (data instanceof ArrayBuffer) bytes = new Uint8Array(data.slice(0));
      else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
      else if (typeof win.Blob === 'function' && data instanceof win.Blob && data.size <= MAX_FRAME_BYTES) bytes = data.arrayBuffer();
      if (!bytes) return; // text frames are not the protobuf we read
      const pending: Promise<Uint8Array | ArrayBuffer> | Uint8Array = bytes;
      chain.last = chain.last
        .then(() => pending)
        .then((b: Uint8Array | ArrayBuffer) => post({ direction, bytes: b instanceof Uint8Array ? b : new Uint8Array(b), at }))
        .catch(() => undefined);
    };

    const nativeSend = Native.prototype.send;
    const watch = (ws: WebSocket) => {
      if (!String(ws.url).includes(URL_PART)) return;
      const chain = { last: Promise.resolve() };
      ws.addEventListener('message', (event) => {
        try {
          tap('in', (event as MessageEvent).data, chain);
        } catch {
          // ignored
        }
      });
      // An own, non-enumerable `send` on this socket only: other sockets and the prototype are untouched.
      Object.defineProperty(ws, 'send', {
        configurable: true,
        writable: true,
        value: function send(this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
          try {
            if (this === ws && ws.readyState === 1) tap('out', data, chain);
          } catch {
            // ignored
          }
          return nativeSend.call(this, data as never);
        },
      });
    };

    // A Proxy keeps everything the page can observe: `WebSocket.prototype`, the static constants,
    // `name`, `length`, `instanceof` and subclassing (`newTarget` is passed through).
    const Hooked = new Proxy(Native, {
      construct(target, args, newTarget) {
        const ws = Reflect.construct(target, args, newTarget) as WebSocket;
        try {
          watch(ws);
        } catch {
          // ignored: the socket is returned as the page asked for it
        }
        return ws;
      },
    });
    const descriptor = Object.getOwnPropertyDescriptor(win, 'WebSocket');
    if (descriptor && 'value' in descriptor) Object.defineProperty(win, 'WebSocket', { ...descriptor, value: Hooked });
    else win.WebSocket = Hooked;
    if (win.WebSocket !== Hooked) return;
    try {
      // `socket.constructor === WebSocket` stays true.
      Object.defineProperty(Native.prototype, 'constructor', { configurable: true, enumerable: false, writable: true, value: Hooked });
    } catch {
      // ignored
    }
  } catch {
    // Never break the page.
  }
}
