// @vitest-environment happy-dom
// Confirmed sends (site-dom-facts 1.4) against the fixtures and their Gmail-like script.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentMail } from '../types';
import { COMPOSE_HASH, KNOWN_THREAD_HASH, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { trusted } from '../shared/trusted-event.testutil';
import { startSendDetector } from './send-detector';
import { readGmailSnapshot } from './snapshot';

const NOW = new Date('2026-11-02T10:00:00Z').getTime();
const IVAN = { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'to' };
const HANS = { email: 'hans@nordfrost.de', name: 'Hans Weber', role: 'to' };
const TWO_DRAFT = '#msg-a:r-7673660351152959857';

let controller = new AbortController();
let sent: SentMail[] = [];

/** Loads a fixture (undo window 5 s) with its script and starts the detector. */
function open(fixture = 'compose-two.html', hash = COMPOSE_HASH) {
  loadFixture(fixture, hash);
  runFixtureScripts();
  controller.abort();
  controller = new AbortController();
  const reported: SentMail[] = (sent = []);
  startSendDetector(document, (mail) => reported.push(mail), controller.signal, {
    confirmTimeoutMs: 6000,
    maxUndoWindowMs: 31_000,
    reopenGraceMs: 1000,
  });
}

const el = (selector: string) => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found as HTMLElement;
};
/** The user's click and key press (trusted, as the browser makes them). */
const click = (target: Element) => target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
const key = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(trusted(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));
/** A page script's: `dispatchEvent` without the browser's trust. */
const scriptClick = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
const scriptKey = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
const sendButton = (scope = document.body) => scope.querySelector('.IZ .Up div.T-I.aoO[role=button]') as HTMLElement;
/** Lets mutation observers run and time pass. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('startSendDetector', () => {
  it('reports a Send click once the notice has gone, with the snapshot context id', async () => {
    open();
    const contextId = readGmailSnapshot(document, null).contexts[0]?.id;
    click(sendButton());
    await wait(0);
    expect(document.querySelector('[role=dialog]')).toBeNull();
    expect(document.querySelector('#link_undo')).not.toBeNull();
    await wait(4900); // notice still up: still undoable
    expect(sent).toEqual([]);
    await wait(100 + 1000); // notice hidden, then the reopen grace
    expect(sent).toEqual([
      {
        contextId,
        draftId: TWO_DRAFT,
        sendId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        subject: 'Q3 deliveries: Rosstal and Nordfrost',
        recipients: [IVAN, HANS],
        sentAt: NOW,
      },
    ]);
    expect(contextId).toBe('1');
    await wait(60_000);
    expect(sent).toHaveLength(1);
  });

  it('reports Ctrl+Enter in the body and ⌘+Enter in the subject', async () => {
    open();
    key(el('[g_editable=true]'), { key: 'Enter', ctrlKey: true });
    await wait(7000);
    expect(sent.map((m) => m.draftId)).toEqual([TWO_DRAFT]);
    open();
    key(el('input[name=subjectbox]'), { key: 'Enter', metaKey: true });
    await wait(7000);
    expect(sent.map((m) => m.subject)).toEqual(['Q3 deliveries: Rosstal and Nordfrost']);
  });

  it('reports Enter on the focused Send button', async () => {
    open();
    key(sendButton(), { key: 'Enter' });
    await wait(7000);
    expect(sent).toHaveLength(1);
  });

  it('leaves out the user’s own address from the recipients', async () => {
    open();
    el('.anm[name=to] [data-hovercard-id="hans@nordfrost.de"]').setAttribute('data-hovercard-id', 'alice@acme-supply.com');
    click(sendButton());
    await wait(7000);
    expect(sent[0]?.recipients.map((r) => r.email)).toEqual(['ivan.petrov@rosstal.ru']);
  });

  it('never reports an undone send', async () => {
    open();
    click(sendButton());
    await wait(1000);
    click(el('#link_undo'));
    await wait(0);
    expect(document.querySelector('[role=dialog]')).not.toBeNull();
    click(el('.oh')); // the draft back, then discarded: gone again, yet never sent
    await wait(60_000);
    expect(sent).toEqual([]);
  });

  it('never reports a send undone without our seeing the click (the draft reopened)', async () => {
    open();
    const holder = el('[role=dialog]').parentElement as HTMLElement;
    const parent = holder.parentElement as HTMLElement;
    click(sendButton());
    await wait(1000);
    el('.vh').replaceChildren(); // as after Gmail's `z` shortcut: the notice goes, the draft comes back
    parent.append(holder);
    await wait(60_000);
    expect(sent).toEqual([]);
  });

  it('drops a send Gmail refused (no recipient, error dialog), and reports the retry', async () => {
    open();
    for (const remove of Array.from(document.querySelectorAll('[role=option] [role=button]'))) click(remove);
    click(sendButton());
    await wait(0);
    expect(document.querySelector('[role=alertdialog]')).not.toBeNull();
    await wait(60_000);
    expect(sent).toEqual([]);

    const to = el('.anm[name=to] input[role=combobox]') as HTMLInputElement;
    to.value = 'olga@rosstal.ru';
    key(to, { key: 'Enter', keyCode: 13 });
    click(sendButton());
    await wait(7000);
    expect(sent.map((m) => m.recipients.map((r) => r.email))).toEqual([['olga@rosstal.ru']]);
  });

  it('ignores a refused send discarded while an earlier send’s notice is up', async () => {
    open('compose-signature.html');
    const [first, second] = Array.from(document.querySelectorAll('[role=dialog]')) as HTMLElement[];
    click(sendButton(first));
    await wait(500);
    click(second?.querySelector('[role=option] [role=button]') as Element); // its only recipient
    click(sendButton(second));
    click(el('[role=alertdialog] [name=ok]'));
    click(second?.querySelector('.oh') as Element);
    await wait(60_000);
    expect(sent.map((m) => m.contextId)).toEqual(['3']);
  });

  it('ignores a compose closed without the "sent" notice (Save & close)', async () => {
    open();
    const compose = el('[role=dialog]');
    compose.addEventListener('click', (e) => e.stopPropagation()); // Gmail does not send this time
    click(sendButton());
    compose.parentElement?.remove();
    await wait(60_000);
    expect(sent).toEqual([]);
  });

  it('ignores a send a page script forged: a script click on Send, a dispatched Ctrl+Enter (issue 12.4)', async () => {
    open();
    // Gmail's own handlers (the fixture) do react: the compose closes and the notice shows.
    scriptClick(sendButton());
    await wait(0);
    expect(document.querySelector('[role=dialog]')).toBeNull();
    expect(document.querySelector('#link_undo')).not.toBeNull();
    await wait(60_000);
    expect(sent).toEqual([]);

    open();
    scriptKey(el('[g_editable=true]'), { key: 'Enter', keyCode: 13, ctrlKey: true });
    await wait(0);
    expect(document.querySelector('#link_undo')).not.toBeNull();
    await wait(60_000);
    expect(sent).toEqual([]);

    open();
    scriptKey(sendButton(), { key: 'Enter', keyCode: 13 });
    await wait(0);
    expect(document.querySelector('#link_undo')).not.toBeNull();
    await wait(60_000);
    expect(sent).toEqual([]);
  });

  it('does not take "sent" notice markup inside a mail or a compose for Gmail’s notice (issue 12.4)', async () => {
    for (const place of ['message', 'listitem', 'quote', 'compose'] as const) {
      open();
      const forged = document.createElement('div');
      forged.className = 'vh';
      for (const id of ['link_undo', 'link_vsm']) forged.appendChild(document.createElement('span')).id = id;
      if (place === 'compose') el('[role=dialog] [g_editable=true]').append(forged);
      else {
        const holder = document.createElement('div');
        holder.className = { message: 'ii gt', listitem: '', quote: 'gmail_quote' }[place];
        if (place === 'listitem') holder.setAttribute('role', 'listitem');
        holder.append(forged);
        el('[role=main]').append(holder);
      }
      const compose = el('[role=dialog]');
      compose.addEventListener('click', (e) => e.stopPropagation()); // Gmail does not send this time
      click(sendButton());
      compose.parentElement?.remove(); // Save & close
      await wait(2000);
      forged.querySelector('#link_undo')?.remove(); // "the undo window passed"
      await wait(60_000);
      expect(sent, place).toEqual([]);
    }
  });

  it('still finds Gmail’s own notice while a mail on the page carries forged notice markup', async () => {
    open();
    const forged = document.createElement('div');
    forged.className = 'vh';
    forged.appendChild(document.createElement('span')).id = 'link_vsm';
    const body = document.createElement('div');
    body.className = 'a3s aiL';
    body.append(forged);
    el('[role=main]').prepend(body);
    click(sendButton());
    await wait(5000 + 1000 + 100);
    expect(sent).toHaveLength(1);
  });

  it('tracks two composes sent one after the other', async () => {
    open('compose-signature.html');
    const [first, second] = Array.from(document.querySelectorAll('[role=dialog]')) as HTMLElement[];
    click(sendButton(first));
    await wait(1000);
    key(second?.querySelector('[g_editable=true]') as Element, { key: 'Enter', ctrlKey: true });
    await wait(5000 + 1000);
    expect(sent.map((m) => [m.contextId, m.draftId, m.recipients.map((r) => r.email), m.sentAt - NOW])).toEqual([
      ['3', '#msg-a:r-4401234567890123456', ['ivan.petrov@rosstal.ru'], 0],
      ['4', '#msg-a:r-5501234567890123456', ['hans@nordfrost.de'], 1000],
    ]);
  });

  it('reports once when Send is pressed twice or the notice is shown twice', async () => {
    open();
    const button = sendButton();
    click(button);
    click(button);
    await wait(1000);
    const notice = el('.vh');
    notice.replaceChildren(...Array.from(notice.cloneNode(true).childNodes)); // Gmail re-renders the notice
    await wait(1000);
    notice.replaceChildren(...Array.from(notice.cloneNode(true).childNodes));
    await wait(60_000);
    expect(sent).toHaveLength(1);
  });

  it('reports a full-screen compose whose div.aaZ was emptied', async () => {
    open('compose-variants.html', KNOWN_THREAD_HASH);
    key(el('.aSt [g_editable=true]'), { key: 'Enter', ctrlKey: true });
    await wait(7000);
    expect(sent.map((m) => [m.contextId, m.draftId])).toEqual([['2', '#msg-a:r-3301234567890123456']]);
  });

  it('reports at the end of the longest undo window if the notice never goes', async () => {
    open('compose-two.html', `${COMPOSE_HASH}&undo=120`);
    click(sendButton());
    await wait(30_000);
    expect(sent).toEqual([]);
    await wait(1000);
    expect(sent).toHaveLength(1);
  });

  it('reports a confirmed send at once on pagehide, and only once', async () => {
    open();
    click(sendButton());
    await wait(2000);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent.map((m) => m.sentAt)).toEqual([NOW]);
    await wait(60_000);
    expect(sent).toHaveLength(1);
  });

  it('observes the page only while a send is pending', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    open();
    await wait(1000);
    expect(observe).not.toHaveBeenCalled();
    click(sendButton());
    expect(observe).toHaveBeenCalled();
    await wait(7000);
    expect(sent).toHaveLength(1);
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('reports nothing after abort', async () => {
    open();
    click(sendButton());
    await wait(1000);
    controller.abort();
    window.dispatchEvent(new Event('pagehide'));
    await wait(60_000);
    expect(sent).toEqual([]);
    open();
    controller.abort();
    click(sendButton());
    await wait(60_000);
    expect(sent).toEqual([]);
  });
});
