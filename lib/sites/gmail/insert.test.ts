// @vitest-environment happy-dom
// Template insertion into a compose (site-dom-facts 1.6): caret, top of the body, sanitizing, subject.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { gmailAdapter } from './adapter';
import { trackComposeSelection } from './compose-selection';
import { COMPOSE_HASH, loadFixture, runFixtureScripts } from './fixtures.testutil';
import { COMPOSE_CLOSED, insertIntoCompose, NO_BODY, NOTHING_TO_INSERT } from './insert';
import { patchHappyDomForDomPurify } from '../shared/purify-happy-dom.testutil';

let controller = new AbortController();
beforeAll(() => patchHappyDomForDomPurify());
beforeEach(() => {
  controller = new AbortController();
  trackComposeSelection(document, controller.signal);
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

const el = (selector: string, scope: ParentNode = document) => {
  const found = scope.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found as HTMLElement;
};
/** The body of the compose whose composeid is `id`. */
const bodyOf = (id: string) => el('[g_editable=true]', el(`input[name=composeid][value="${id}"]`).closest('[role=dialog]') as Element);
const insert = (contextId: string, html: string, subject: string | null = null) =>
  insertIntoCompose(document, contextId, { html, subject });

function select(node: Node, start: number, end = start) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}
const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('insertIntoCompose', () => {
  it('inserts at the caret the user last had in the body, and leaves the caret after it', () => {
    loadFixture('compose-two.html', COMPOSE_HASH);
    const body = bodyOf('1');
    const line = Array.from(body.querySelectorAll('div')[0]?.childNodes ?? []).find((n) => n.textContent?.startsWith('here is'));
    select(line as Node, 'here is '.length);
    select(el('[role=main]'), 0); // focus moved to the page (or our sidebar): the compose keeps its caret
    expect(insert('1', '<b>OFFER</b> ')).toEqual({ ok: true, subjectFilled: false });
    expect(body.textContent).toContain('here is OFFER the delivery plan for Q3.');
    const caret = document.getSelection()?.getRangeAt(0);
    expect(caret?.collapsed).toBe(true);
    expect(caret?.startContainer.childNodes[(caret?.startOffset ?? 0) - 1]?.textContent).toBe(' ');
    expect(caret?.startContainer.childNodes[(caret?.startOffset ?? 0) - 2]?.nodeName).toBe('B');
  });

  it('without a caret, writes into the blank first line: above the signature and the quote', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    const body = bodyOf('3');
    expect(insert('3', '<p>Dear Ivan,</p><table><tr><td>Steel</td><td>100 t</td></tr></table>').ok).toBe(true);
    const p = el('p', body);
    expect(body.firstElementChild?.contains(p)).toBe(true);
    expect(body.firstElementChild?.querySelector('br')).toBeNull(); // the blank line's <br> was replaced
    expect(precedes(el('table', body), el('.gmail_signature_prefix', body))).toBe(true);
    expect(precedes(p, el('.gmail_signature', body))).toBe(true);
    expect(precedes(el('.gmail_signature', body), el('.gmail_quote', body))).toBe(true);
    expect(p.closest('.gmail_signature, .gmail_quote')).toBeNull();
  });

  it('at the very start of a body that does not begin with a blank line', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    const body = bodyOf('4');
    insert('4', '<p>Offer</p>');
    expect(body.firstElementChild?.textContent).toBe('Offer');
    expect(bodyOf('3').querySelector('p')).toBeNull(); // the other compose is untouched
  });

  it('never into the signature or the quote, and never deletes them', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    const body = bodyOf('3');
    select(el('.gmail_signature div', body).firstChild as Node, 3);
    insert('3', '<i>one</i>');
    select(el('blockquote div', body).firstChild as Node, 2);
    insert('3', '<i>two</i>');
    select(body, 0, body.childNodes.length); // everything selected
    insert('3', '<i>three</i>');
    expect(Array.from(body.querySelectorAll('i')).map((i) => i.closest('.gmail_signature, .gmail_quote'))).toEqual([null, null, null]);
    expect(body.querySelector('.gmail_signature')?.textContent).toContain('Alice Manager');
    expect(body.querySelector('.gmail_quote blockquote')?.textContent).toContain('Prices are valid');
  });

  it('sanitizes the template: no scripts, handlers, forms or javascript: links', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    const body = bodyOf('4');
    const html =
      '<p style="color: red" onclick="steal()">Offer<script>alert(1)</script></p>' +
      '<img src="x" onerror="alert(1)"><img src="https://cdn.example/logo.png" alt="logo">' +
      '<a href="javascript:alert(1)">bad</a> <a href="https://acme.example/offer">offer</a>' +
      '<form action="https://evil.example"><input name="q"><button>Go</button></form><style>body{}</style>' +
      '<object data="x"></object><embed src="x"><textarea>t</textarea>';
    insert('4', html);
    expect(body.querySelector('script, style, form, input, button, textarea, object, embed, iframe')).toBeNull();
    expect(body.querySelector('[onclick], [onerror]')).toBeNull();
    expect(body.querySelector('a[href^="javascript"]')).toBeNull();
    expect(el('a[href="https://acme.example/offer"]', body).getAttribute('rel')).toBe('noopener noreferrer');
    expect(el('p', body).getAttribute('style')).toBe('color: red');
    // Remote images go whole (issue 12.10): they would tell their server who opened the mail.
    expect(body.querySelectorAll('img')).toHaveLength(0);
  });

  it('fills the subject only when it is empty', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    const subject = el('input[name=subjectbox]') as HTMLInputElement;
    expect(insert('3', '<p>a</p>', 'Commercial offer')).toEqual({ ok: true, subjectFilled: false });
    expect(subject.value).toBe('Re: Offer for Q3 steel deliveries');
    subject.value = '';
    const events: string[] = [];
    subject.addEventListener('input', (e) => events.push(`${e.type}:${e.bubbles}`));
    subject.addEventListener('change', (e) => events.push(`${e.type}:${e.bubbles}`));
    expect(insert('3', '<p>b</p>', null)).toEqual({ ok: true, subjectFilled: false });
    expect(insert('3', '<p>c</p>', 'Commercial offer')).toEqual({ ok: true, subjectFilled: true });
    expect(subject.value).toBe('Commercial offer');
    expect(events).toEqual(['input:true', 'change:true']);
  });

  it('dispatches an input event on the body, so Gmail saves the draft', () => {
    vi.useFakeTimers();
    loadFixture('compose-signature.html', COMPOSE_HASH);
    runFixtureScripts();
    const body = bodyOf('3');
    const inputs: string[] = [];
    body.addEventListener('input', (e) => inputs.push(`${(e as InputEvent).inputType}:${e.bubbles}`));
    insert('3', '<p>Offer</p>');
    expect(inputs).toEqual(['insertFromPaste:true']);
    vi.advanceTimersByTime(300);
    expect(body.closest('[role=dialog]')?.getAttribute('data-draft-state')).toBe('saved');
  });

  it('says why it could not insert', () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    expect(insert('no-such-compose', '<p>x</p>')).toEqual({ ok: false, reason: COMPOSE_CLOSED });
    expect(insert('4', '<script>alert(1)</script>')).toEqual({ ok: false, reason: NOTHING_TO_INSERT });
    bodyOf('4').remove();
    expect(insert('4', '<p>x</p>')).toEqual({ ok: false, reason: NO_BODY });
  });

  it('is the adapter’s insert', async () => {
    loadFixture('compose-signature.html', COMPOSE_HASH);
    await expect(gmailAdapter.insert('4', { html: '<p>Offer</p>', subject: null })).resolves.toEqual({ ok: true, subjectFilled: false });
    expect(bodyOf('4').firstElementChild?.textContent).toBe('Offer');
  });
});
