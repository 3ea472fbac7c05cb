// @vitest-environment happy-dom
// Every chain's fallbacks: each case breaks the earlier selectors in a fixture and checks that the
// reading is unchanged (or names which later selector took over).
import { describe, expect, it } from 'vitest';
import { KNOWN_THREAD_HASH, parseFixture } from './fixtures.testutil';
import { findComposeRoots, parseCompose } from './parse-compose';
import { parseOpenThread } from './parse-thread';
import { GMAIL_SELECTORS, queryAllFirst, queryFirst, type GmailSelectorKey } from './selectors';

function edit(doc: Document, selector: string, change: (el: Element) => void): void {
  const found = Array.from(doc.querySelectorAll(selector));
  if (found.length === 0) throw new Error(`fixture has no ${selector}`);
  found.forEach(change);
}
const dropClass = (...names: string[]) => (el: Element) => el.classList.remove(...names);
const dropAttr = (...names: string[]) => (el: Element) => names.forEach((n) => el.removeAttribute(n));
const thread = (doc: Document) => parseOpenThread(doc, KNOWN_THREAD_HASH);
const composes = (doc: Document) => findComposeRoots(doc).map((r) => parseCompose(r.el, r.variant));

describe('GMAIL_SELECTORS', () => {
  it('has only selectors the DOM accepts', () => {
    for (const chain of Object.values(GMAIL_SELECTORS)) {
      for (const selector of chain) expect(() => document.querySelectorAll(selector), selector).not.toThrow();
    }
  });

  it('never matches UI text (aria-label, tooltips), so every UI language reads the same', () => {
    const all = Object.values(GMAIL_SELECTORS).flat().join('\n');
    expect(all).not.toMatch(/(aria-label|data-tooltip|placeholder|title|alt)\s*[~|^$*]?=|:contains/);
  });
});

describe('queryFirst / queryAllFirst', () => {
  it('return the matches of the first selector in the chain that matches, after the filter', () => {
    document.body.innerHTML =
      '<div class="ip adB"><div class="wrap"><div class="M9" id="a"></div></div></div><div class="ip adB"><div id="b"></div></div>';
    const key: GmailSelectorKey = 'composeRootInline';
    expect(queryFirst(document, key)?.id).toBe('a');
    expect(queryAllFirst(document, key).map((e) => e.id)).toEqual(['a']);
    // Filtering out the .M9 match makes the chain fall through to `.ip.adB > div:first-child`.
    const notA = (e: Element) => e.id !== 'a';
    expect(queryAllFirst(document, key, notA).map((e) => e.id || e.className)).toEqual(['wrap', 'b']);
    expect(queryFirst(document, 'composeRootFullscreen')).toBeNull();
    expect(queryAllFirst(document, 'composeRootFullscreen')).toEqual([]);
  });
});

describe('reading-view fallbacks', () => {
  const expected = thread(parseFixture('thread-known.html'));

  it.each([
    ['threadRoot -> div.nH.if', (d: Document) => edit(d, '.a98.iY', (e) => e.classList.replace('a98', 'if'))],
    ['threadRoot -> :has(h2[data-legacy-thread-id]):has(listitem message)', (d: Document) => edit(d, '.a98.iY', dropClass('a98', 'iY'))],
    [
      'threadRoot -> div:has([data-message-id])',
      (d: Document) => {
        edit(d, '.a98.iY', dropClass('a98', 'iY'));
        edit(d, '[role=listitem]', dropAttr('role'));
      },
    ],
    ['messageItem -> div.adn[data-message-id] (collapsed sender is a duplicate)', (d: Document) => edit(d, '[role=listitem]', dropAttr('role'))],
    [
      'messageItem -> div.h7, div.kv',
      (d: Document) => {
        edit(d, '[role=listitem]', dropAttr('role'));
        edit(d, '.adn', dropClass('adn'));
      },
    ],
    ['messageHeaderSender -> td.gF span[email]', (d: Document) => edit(d, 'h3.iw', dropClass('iw'))],
    [
      'messageHeaderSender -> span.gD[email]',
      (d: Document) => {
        edit(d, 'h3.iw', dropClass('iw'));
        edit(d, 'td.gF', dropClass('gF'));
      },
    ],
    ['messageHeaderRecipients -> span.g2[email]', (d: Document) => edit(d, 'span.hb', dropClass('hb'))],
  ])('%s', (_name, breakIt) => {
    const doc = parseFixture('thread-known.html');
    breakIt(doc);
    expect(thread(doc)).toEqual(expected);
  });

  it('threadSubject -> .ha h2 -> h2.hP, with the id from the URL', () => {
    const doc = parseFixture('thread-known.html');
    edit(doc, 'h2.hP', dropAttr('data-legacy-thread-id', 'data-thread-perm-id'));
    expect(thread(doc)).toEqual({ ...expected, id: 'FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC' });
    edit(doc, '.ha', dropClass('ha'));
    expect(thread(doc)?.subject).toBe('Offer for Q3 steel deliveries');
  });
});

