// A stand-in for the browser's WebSocket in happy-dom tests (no network): records what is sent and
// lets the test play frames the server sends. Not used by the extension.

export class FakeWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeWebSocket[] = [];

  readonly url: string;
  readonly protocols: string | string[] | undefined;
  readyState = 1;
  binaryType: BinaryType = 'blob';
  readonly sent: unknown[] = [];
  // An accessor, not an own property: happy-dom's EventTarget would call an own `onmessage` itself.
  #onmessage: ((event: MessageEvent) => void) | null = null;
  get onmessage() {
    return this.#onmessage;
  }
  set onmessage(handler: ((event: MessageEvent) => void) | null) {
    this.#onmessage = handler;
  }

  constructor(url: string | URL, protocols?: string | string[]) {
    super();
    this.url = new URL(String(url), 'https://pbx.example.com/').href;
    this.protocols = protocols;
    FakeWebSocket.instances.push(this);
  }

  send(data: unknown): void {
    if (this.readyState !== 1) throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
    this.sent.push(data);
  }

  /** The server sends `data`: onmessage, then the listeners, as a browser does. */
  receive(data: unknown): MessageEvent {
    const event = new MessageEvent('message', { data });
    this.onmessage?.(event);
    this.dispatchEvent(event);
    return event;
  }
}
// A real WebSocket has the constants on the prototype too.
for (const [name, value] of Object.entries({ CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 })) {
  Object.defineProperty(FakeWebSocket.prototype, name, { value, enumerable: true });
}
