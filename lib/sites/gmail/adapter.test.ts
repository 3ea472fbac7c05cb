// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageSnapshot } from '../types';
import { gmailAdapter, startGmailAdapter } from './adapter';
import { COMPOSE_HASH, KNOWN_THREAD_HASH, loadFixture, parseFixture, runFixtureScripts } from './fixtures.testutil';
import { trusted } from '../shared/trusted-event.testutil';
import { readGmailSnapshot } from './snapshot';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let controller = new AbortController();
afterEach(() => controller.abort());

/** Starts the adapter on the global document with short timings; counts reads and snapshots. */
function start(graceMs = 150) {
  controller = new AbortController();
  const snapshots: PageSnapshot[] = [];
  const read = vi.fn(readGmailSnapshot);
  const events = { snapshot: (s: PageSnapshot) => snapshots.push(s), sent: vi.fn() };
  startGmailAdapter(document, events, controller.signal, { readDelayMs: 20, problemGraceMs: graceMs, read });
  return { snapshots, read, last: () => snapshots.at(-1) };
}
const people = (s: PageSnapshot | undefined) => s?.contexts.map((c) => c.correspondents.map((p) => p.email));

describe('gmailAdapter', () => {
  it('is the SiteAdapter for gmail', () => {
    expect(gmailAdapter.site).toBe('gmail');
    expect(typeof gmailAdapter.start).toBe('function');
    expect(typeof gmailAdapter.insert).toBe('function');
  });

  it('reports a confirmed send through events.sent (send-detector.ts)', async () => {
    loadFixture('compose-two.html', `${COMPOSE_HASH}&undo=0.05`);
    runFixtureScripts();
    controller = new AbortController();
    const sent = vi.fn();
    startGmailAdapter(document, { snapshot: () => undefined, sent }, controller.signal, { readDelayMs: 20, send: { reopenGraceMs: 10 } });
    document.querySelector('.IZ .Up div.T-I.aoO')?.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await wait(150);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls[0]?.[0]).toMatchObject({ contextId: '1', draftId: '#msg-a:r-7673660351152959857', subject: 'Q3 deliveries: Rosstal and Nordfrost' });
  });

  it('emits the first snapshot after the delay, then only on change', async () => {
    loadFixture('thread-known.html', KNOWN_THREAD_HASH);
    const { snapshots, read } = start();
    expect(snapshots).toHaveLength(0);
    await wait(60);
    expect(snapshots).toEqual([readGmailSnapshot(document, null)]);
    document.querySelector('.ha')?.append(document.createElement('span')); // a mutation that changes nothing
    await wait(60);
    expect(read).toHaveBeenCalledTimes(2);
    expect(snapshots).toHaveLength(1);
  });

  it('coalesces a burst of mutations into one read', async () => {
    loadFixture('compose-two.html', COMPOSE_HASH);
    const { read } = start();
    await wait(60);
    const list = document.querySelector('[role=grid] tbody');
    for (let i = 0; i < 200; i += 1) list?.append(document.createElement('tr'));
    await wait(60);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not re-read while the user types in a compose body', async () => {
    loadFixture('compose-two.html', COMPOSE_HASH);
    const { read } = start();
    await wait(60);
    const body = document.querySelector('[g_editable=true] div');
    for (let i = 0; i < 20; i += 1) body?.append(document.createTextNode('x'));
    await wait(60);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('follows chips being removed, the subject being typed, focus, send and undo', async () => {
    loadFixture('compose-two.html', COMPOSE_HASH);
    runFixtureScripts();
    const { snapshots, last } = start();
    await wait(60);
    expect(people(last())).toEqual([['ivan.petrov@rosstal.ru', 'hans@nordfrost.de']]);
    expect(last()?.focusedContextId).toBeNull();

    const subject = document.querySelector('input[name=subjectbox]') as HTMLInputElement;
    subject.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    subject.value = 'Updated subject';
    subject.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(60);
    expect(last()?.focusedContextId).toBe('1');
    expect(last()?.contexts[0]?.subject).toBe('Updated subject');

    // Clicking a chip's remove button focuses it, then the chip goes: the compose keeps the focus.
    const remove = document.querySelector('[data-hovercard-id="hans@nordfrost.de"] [role=button]');
    remove?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    remove?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(60);
    expect(people(last())).toEqual([['ivan.petrov@rosstal.ru']]);
    expect(last()?.focusedContextId).toBe('1');

    document.querySelector('.IZ .Up div.T-I.aoO')?.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await wait(60);
    expect(last()?.contexts).toEqual([]);
    expect(last()?.focusedContextId).toBeNull();

    document.querySelector('#link_undo')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(60);
    expect(last()?.focusedContextId).toBe('1');
    expect(snapshots).toHaveLength(5); // start, focus+subject (one coalesced read), chip, send, undo
  });

  it('reports an unreadable thread only once it persists past the grace period', async () => {
    loadFixture('thread-changed-dom.html', KNOWN_THREAD_HASH);
    const { snapshots, last } = start(150);
    await wait(60);
    expect(last()?.problems).toEqual([]);
    await wait(200);
    expect(last()?.problems.map((p) => p.code)).toEqual(['thread-unreadable']);
    expect(snapshots).toHaveLength(2);
  });

  it('never reports a thread that finishes loading within the grace period', async () => {
    loadFixture('thread-changed-dom.html', KNOWN_THREAD_HASH);
    const { snapshots, last } = start(150);
    await wait(60);
    const loaded = parseFixture('thread-known.html').querySelector('[role=main]');
    document.querySelector('[role=main]')?.replaceChildren(...Array.from(loaded?.childNodes ?? []));
    await wait(250);
    expect(snapshots.every((s) => s.problems.length === 0)).toBe(true);
    expect(people(last())).toEqual([['ivan.petrov@rosstal.ru', 'olga@rosstal.ru']]);
  });

  it('restarts the grace period on navigation', async () => {
    loadFixture('thread-changed-dom.html', KNOWN_THREAD_HASH);
    const { last } = start(150);
    await wait(250);
    expect(last()?.problems).toHaveLength(1);
    window.location.hash = '#inbox/FMfcgzQXJWdKbHlQvTzXcPnMwRsGhJfL';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await wait(60);
    expect(last()?.problems).toEqual([]);
    await wait(200);
    expect(last()?.problems).toHaveLength(1);
  });

  it('stops observing, listening and timing when the signal aborts', async () => {
    loadFixture('compose-two.html', COMPOSE_HASH);
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { snapshots, read } = start();
    // The observer also pauses while a read is due; aborting disconnects it once more.
    const before = disconnect.mock.calls.length;
    controller.abort();
    expect(disconnect).toHaveBeenCalledTimes(before + 1);
    await wait(60);
    expect(read).not.toHaveBeenCalled();
    document.querySelector('[role=dialog]')?.remove();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    document.dispatchEvent(new Event('input'));
    await wait(60);
    expect(read).not.toHaveBeenCalled();
    expect(snapshots).toEqual([]);
  });
});
