// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MailContext, PageSnapshot } from '../types';
import { googleVoiceAdapter, INSERT_REFUSED, startGoogleVoiceAdapter, type GoogleVoiceAdapterOptions } from './adapter';
import { gv, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { readGoogleVoiceSnapshot } from './snapshot';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const IVAN = ['+7 495 123-45-67', 'Ivan Petrov'] as const;
let controller = new AbortController();
afterEach(() => controller.abort());

/** Starts the adapter on the global document with short timings; collects snapshots and counts reads. */
function start(options: GoogleVoiceAdapterOptions = {}) {
  controller = new AbortController();
  const snapshots: PageSnapshot[] = [];
  const read = vi.fn(readGoogleVoiceSnapshot);
  const sent = vi.fn();
  startGoogleVoiceAdapter(document, { snapshot: (s) => snapshots.push(s), sent }, controller.signal, {
    readDelayMs: 20,
    problemGraceMs: 100,
    read,
    ...options,
  });
  const call = (): MailContext | undefined => snapshots.at(-1)?.contexts[0];
  return { snapshots, read, sent, call, last: () => snapshots.at(-1) };
}

/** The idle page with gv-behaviour.js running. */
function idlePage() {
  loadFixture('idle.html');
  runFixtureScripts();
}

describe('googleVoiceAdapter', () => {
  it('is a softphone SiteAdapter that inserts nothing', async () => {
    expect(googleVoiceAdapter.site).toBe('google-voice');
    expect(googleVoiceAdapter.kind).toBe('softphone');
    await expect(googleVoiceAdapter.insert('gv-call-1-1', { html: '<p>x</p>', subject: null })).resolves.toEqual({ ok: false, reason: INSERT_REFUSED });
  });

  it('follows an incoming call from ringing to answered to hung up, with the talk time from the timer', async () => {
    idlePage();
    const { call, last, sent } = start();
    await wait(60);
    expect(last()).toEqual({ site: 'google-voice', selfEmail: null, contexts: [], focusedContextId: null, problems: [] });

    gv().incoming(...IVAN);
    await wait(60);
    const ringing = call();
    expect(ringing).toMatchObject({
      kind: 'call',
      subject: '',
      correspondents: [{ email: null, name: 'Ivan Petrov', role: 'from', phone: '+7 495 123-45-67' }],
      call: { direction: 'in', state: 'ringing', connectedAt: null, endedAt: null, durationSec: null },
    });
    expect(ringing?.id).toMatch(/^gv-call-1-\d+$/);
    expect(last()?.focusedContextId).toBe(ringing?.id);

    gv().answer();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'in', state: 'connected', durationSec: null });
    expect(call()?.id).toBe(ringing?.id);

    // 14 s on GV's own clock in a few ms of ours: the duration can only come from the timer.
    gv().tick(14);
    gv().hangUp();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'in', state: 'ended', durationSec: 14 });
    expect(call()?.id).toBe(ringing?.id);
    expect(call()?.correspondents[0]?.role).toBe('from');
    expect(sent).not.toHaveBeenCalled();
  });

  it('does not re-read the page for timer ticks, yet knows the last value', async () => {
    idlePage();
    const { read, call } = start();
    gv().outgoing(...IVAN);
    gv().answer();
    await wait(60);
    const reads = read.mock.calls.length;
    for (let i = 0; i < 5; i += 1) {
      gv().tick(1);
      await wait(5);
    }
    await wait(60);
    expect(read.mock.calls.length).toBe(reads);
    gv().hangUp();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'out', state: 'ended', durationSec: 5 });
  });

  it('shows the typed number before the call, then the outgoing call; unanswered, it ends with 0 s', async () => {
    idlePage();
    const { call, last } = start();
    gv().type('+1 202 555 0143');
    await wait(60);
    expect(last()?.contexts).toEqual([
      {
        kind: 'call',
        id: 'dial',
        region: 'US',
        subject: '',
        correspondents: [{ email: null, name: '', role: 'to', phone: '+1 202 555 0143' }],
        call: { direction: 'out', state: 'dialing', startedAt: expect.any(Number), connectedAt: null, endedAt: null, durationSec: null },
      },
    ]);
    expect(last()?.focusedContextId).toBe('dial');

    document.querySelector('button[gv-test-id="new-call-button"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(60);
    expect(last()?.contexts).toHaveLength(1);
    expect(call()).toMatchObject({ id: expect.stringMatching(/^gv-call-/), correspondents: [{ role: 'to', phone: '+1 202 555 0143' }] });
    expect(call()?.call).toMatchObject({ direction: 'out', state: 'dialing' });

    gv().hangUp();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'out', state: 'ended', connectedAt: null, durationSec: 0 });
  });

  it('shows the number the dialpad puts in the call button label', async () => {
    loadFixture('idle.html');
    const { last } = start();
    document.querySelector('button[gv-test-id="new-call-button"]')?.setAttribute('aria-label', 'Call + 1 1 2 3');
    await wait(60);
    expect(last()?.contexts[0]?.correspondents[0]?.phone).toBe('+1123');
  });

  it('takes the inbound ring as the sign of an incoming call the panel does not tell', async () => {
    const run = async (ring: boolean) => {
      loadFixture('idle.html');
      const { call } = start();
      const audio = document.createElement('audio');
      audio.setAttribute('gv-id', 'inbound_ring');
      document.body.append(audio);
      // A call panel without pickup button, status or mute: nothing in it says which way.
      const panel = document.querySelector('gv-in-call-ng2');
      panel?.replaceChildren();
      panel?.insertAdjacentHTML('beforeend', '<div class="active-call"><gv-in-call-remote-party><div class="phone-number"><span aria-hidden="true">\u202A+7 495 123-45-67\u202C</span></div></gv-in-call-remote-party><button gv-test-id="in-call-end-call"></button></div>');
      if (ring) audio.dispatchEvent(new Event('play')); // media events do not bubble
      await wait(60);
      const shown = call()?.call;
      controller.abort();
      return shown;
    };
    expect(await run(false)).toMatchObject({ direction: 'out', state: 'dialing' });
    expect(await run(true)).toMatchObject({ direction: 'in', state: 'ringing' });
  });

  it('reads the 2025 incoming container and its answered layout', async () => {
    loadFixture('incoming-2025.html');
    runFixtureScripts();
    const { call } = start();
    await wait(60);
    expect(call()).toMatchObject({ correspondents: [{ name: 'Ivan Petrov', role: 'from', phone: '+7 495 123-45-67' }], call: { direction: 'in', state: 'ringing' } });
    gv().answer();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'in', state: 'connected' });
    gv().tick(9);
    gv().hangUp();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'in', state: 'ended', durationSec: 9 });
  });

  it('without any timer, counts the talk time on its own clock', async () => {
    loadFixture('connected-no-timer.html');
    runFixtureScripts();
    const { call } = start();
    await wait(60);
    expect(call()?.call).toMatchObject({ direction: 'out', state: 'connected' });
    const connectedAt = call()?.call?.connectedAt ?? 0;
    await wait(1100);
    gv().hangUp();
    await wait(60);
    const ended = call()?.call;
    expect(ended).toMatchObject({ state: 'ended', connectedAt });
    expect(ended?.durationSec).toBe(Math.round(((ended?.endedAt ?? 0) - connectedAt) / 1000));
    expect(ended?.durationSec).toBe(1);
  });

  it('keeps the ended call for the outcome form, then drops it', async () => {
    idlePage();
    const { call, last } = start({ tracker: { keepEndedMs: 200 } });
    gv().incoming(...IVAN);
    await wait(60);
    gv().hangUp();
    await wait(60);
    expect(call()?.call).toMatchObject({ state: 'ended', durationSec: 0 });
    await wait(250); // no page change: the adapter's own expiry timer reads again
    expect(last()?.contexts).toEqual([]);
  });

  it('lets a clicked "Call …" number drive the card when no call panel can be read', async () => {
    loadFixture('idle.html'); // no behaviour script: the click starts nothing we can see
    const { last } = start();
    document.querySelector('gv-thread-list-ng2 button[aria-label^="Call \u202A("]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(60);
    expect(last()?.contexts).toMatchObject([{ id: 'dial', correspondents: [{ role: 'to', phone: '(202) 555-0143' }], call: { state: 'dialing' } }]);
    // A contact row's button names no number.
    loadFixture('idle.html');
    const second = start();
    document.querySelector('gv-thread-list-ng2 button[aria-label^="Call \u202AIvan"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(60);
    expect(second.last()?.contexts).toEqual([]);
  });

  it('reports a call without a readable number once it persists, and still shows the call', async () => {
    idlePage();
    const { last } = start();
    gv().outgoing(...IVAN);
    document.querySelector('gv-in-call-remote-party')?.remove();
    await wait(60);
    expect(last()?.problems).toEqual([]);
    expect(last()?.contexts[0]?.call?.state).toBe('dialing');
    await wait(150);
    expect(last()?.problems.map((p) => p.code)).toEqual(['call-unreadable']);
  });

  it('stops observing, listening and timing when the signal aborts', async () => {
    idlePage();
    const { snapshots, read } = start();
    controller.abort();
    gv().incoming(...IVAN);
    gv().type('+1 123');
    await wait(60);
    expect(read).not.toHaveBeenCalled();
    expect(snapshots).toEqual([]);
  });
});
