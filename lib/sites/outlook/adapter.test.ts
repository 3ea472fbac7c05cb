// @vitest-environment happy-dom
// The adapter: coalesced reads, SPA path changes (pushState, popstate), focus, problems' grace, sends, abort.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageSnapshot } from '../types';
import { outlookAdapter, startOutlookAdapter } from './adapter';
import { COMPOSE_PATH, READ_PATH, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { readOutlookSnapshot } from './snapshot';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let controller = new AbortController();
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

function start(graceMs = 100) {
  controller = new AbortController();
  const snapshots: PageSnapshot[] = [];
  const read = vi.fn(readOutlookSnapshot);
  const sent = vi.fn();
  startOutlookAdapter(document, { snapshot: (s) => snapshots.push(s), sent }, controller.signal, { readDelayMs: 20, problemGraceMs: graceMs, read });
  return { snapshots, read, sent, last: () => snapshots.at(-1) };
}

describe('outlookAdapter', () => {
  it('is the SiteAdapter for outlook', () => {
    expect(outlookAdapter.site).toBe('outlook');
    expect(typeof outlookAdapter.start).toBe('function');
  });

  it('emits the first snapshot after the delay, then only on change, one read per burst', async () => {
    loadFixture('read-known.html', READ_PATH);
    const { snapshots, read } = start();
    expect(snapshots).toHaveLength(0);
    await wait(50);
    expect(snapshots).toEqual([readOutlookSnapshot(document, null)]);
    const list = document.getElementById('MailList');
    for (let i = 0; i < 100; i += 1) list?.append(document.createElement('div'));
    await wait(50);
    expect(read).toHaveBeenCalledTimes(2);
    expect(snapshots).toHaveLength(1);
  });

  it('does not re-read while the user types in a compose body', async () => {
    loadFixture('compose-2026.html', COMPOSE_PATH);
    const { read } = start();
    await wait(50);
    const body = document.querySelector('[aria-multiline=true] div');
    for (let i = 0; i < 20; i += 1) body?.append(document.createTextNode('x'));
    await wait(50);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('follows a pushState navigation to a folder and back (popstate), holding problems for the grace period', async () => {
    loadFixture('read-known.html', READ_PATH);
    const { last } = start(80);
    await wait(50);
    expect(last()?.contexts.map((c) => c.kind)).toEqual(['thread']);
    window.history.pushState({}, '', '/mail/inbox');
    document.querySelector('[data-app-section="ConversationContainer"]')?.replaceChildren();
    await wait(50);
    expect(last()?.contexts).toEqual([]);
    window.history.pushState({}, '', READ_PATH);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await wait(50);
    expect(last()?.problems).toEqual([]);
    await wait(100);
    expect(last()?.problems.map((p) => p.code)).toEqual(['thread-unreadable']);
  });

  it('tracks focus, pills added by typing, the subject, and reports a confirmed send', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('{}'))));
    loadFixture('compose-2026.html', COMPOSE_PATH);
    runFixtureScripts();
    const { last, sent } = start();
    await wait(50);
    const dialogBody = document.querySelector('[role=dialog] [aria-multiline=true]') as HTMLElement;
    dialogBody.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const to = document.querySelector('[role=dialog] [aria-label="To"]') as HTMLElement;
    to.append('olga@rosstal.ru');
    to.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
    const subject = document.getElementById('MSG_AAMkADraft2026Dialog_SUBJECT') as HTMLInputElement;
    subject.value = 'Invoice';
    subject.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(50);
    expect(last()?.focusedContextId).toBe('AAMkADraft2026Dialog');
    expect(last()?.contexts[1]).toMatchObject({ subject: 'Invoice', correspondents: [{ email: 'hans@nordfrost.de' }, { email: 'olga@rosstal.ru' }] });
    document.querySelector('[role=dialog] button[name="Send"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(50);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls[0]?.[0]).toMatchObject({ contextId: 'AAMkADraft2026Dialog', draftId: 'AAMkADraft2026Dialog', subject: 'Invoice' });
    expect(last()?.contexts.map((c) => c.id)).toEqual(['AAMkADraft2026Dock']);
  });

  it('abort stops reads and events', async () => {
    loadFixture('read-known.html', READ_PATH);
    const { snapshots, read } = start();
    controller.abort();
    document.getElementById('MailList')?.append(document.createElement('div'));
    await wait(50);
    expect(read).not.toHaveBeenCalled();
    expect(snapshots).toEqual([]);
  });
});