describe('compose fallbacks', () => {
  const two = composes(parseFixture('compose-two.html'));
  const variants = composes(parseFixture('compose-variants.html'));

  it.each([
    ['composeRootPopup -> div.AD [role=dialog]', (d: Document) => edit(d, '.dw', dropClass('dw'))],
    ['composeRootPopup -> div.dw [role=dialog]', (d: Document) => edit(d, '.AD', dropClass('AD'))],
    [
      'composeRootAny (around the body) with the popup classes gone',
      (d: Document) => {
        edit(d, '.dw', dropClass('dw'));
        edit(d, '.AD', dropClass('AD'));
      },
    ],
    [
      'composeBody -> .Ap [contenteditable=true] for the structural fallback',
      (d: Document) => {
        edit(d, '.dw', dropClass('dw'));
        edit(d, '.AD', dropClass('AD'));
        edit(d, '[g_editable]', dropAttr('g_editable'));
      },
    ],
    ['composeRecipientChipsPeopleKit -> div[name] [data-hovercard-id]', (d: Document) => edit(d, '.anm', dropClass('anm'))],
    ['composeRecipientChipsPeopleKit -> [role=listbox] [data-hovercard-id]', (d: Document) => edit(d, '.anm', dropAttr('name'))],
    [
      'composeRecipientChipsPeopleKit -> [role=option][data-hovercard-id]',
      (d: Document) => {
        edit(d, '.anm', dropAttr('name'));
        edit(d, '[role=listbox]', dropAttr('role'));
      },
    ],
    ['composeSubject -> input[name=subject]', (d: Document) => edit(d, 'input[name=subjectbox]', (e) => e.remove())],
  ])('%s', (_name, breakIt) => {
    const doc = parseFixture('compose-two.html');
    breakIt(doc);
    expect(composes(doc)).toEqual(two);
  });

  it.each([
    ['composeRootFullscreen -> .aSt [role=dialog]', (d: Document) => edit(d, '.aSs', dropClass('aSs'))],
    ['composeRootInline -> .ip.adB > div:first-child', (d: Document) => edit(d, '.ip.adB .M9', dropClass('M9'))],
    ['composeRecipientSummary -> .aoD.hl span[email]', (d: Document) => edit(d, '.oL.aDm', dropClass('oL', 'aDm'))],
    ['composeRecipientInputsOld -> .vR input[type=hidden] (role from the row)', (d: Document) => edit(d, '.vR > input', (e) => e.replaceWith(wrap(e)))],
    ['composeRecipientSpansOld (role from the row textarea) without hidden inputs', (d: Document) => edit(d, '.vR input', (e) => e.remove())],
  ])('%s', (_name, breakIt) => {
    const doc = parseFixture('compose-variants.html');
    breakIt(doc);
    expect(composes(doc)).toEqual(variants);
  });

  it('sendButton, discardButton and moreSendOptionsButton find the real controls down the chain', () => {
    const doc = parseFixture('compose-two.html');
    const send = doc.querySelector('div.T-I.aoO');
    expect(queryFirst(doc, 'sendButton')).toBe(send);
    edit(doc, '.IZ', dropClass('IZ'));
    expect(queryFirst(doc, 'sendButton')).toBe(send);
    edit(doc, '.Up', dropClass('Up'));
    expect(queryFirst(doc, 'sendButton')).toBe(send);
    expect(queryFirst(doc, 'moreSendOptionsButton')?.getAttribute('aria-haspopup')).toBe('true');
    expect(queryFirst(doc, 'discardButton')?.classList.contains('oh')).toBe(true);
  });
});

// Moves a hidden input one level down and drops its name, as a markup change might.
function wrap(input: Element): Element {
  const span = input.ownerDocument.createElement('span');
  const copy = input.cloneNode(true) as Element;
  copy.removeAttribute('name');
  span.append(copy);
  return span;
}
