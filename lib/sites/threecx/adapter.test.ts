// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connected, deleted, extensionInfo, incomingRinging, outgoingDialing, requestMakeCall } from '../../../tests/fixtures/threecx/frames';
import type { PageSnapshot } from '../types';
import { startThreecxAdapter, threecxAdapterFor, type ThreecxAdapterOptions } from './adapter';

const threecxAdapter = threecxAdapterFor(null);

const ORIGIN = 'https://pbx.example.com';
const T0 = Date.UTC(2026, 4, 12, 9, 0, 0);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let controller = new AbortController();
let clock = T0;

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}/webclient/`);
  document.body.innerHTML = '';
  clock = T0;
});
afterEach(() => controller.abort());

function start(options: ThreecxAdapterOptions = {}) {
  controller = new AbortController();
  const snapshots: PageSnapshot[] = [];
  const sent = vi.fn();
  startThreecxAdapter(window, { snapshot: (s) => snapshots.push(s), sent }, controller.signal, { typingDelayMs: 20, now: () => clock, ...options });
  return { snapshots, sent, last: () => snapshots.at(-1)!, focused: () => { const s = snapshots.at(-1)!; return s.contexts.find((c) => c.id === s.focusedContextId); } };
}

/** A message as the page hook posts it; `init` overrides the event's source or origin. */
function post(data: unknown, init: { source?: unknown; origin?: string } = {}) {
  window.dispatchEvent(new MessageEvent('message', { data, source: window, origin: ORIGIN, ...init } as MessageEventInit));
}
const frame = (bytes: Uint8Array, direction: 'in' | 'out' = 'in', at: unknown = clock) => post({ source: 'clientdesk-3cx', direction, bytes, at });

const CALL = { connectionId: 7, callId: 501, number: '+7 495 123-45-67', name: 'Ivan Petrov' };

describe('threecxAdapter', () => {
  it('is the softphone adapter for 3CX, which inserts nothing', async () => {
    expect(threecxAdapter.site).toBe('3cx');
    expect(threecxAdapter.kind).toBe('softphone');
    await expect(threecxAdapter.insert('501', { html: '<p>x</p>', subject: null })).resolves.toEqual({ ok: false, reason: '3CX has no compose to insert into' });
  });

  it("puts the PBX region on every call it reports, so its national numbers are read in the PBX's country (issue 12.5)", () => {
    const { last } = start({ region: 'DE' });
    frame(incomingRinging({ ...CALL, number: '030 1234567' }));
    expect(last().contexts.map((c) => [c.correspondents[0]?.phone, c.region])).toEqual([['030 1234567', 'DE']]);
    // Without a region (the background did not answer), none: the background reads them in the user's default.
    controller.abort();
    const fallback = start();
    frame(incomingRinging(CALL));
    expect(fallback.last().contexts[0]?.region).toBeUndefined();
  });

  it('reports an empty snapshot at start and asks the page hook for the frames it kept', () => {
    const postMessage = vi.spyOn(window, 'postMessage');
    const { snapshots } = start();
    expect(snapshots).toEqual([{ site: '3cx', selfEmail: null, contexts: [], focusedContextId: null, problems: [] }]);
    expect(postMessage).toHaveBeenCalledWith({ source: 'clientdesk-3cx-adapter', request: 'replay' }, ORIGIN);
  });

  it('an incoming call: ringing at once, connected, then ended with its duration; never a send', () => {
    const { snapshots, sent, last } = start();
    frame(incomingRinging(CALL));
    expect(last()).toEqual({
      site: '3cx',
      selfEmail: null,
      contexts: [
        {
          kind: 'call',
          id: '501',
          subject: '',
          correspondents: [{ email: null, name: 'Ivan Petrov', role: 'from', phone: '+7 495 123-45-67' }],
          call: { direction: 'in', state: 'ringing', startedAt: T0, connectedAt: null, endedAt: null, durationSec: null },
        },
      ],
      focusedContextId: '501',
      problems: [],
    });
    clock = T0 + 10_000;
    frame(connected(CALL));
    expect(last().contexts[0]?.call).toMatchObject({ state: 'connected', connectedAt: T0 + 10_000 });
    clock = T0 + 95_000;
    frame(deleted(CALL));
    expect(last().contexts[0]?.call).toEqual({ direction: 'in', state: 'ended', startedAt: T0, connectedAt: T0 + 10_000, endedAt: T0 + 95_000, durationSec: 85 });
    expect(last().focusedContextId).toBe('501');
    // The same frame again changes nothing: no new snapshot.
    const count = snapshots.length;
    frame(deleted(CALL));
    expect(snapshots).toHaveLength(count);
    expect(sent).not.toHaveBeenCalled();
  });

  it('uses the time the hook saw a frame (replayed frames), but not one far from ours', () => {
    const { last } = start();
    frame(incomingRinging(CALL), 'in', T0 - 30_000);
    expect(last().contexts[0]?.call?.startedAt).toBe(T0 - 30_000);
    frame(connected(CALL), 'in', T0 + 3_600_000);
    expect(last().contexts[0]?.call?.connectedAt).toBe(T0);
    frame(deleted(CALL), 'in', 'soon');
    expect(last().contexts[0]?.call?.endedAt).toBe(T0);
  });

  it('ignores forged and malformed messages', () => {
    const { snapshots } = start();
    const bytes = incomingRinging(CALL);
    post({ source: 'clientdesk-3cx', direction: 'in', bytes }, { source: null }); // another window
    post({ source: 'clientdesk-3cx', direction: 'in', bytes }, { origin: 'https://evil.example' });
    post({ source: 'clientdesk-3cx-other', direction: 'in', bytes });
    post({ source: 'clientdesk-3cx', direction: 'sideways', bytes });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: [...bytes] });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: bytes.buffer });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: Uint16Array.from(bytes) });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: 'CMkB' });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: new Uint8Array(0) });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: new Uint8Array((1 << 20) + 1) });
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: Uint8Array.of(0xff, 0xff, 0xff) });
    post({ source: 'clientdesk-3cx', direction: 'out', bytes }); // the server's frame claimed as sent
    post({ source: 'clientdesk-3cx', direction: 'in', bytes: requestMakeCall('+74951234567') }); // a dial claimed as received
    post(null);
    post('clientdesk-3cx');
    post(
      Object.defineProperty({}, 'source', {
        get() {
          throw new Error('boom');
        },
      }),
    );
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.contexts).toEqual([]);
    // The same frame through the real channel is read.
    frame(bytes);
    expect(snapshots).toHaveLength(2);
  });

  it('honours a smaller frame limit', () => {
    const { snapshots } = start({ maxFrameBytes: 8 });
    frame(incomingRinging(CALL));
    expect(snapshots).toHaveLength(1);
  });

  it('an ended call stays until a new one starts', () => {
    const { last } = start();
    frame(incomingRinging(CALL));
    frame(deleted(CALL));
    frame(outgoingDialing({ connectionId: 8, callId: 502, number: '205' }));
    expect(last().contexts.map((c) => [c.id, c.call?.state])).toEqual([['502', 'dialing']]);
    expect(last().contexts[0]?.correspondents[0]).toMatchObject({ role: 'to', phone: '205' });
  });

  it('an ended call goes after keepEndedMs, by itself', async () => {
    const { last } = start({ keepEndedMs: 40, now: Date.now });
    frame(incomingRinging(CALL), 'in', Date.now());
    frame(deleted(CALL), 'in', Date.now());
    expect(last().contexts).toHaveLength(1);
    await wait(80);
    expect(last().contexts).toEqual([]);
  });

  it('reads several connections of one frame; the focus is the newest call in progress', () => {
    const { last } = start();
    frame(
      extensionInfo({
        ownExtension: '101',
        containerField: 20,
        connections: [
          { action: 2, id: 1, callId: 'a', state: 3, isIncoming: false, otherPartyDn: '205' },
          { action: 2, id: 2, callId: 'b', state: 1, isIncoming: true, otherPartyCallerId: '+74951112233' },
        ],
      }),
    );
    expect(last().contexts.map((c) => c.id)).toEqual(['a', 'b']);
    expect(last().focusedContextId).toBe('b');
    clock += 1000;
    frame(deleted({ connectionId: 2 }));
    expect(last().focusedContextId).toBe('a');
  });

  it('stops at abort', () => {
    const { snapshots } = start();
    controller.abort();
    frame(incomingRinging(CALL));
    expect(snapshots).toHaveLength(1);
  });
});

describe('threecxAdapter fallbacks, where the socket tells nothing', () => {
  it('the click-to-call route at load shows the number being dialled', () => {
    window.location.hash = '#/call?phone=%2B74951234567';
    const { last, focused } = start();
    expect(last().contexts).toHaveLength(1);
    expect(focused()).toMatchObject({
      kind: 'call',
      correspondents: [{ email: null, name: '', role: 'to', phone: '+74951234567' }],
      call: { direction: 'out', state: 'dialing', startedAt: T0, connectedAt: null, endedAt: null, durationSec: null },
    });
    expect(focused()?.id).toMatch(/^dial-/);
  });

  it('a route change later dials the new number; the same route again does not', async () => {
    window.location.hash = '#/people';
    const { last, snapshots } = start();
    window.location.hash = '#/call?phone=205';
    await wait(20);
    expect(last().contexts[0]?.correspondents[0]?.phone).toBe('205');
    window.location.hash = '#/call?phone=206';
    await wait(20);
    expect(last().contexts.map((c) => c.correspondents[0]?.phone)).toEqual(['206']);
    const count = snapshots.length;
    window.dispatchEvent(new Event('popstate'));
    expect(snapshots).toHaveLength(count);
  });

  /** A dial field as a web client could have it. */
  function dialField(attrs = 'aria-label="Enter name or number"') {
    document.body.innerHTML = `<input type="tel" ${attrs}><a id="link" href="tel:+7%20812%20555-00-11">call</a><button id="btn">Call</button>`;
    return document.querySelector('input')!;
  }
  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('a number typed into a dial field shows once typing settles; typing on edits the same call', async () => {
    const input = dialField();
    const { last, snapshots } = start();
    type(input, '+7 49');
    expect(snapshots).toHaveLength(1);
    type(input, '+7 495 12');
    await wait(40);
    const first = last().contexts[0]!;
    expect(first.correspondents[0]?.phone).toBe('+7 495 12');
    type(input, '+7 495 123-45-67');
    await wait(40);
    expect(last().contexts).toHaveLength(1);
    expect(last().contexts[0]).toMatchObject({ id: first.id, correspondents: [{ phone: '+7 495 123-45-67' }] });
    // Emptied and typed again: another call.
    type(input, '');
    await wait(40);
    expect(last().contexts[0]?.id).toBe(first.id);
    clock += 1000;
    type(input, '205');
    await wait(40);
    expect(last().contexts).toHaveLength(1);
    expect(last().contexts[0]?.id).not.toBe(first.id);
  });

  it('Enter or a click reports typing at once', () => {
    const input = dialField();
    const { last } = start({ typingDelayMs: 10_000 });
    type(input, '205');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(last().contexts[0]?.correspondents[0]?.phone).toBe('205');
    type(input, '2061');
    document.getElementById('btn')!.click();
    expect(last().contexts[0]?.correspondents[0]?.phone).toBe('2061');
  });

  it('ignores fields that are not for numbers, hidden fields and text that is no number', async () => {
    const search = dialField('placeholder="Search"');
    const { snapshots } = start();
    type(search, '+74951234567');
    await wait(40);
    const hidden = dialField('aria-label="Phone number" style="display:none"');
    type(hidden, '+74951234567');
    await wait(40);
    const field = dialField();
    type(field, 'Ivan');
    await wait(40);
    expect(snapshots).toHaveLength(1);
    // The same field shown: read.
    hidden.style.display = '';
    document.body.append(hidden);
    type(hidden, '+74951234567');
    await wait(40);
    expect(snapshots).toHaveLength(2);
  });

  it('a tel: link clicked shows its number', () => {
    dialField();
    const { last } = start();
    document.getElementById('link')!.click();
    expect(last().contexts[0]).toMatchObject({ correspondents: [{ role: 'to', phone: '+7 812 555-00-11' }], call: { state: 'dialing', direction: 'out' } });
  });

  it("the web client's own dial request shows the number before the server answers", () => {
    const { last } = start();
    frame(requestMakeCall('+74951234567'), 'out');
    expect(last().contexts[0]).toMatchObject({ correspondents: [{ phone: '+74951234567' }], call: { state: 'dialing' } });
  });

  it('the call the socket then shows replaces the fallback', () => {
    const input = dialField();
    const { last } = start({ typingDelayMs: 0 });
    type(input, '+74951234567');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    frame(requestMakeCall('+74951234567'), 'out');
    expect(last().contexts).toHaveLength(1);
    clock += 500;
    frame(outgoingDialing({ connectionId: 9, callId: 777, number: '+74951234567' }));
    expect(last().contexts.map((c) => c.id)).toEqual(['777']);
    clock += 60_000;
    frame(deleted({ connectionId: 9 }));
    // Ended, it does not bring the fallback back.
    expect(last().contexts.map((c) => [c.id, c.call?.state])).toEqual([['777', 'ended']]);
  });

  it('during a call, numbers typed are not a new call (DTMF, a transfer)', async () => {
    const input = dialField();
    const { last } = start();
    frame(incomingRinging(CALL));
    frame(connected(CALL));
    type(input, '205');
    await wait(40);
    expect(last().contexts.map((c) => c.id)).toEqual(['501']);
  });

  it('a number dialled after a call ended gets the focus; the ended call stays listed for its outcome', () => {
    dialField();
    const { last, focused } = start();
    frame(incomingRinging(CALL));
    frame(deleted(CALL));
    clock += 5_000;
    document.getElementById('link')!.click();
    expect(last().contexts.map((c) => c.call?.state)).toEqual(['ended', 'dialing']);
    expect(focused()?.correspondents[0]?.phone).toBe('+7 812 555-00-11');
  });

  it('a fallback expires after keepIntentMs', async () => {
    window.location.hash = '#/call?phone=205';
    const { last } = start({ keepIntentMs: 30, now: Date.now });
    expect(last().contexts).toHaveLength(1);
    await wait(70);
    expect(last().contexts).toEqual([]);
  });
});
