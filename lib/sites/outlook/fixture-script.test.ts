// @vitest-environment happy-dom
// The compose fixtures' shared script (tests/fixtures/outlook/outlook-behaviour.js) must behave like OWA
// (site-dom-facts 2.3, 2.4; outlook-2026 1b.3) for the browser tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPOSE_PATH, fixtureHtml, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { findComposeRoots } from './parse-compose';

const el = (selector: string) => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found as HTMLElement;
};
const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
let fetchMock = vi.fn();
const request = (i = 0) => {
  const [url, init] = fetchMock.mock.calls[i] as [string, RequestInit & { headers: Record<string, string> }];
  return { url, headers: init.headers, body: JSON.parse(String(init.body)) };
};

beforeEach(() => {
  vi.useFakeTimers();
  fetchMock = vi.fn(() => Promise.resolve(new Response('{}')));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe.each(['compose-2024.html', 'compose-2026.html', 'compose-fr.html'])('%s with outlook-behaviour.js', (fixture) => {
  beforeEach(() => {
    loadFixture(fixture, COMPOSE_PATH);
    runFixtureScripts();
  });

  it('loads the shared script, has no inline script, and starts with a facts comment', () => {
    const html = fixtureHtml(fixture);
    expect(html).toContain('<script src="/owa/_fixture/outlook-behaviour.js"></script>');
    expect(html).not.toMatch(/<script>/);
    expect(html).toMatch(/^<!doctype html>\s*<!--[\s\S]*site-dom-facts 2\.3/);
  });

  it('adds a pill on Enter and sends CreateItem with the exact addresses, closing the compose', () => {
    const to = el('[data-fixture-role="to"]');
    to.append('Maria@Baltic-Fish.lt');
    to.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
    expect(to.querySelector('[data-fixture-address="maria@baltic-fish.lt"]')?.textContent).toBe('Maria@Baltic-Fish.lt');
    const before = findComposeRoots(document).length;
    click(el('[data-fixture-action="send"]'));
    expect(findComposeRoots(document)).toHaveLength(before - 1);
    const { url, headers, body } = request();
    expect(url).toBe('/owa/service.svc?action=CreateItem&app=Mail');
    expect(headers.Action).toBe('CreateItem');
    expect(body.Body).toMatchObject({ MessageDisposition: 'SendAndSaveCopy', ComposeOperation: 'newMail' });
    expect(body.Body.Items[0].ToRecipients.map((r: { EmailAddress: string }) => r.EmailAddress)).toEqual([
      'ivan.petrov@rosstal.ru',
      'maria@baltic-fish.lt',
    ]);
  });

  it('typing in the body saves the draft; the send is then UpdateItem / UpdateMessageForComposeSend', () => {
    const body = el('[data-fixture-compose] [contenteditable=true][aria-multiline=true], #editorParent_1 [contenteditable=true]');
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const compose = body.closest('[data-fixture-compose]') as HTMLElement;
    expect(compose.getAttribute('data-draft-state')).toBe('saving');
    vi.advanceTimersByTime(300);
    expect(compose.getAttribute('data-draft-state')).toBe('saved');
    expect(compose.querySelector('[data-cd-draft-status]')?.textContent).toMatch(/Draft saved|Brouillon enregistré/);
    body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter', ctrlKey: true }));
    const { url, headers, body: json } = request();
    expect(url).toBe('/owa/service.svc?action=UpdateItem&app=Mail');
    expect(headers).toMatchObject({ Action: 'UpdateItem', 'X-OWA-ActionName': 'UpdateMessageForComposeSend' });
    expect(json.Body.ItemChanges[0].ItemId.Id).toBe(compose.getAttribute('data-fixture-draft-id'));
    expect(json.Body.ItemChanges[0].Updates[0].Item.ToRecipients[0].EmailAddress).toBe('ivan.petrov@rosstal.ru');
  });

  it('Discard closes with no request; Send without recipients shows a validation dialog and keeps the compose', () => {
    const compose = el('[data-fixture-compose]');
    for (const pill of Array.from(compose.querySelectorAll('[data-fixture-address]'))) pill.remove();
    click(el('[data-fixture-action="send"]'));
    expect(el('[role=alertdialog]')).toBeTruthy();
    expect(compose.isConnected).toBe(true);
    click(el('[role=alertdialog] button'));
    expect(document.querySelector('[role=alertdialog]')).toBeNull();
    click(el('[data-fixture-action="discard"]'));
    expect(compose.isConnected).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

it('every compose in the fixtures has its own draft id', () => {
  const ids = ['compose-2024.html', 'compose-2026.html', 'compose-fr.html'].flatMap((f) =>
    Array.from(fixtureHtml(f).matchAll(/data-fixture-draft-id="([^"]+)"/g), (m) => m[1]),
  );
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(4);
});
