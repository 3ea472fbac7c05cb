// @vitest-environment happy-dom
// The compose fixtures' inline script must behave like Gmail (site-dom-facts 1.3, 1.4) for the browser tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPOSE_HASH, fixtureHtml, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { findComposeRoots, parseCompose } from './parse-compose';

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

describe.each(['compose-two.html', 'compose-es.html'])('%s script', (fixture) => {
  beforeEach(() => {
    vi.useFakeTimers();
    loadFixture(fixture, COMPOSE_HASH);
    runFixtureScripts();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never assigns HTML strings (Trusted Types, site-dom-facts 1.10)', () => {
    const script = (/<script>([\s\S]*?)<\/script>/.exec(fixtureHtml(fixture))?.[1] ?? '').replace(/\/\/.*$/gm, '');
    expect(script).toContain('cloneNode');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.src\s*=/);
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
});
