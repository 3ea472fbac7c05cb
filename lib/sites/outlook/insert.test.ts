// @vitest-environment happy-dom
// Template insertion (site-dom-facts 2.6, outlook-2026 4): caret, top of the body above signature and
// quote, sanitizing, subject only when empty, input events.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { outlookAdapter } from './adapter';
import { trackComposeSelection } from './compose-selection';
import { COMPOSE_PATH, loadFixture } from './fixtures.testutil';
import { COMPOSE_CLOSED, NO_BODY, NOTHING_TO_INSERT, insertIntoCompose } from './insert';
import { patchHappyDomForDomPurify } from '../shared/purify-happy-dom.testutil';

let controller = new AbortController();
beforeAll(() => patchHappyDomForDomPurify());
beforeEach(() => {
  controller = new AbortController();
  trackComposeSelection(document, controller.signal);
});
afterEach(() => controller.abort());

const el = (selector: string, scope: ParentNode = document) => {
  const found = scope.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found as HTMLElement;
};
const insert = (contextId: string, html: string, subject: string | null = null) =>
  insertIntoCompose(document, contextId, { html, subject });
const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

function select(node: Node, start: number, end = start) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

describe('insertIntoCompose', () => {
  it('without a caret, writes into the blank first line above the signature and the quoted reply', () => {
    loadFixture('compose-2026.html', COMPOSE_PATH);
    const body = el('#editorParent_1 [contenteditable=true]');
    const onInput = vi.fn();
    body.addEventListener('input', onInput);
    expect(insert('AAMkADraft2026Dock', '<p>Dear Ivan,</p>')).toEqual({ ok: true, subjectFilled: false });
    const p = el('p', body);
    expect(precedes(p, el('#Signature', body))).toBe(true);
    expect(precedes(p, el('#divRplyFwdMsg', body))).toBe(true);
    expect(el('#Signature', body).contains(p)).toBe(false);
    expect(onInput).toHaveBeenCalledTimes(1);
  });

  it('inserts at the saved caret, but never inside the quote or signature', () => {
    loadFixture('compose-2026.html', COMPOSE_PATH);
    const dialogBody = el('[role=dialog] [aria-multiline=true]');
    const hello = el('div', dialogBody).firstChild as Text;
    select(hello, 'Hello'.length);
    select(document.body, 0); // focus moved to our sidebar; the compose keeps its caret
    expect(insert('AAMkADraft2026Dialog', '<b> dear</b>').ok).toBe(true);
    expect(dialogBody.textContent).toContain('Hello dear Hans,');

    const body = el('#editorParent_1 [contenteditable=true]');
    select(el('#divRplyFwdMsg', body).firstChild as Node, 0);
    expect(insert('AAMkADraft2026Dock', '<i>Top</i>').ok).toBe(true);
    expect(el('#divRplyFwdMsg', body).querySelector('i')).toBeNull();
    expect(precedes(el('i', body), el('#Signature', body))).toBe(true);
  });

  it('sanitizes: no script, handlers, ids or javascript: links reach the compose', () => {
    loadFixture('compose-2024.html', COMPOSE_PATH);
    const html = '<p id="x" onclick="alert(1)">Hi<script>alert(1)</script><a href="javascript:alert(1)">l</a><img src=x onerror="alert(1)"></p>';
    expect(insert('docking_InitVisiblePart_0', html).ok).toBe(true);
    const body = el('#editorParent_1 [contenteditable=true]');
    expect(body.querySelector('script, [onclick], [onerror], #x')).toBeNull();
    expect(el('a', body).getAttribute('href')).toBeNull();
    expect(precedes(el('p', body), el('#Signature', body))).toBe(true);
  });

  it('fills the subject only when empty, with input and change events', () => {
    loadFixture('compose-2024.html', COMPOSE_PATH);
    const subject = el('input[aria-label="Add a subject"]') as HTMLInputElement;
    const events: string[] = [];
    subject.addEventListener('input', () => events.push('input'));
    subject.addEventListener('change', () => events.push('change'));
    expect(insert('docking_InitVisiblePart_0', 'x', 'Offer')).toEqual({ ok: true, subjectFilled: true });
    expect(subject.value).toBe('Offer');
    expect(events).toEqual(['input', 'change']);
    expect(insert('docking_InitVisiblePart_0', 'y', 'Other')).toEqual({ ok: true, subjectFilled: false });
    expect(subject.value).toBe('Offer');
  });

  it('refuses a closed compose, a compose without a body and an empty template', async () => {
    loadFixture('compose-2026.html', COMPOSE_PATH);
    expect(insert('nope', 'x')).toEqual({ ok: false, reason: COMPOSE_CLOSED });
    expect(insert('AAMkADraft2026Dock', '<script>1</script>')).toEqual({ ok: false, reason: NOTHING_TO_INSERT });
    el('#editorParent_2').remove();
    expect(insert('AAMkADraft2026Dialog', 'x')).toEqual({ ok: false, reason: NO_BODY });
    await expect(outlookAdapter.insert('AAMkADraft2026Dock', { html: 'ok', subject: null })).resolves.toEqual({ ok: true, subjectFilled: false });
  });
});
