// @vitest-environment happy-dom
// DOM-route send detection (site-dom-facts 2.4): provisional on Send/Ctrl+Enter, confirmed when the
// compose closes without a validation message; refused, discarded and aborted sends are never reported.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentMail } from '../types';
import { COMPOSE_PATH, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { startSendDetector } from './send-detector';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const el = (selector: string) => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found as HTMLElement;
};
const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
const ctrlEnter = (target: Element) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', ctrlKey: true }));

let controller = new AbortController();
let sent: SentMail[] = [];
beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('{}'))));
  controller = new AbortController();
  sent = [];
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

function start(fixture: string, confirmTimeoutMs = 200) {
  loadFixture(fixture, COMPOSE_PATH);
  runFixtureScripts();
  startSendDetector(document, (mail) => sent.push(mail), controller.signal, { confirmTimeoutMs });
}

describe('startSendDetector', () => {
  it('confirms a Send click when the compose closes, with draft id and recipients as they were', async () => {
    start('compose-2026.html');
    click(el('[data-testid="ComposeSendButton"] i'));
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      contextId: 'AAMkADraft2026Dock',
      draftId: 'AAMkADraft2026Dock',
      subject: 'Q3 steel deliveries',
      recipients: [
        { email: null, name: 'Ivan Petrov', role: 'to' },
        { email: 'olga@rosstal.ru', name: '', role: 'cc' },
      ],
    });
    expect(typeof sent[0]?.sendId).toBe('string');
  });

  it('confirms Ctrl+Enter in the second compose (Send found by name/icon), and the 2024 and French forms', async () => {
    start('compose-2026.html');
    ctrlEnter(el('[role=dialog] [aria-multiline=true]'));
    await flush();
    expect(sent.map((m) => m.draftId)).toEqual(['AAMkADraft2026Dialog']);
    start('compose-2024.html');
    click(el('button[name="Send"] span'));
    await flush();
    expect(sent.at(-1)).toMatchObject({ contextId: 'docking_InitVisiblePart_0', draftId: null });
    start('compose-fr.html');
    click(el('[data-testid="ComposeSendButton"]'));
    await flush();
    expect(sent.at(-1)?.draftId).toBe('AAMkADraftFrDock');
  });

  it('drops a send refused by a validation dialog, and reports the retry once', async () => {
    start('compose-2026.html');
    for (const pill of Array.from(document.querySelectorAll('[role=dialog] [data-fixture-address]'))) pill.remove();
    click(el('[role=dialog] button[name="Send"]'));
    await flush();
    expect(document.querySelector('[role=alertdialog]')).not.toBeNull();
    expect(sent).toEqual([]);
    click(el('[role=alertdialog] button'));
    const to = el('[role=dialog] [aria-label="To"]');
    to.append('olga@rosstal.ru');
    to.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
    click(el('[role=dialog] button[name="Send"]'));
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.recipients).toEqual([{ email: 'olga@rosstal.ru', name: '', role: 'to' }]);
  });

  it('a Send the page ignores times out; a later Discard is no send', async () => {
    start('compose-2026.html', 30);
    const dock = el('[data-app-section="MailReadCompose"]');
    dock.removeAttribute('data-fixture-compose'); // the fixture no longer reacts: OWA did nothing
    click(el('[data-testid="ComposeSendButton"]'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    dock.remove();
    await flush();
    expect(sent).toEqual([]);
  });

  it('Discard closes the compose with no send', async () => {
    start('compose-2026.html');
    click(el('[role=dialog] [data-icon-name="DeleteRegular"]'));
    await flush();
    expect(document.querySelector('[role=dialog]')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('abort stops everything', async () => {
    start('compose-2026.html');
    controller.abort();
    click(el('[data-testid="ComposeSendButton"]'));
    await flush();
    expect(sent).toEqual([]);
  });

  it('a provisional send pending at abort is not reported', async () => {
    start('compose-2026.html');
    const dock = el('[data-app-section="MailReadCompose"]');
    dock.removeAttribute('data-fixture-compose');
    click(el('[data-testid="ComposeSendButton"]'));
    controller.abort();
    dock.remove();
    await flush();
    expect(sent).toEqual([]);
  });
});
