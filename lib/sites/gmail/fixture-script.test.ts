// @vitest-environment happy-dom
// The compose fixtures' shared script (tests/fixtures/gmail/gmail-behaviour.js) must behave like Gmail
// (site-dom-facts 1.2-1.4, 1.6) for the browser tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BEHAVIOUR_SCRIPT, COMPOSE_HASH, fixtureHtml, KNOWN_THREAD_HASH, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { findComposeRoots, parseCompose, readDraftId } from './parse-compose';

const emails = () => findComposeRoots(document).flatMap((r) => parseCompose(r.el).correspondents.map((c) => `${c.role}:${c.email}`));
const el = (selector: string) => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found as HTMLElement;
};
const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
const key = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

function type(selector: string, text: string, init: KeyboardEventInit) {
  const input = el(selector) as HTMLInputElement;
  input.value = text;
  key(input, init);
}

describe.each(['compose-two.html', 'compose-es.html'])('%s with gmail-behaviour.js', (fixture) => {
  beforeEach(() => {
    vi.useFakeTimers();
    loadFixture(fixture, COMPOSE_HASH);
    runFixtureScripts();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads the shared script and has no inline script', () => {
    const html = fixtureHtml(fixture);
    expect(html).toContain('<script src="/mail/u/0/_fixture/gmail-behaviour.js"></script>');
    expect(html).not.toMatch(/<script>/);
  });

  it('turns a typed address into a chip on Enter or comma, and removes chips', () => {
    expect(emails()).toEqual(['to:ivan.petrov@rosstal.ru', 'to:hans@nordfrost.de']);
    type('.anm[name=to] input[role=combobox]', 'Olga@Rosstal.ru', { key: 'Enter', keyCode: 13 });
    type('.anm[name=cc] input[role=combobox]', 'maria.garcia@baltic-fish.lt,', { key: ',' });
    type('.anm[name=to] input[role=combobox]', 'not an address', { key: 'Enter', keyCode: 13 });
    expect(emails()).toEqual([
      'to:ivan.petrov@rosstal.ru',
      'to:hans@nordfrost.de',
      'to:olga@rosstal.ru',
      'cc:maria.garcia@baltic-fish.lt',
    ]);
    click(el('[data-hovercard-id="hans@nordfrost.de"] [role=button]'));
    expect(emails()).toEqual(['to:ivan.petrov@rosstal.ru', 'to:olga@rosstal.ru', 'cc:maria.garcia@baltic-fish.lt']);
  });

  it('sends on the Send button: compose gone, notice with Undo / View message for 5 s', () => {
    click(el('.IZ .Up div.T-I.aoO[role=button]'));
    expect(findComposeRoots(document)).toEqual([]);
    expect(el('div.b8[role=alert] .vh #link_undo')).toBeTruthy();
    expect(el('div.b8[role=alert] .vh #link_vsm')).toBeTruthy();
    vi.advanceTimersByTime(4999);
    expect(document.querySelector('#link_undo')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(document.querySelector('#link_undo')).toBeNull();
    expect(findComposeRoots(document)).toEqual([]);
  });

  it('sends on Ctrl+Enter and Cmd+Enter; Undo brings the same compose back', () => {
    const compose = el('[role=dialog]');
    key(el('[g_editable=true]'), { key: 'Enter', ctrlKey: true });
    expect(compose.isConnected).toBe(false);
    click(el('#link_undo'));
    expect(compose.isConnected).toBe(true);
    expect(document.querySelector('#link_undo')).toBeNull();
    expect(emails()).toEqual(['to:ivan.petrov@rosstal.ru', 'to:hans@nordfrost.de']);
    key(el('input[name=subjectbox]'), { key: 'Enter', metaKey: true });
    expect(compose.isConnected).toBe(false);
  });

  it('keeps the compose open when there is no recipient (Gmail refuses to send)', () => {
    for (const remove of Array.from(document.querySelectorAll('[role=option] [role=button]'))) click(remove);
    click(el('.IZ .Up div.T-I.aoO[role=button]'));
    expect(findComposeRoots(document)).toHaveLength(1);
    expect(document.querySelector('#link_undo')).toBeNull();
  });

  it('ignores More send options (not a send)', () => {
    click(el('.IZ .Up [aria-haspopup=true]'));
    expect(findComposeRoots(document)).toHaveLength(1);
  });

  it('shows an error dialog when there is no recipient; OK closes it', () => {
    for (const remove of Array.from(document.querySelectorAll('[role=option] [role=button]'))) click(remove);
    key(el('[g_editable=true]'), { key: 'Enter', ctrlKey: true });
    expect(document.querySelectorAll('[role=alertdialog]')).toHaveLength(1);
    expect(findComposeRoots(document)).toHaveLength(1);
    click(el('[role=alertdialog] [name=ok]'));
    expect(document.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('saves the draft about 300 ms after typing in the body', () => {
    const compose = el('[role=dialog]');
    el('[g_editable=true]').dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(compose.getAttribute('data-draft-state')).toBe('saving');
    vi.advanceTimersByTime(300);
    expect(compose.getAttribute('data-draft-state')).toBe('saved');
    expect(compose.querySelector('[role=status]')?.textContent).toMatch(/^(Saved|Guardado)$/);
  });

  it('discards without a notice', () => {
    click(el('.oh'));
    expect(findComposeRoots(document)).toEqual([]);
    expect(document.querySelector('#link_undo')).toBeNull();
  });
});

describe('gmail-behaviour.js', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never assigns HTML strings (Trusted Types, site-dom-facts 1.10)', () => {
    const script = fixtureHtml(BEHAVIOUR_SCRIPT).replace(/\/\/.*$/gm, '');
    expect(script).toContain('cloneNode');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.src\s*=/);
  });

  it('takes the undo window from ?undo=N', () => {
    vi.useFakeTimers();
    loadFixture('compose-two.html', `${COMPOSE_HASH}&undo=2`);
    runFixtureScripts();
    click(el('.IZ .Up div.T-I.aoO[role=button]'));
    vi.advanceTimersByTime(1999);
    expect(document.querySelector('#link_undo')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(document.querySelector('#link_undo')).toBeNull();
  });

  it('closes a full-screen compose by emptying div.aaZ, and an inline reply by removing it; Undo restores them', () => {
    vi.useFakeTimers();
    loadFixture('compose-variants.html', KNOWN_THREAD_HASH);
    runFixtureScripts();
    const drafts = () => findComposeRoots(document).map((r) => readDraftId(r.el));
    expect(drafts()).toEqual(['#msg-a:r-2209876543210987654', '#msg-a:r-3301234567890123456']);
    const fullscreen = el('.aSt [role=dialog]');
    key(el('.aSt [g_editable=true]'), { key: 'Enter', ctrlKey: true });
    expect(fullscreen.isConnected).toBe(true);
    expect(fullscreen.querySelector('.aaZ')?.childElementCount).toBe(0);
    expect(drafts()).toEqual(['#msg-a:r-2209876543210987654']);
    click(el('#link_undo'));
    expect(drafts()).toEqual(['#msg-a:r-2209876543210987654', '#msg-a:r-3301234567890123456']);
    click(el('.ip.adB .IZ .Up div.T-I.aoO[role=button]'));
    expect(drafts()).toEqual(['#msg-a:r-3301234567890123456']);
    click(el('#link_undo'));
    expect(drafts()).toEqual(['#msg-a:r-2209876543210987654', '#msg-a:r-3301234567890123456']);
  });

  it('compose-signature.html: two composes, the reply with a blank line, signature and quote', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    runFixtureScripts();
    const composes = findComposeRoots(document).map((r) => parseCompose(r.el));
    expect(composes.map((c) => [c.id, c.subject, c.correspondents.map((p) => p.email)])).toEqual([
      ['3', 'Re: Offer for Q3 steel deliveries', ['ivan.petrov@rosstal.ru']],
      ['4', 'Delivery schedule for December', ['hans@nordfrost.de']],
    ]);
    const body = el('[g_editable=true]');
    expect(Array.from(body.children).map((c) => c.className || c.tagName)).toEqual([
      'DIV',
      'gmail_signature_prefix',
      'BR',
      'gmail_signature',
      'BR',
      'gmail_quote',
    ]);
    expect(body.querySelector('.gmail_quote blockquote')).not.toBeNull();
  });
});
