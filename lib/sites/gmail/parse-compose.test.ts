// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtures.testutil';
import { composeId, findComposeRoots, hasRecipientArea, parseCompose } from './parse-compose';

const IVAN = { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'to' };
const HANS = { email: 'hans@nordfrost.de', name: 'Hans Weber', role: 'to' };
const SUBJECT = 'Q3 deliveries: Rosstal and Nordfrost';

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('findComposeRoots + parseCompose', () => {
  it('reads the pop-up compose with PeopleKit chips', () => {
    const doc = parseFixture('compose-two.html');
    const root = only(findComposeRoots(doc));
    expect(root.variant).toBe('popup');
    expect(root.el.matches('[role=dialog]')).toBe(true);
    expect(parseCompose(root.el, root.variant)).toEqual({
      kind: 'compose',
      id: '1',
      variant: 'popup',
      subject: SUBJECT,
      correspondents: [IVAN, HANS],
    });
  });

  it('gives identical results for the Spanish compose', () => {
    const en = findComposeRoots(parseFixture('compose-two.html')).map((r) => parseCompose(r.el, r.variant));
    const es = findComposeRoots(parseFixture('compose-es.html')).map((r) => parseCompose(r.el, r.variant));
    expect(es).toEqual(en);
  });

  it('finds two composes at once: full-screen (old UI) and inline reply (2025 extra div, summary only)', () => {
    const roots = findComposeRoots(parseFixture('compose-variants.html'));
    expect(roots.map((r) => r.variant)).toEqual(['inline', 'fullscreen']);
    expect(roots.map((r) => parseCompose(r.el, r.variant))).toEqual([
      {
        kind: 'compose',
        id: '#msg-a:r-2209876543210987654',
        variant: 'inline',
        subject: 'Re: Offer for Q3 steel deliveries',
        correspondents: [IVAN],
      },
      {
        kind: 'compose',
        id: '2',
        variant: 'fullscreen',
        subject: 'Price list 2027',
        correspondents: [
          { email: 'olga@rosstal.ru', name: 'Olga Sidorova', role: 'to' },
          { email: 'hans@nordfrost.de', name: 'Hans Weber', role: 'cc' },
        ],
      },
    ]);
  });

  it('drops a removed chip and never resurrects it from the stale hidden summary', () => {
    const doc = parseFixture('compose-two.html');
    doc.querySelector('[data-hovercard-id="hans@nordfrost.de"]')?.closest('.afZ')?.remove();
    const root = only(findComposeRoots(doc));
    expect(parseCompose(root.el).correspondents).toEqual([IVAN]);
  });

  it('reports no recipients (not the summary) when every chip is removed', () => {
    const doc = parseFixture('compose-two.html');
    for (const chip of Array.from(doc.querySelectorAll('[role=option][data-hovercard-id]'))) chip.remove();
    const root = only(findComposeRoots(doc));
    expect(parseCompose(root.el).correspondents).toEqual([]);
    expect(hasRecipientArea(root.el)).toBe(true);
  });

  it('takes the Cc role from the enclosing .anm[name=cc]', () => {
    const doc = parseFixture('compose-two.html');
    const chip = doc.querySelector('.anm[name=to] .afZ.af1');
    const ccListbox = doc.querySelector('.anm[name=cc] [role=listbox]');
    if (!chip || !ccListbox) throw new Error('fixture changed');
    ccListbox.prepend(chip);
    expect(parseCompose(only(findComposeRoots(doc)).el).correspondents).toEqual([HANS, { ...IVAN, role: 'cc' }]);
  });

  it('still counts a minimised compose', () => {
    const doc = parseFixture('compose-two.html');
    const dialog = doc.querySelector('[role=dialog]');
    dialog?.querySelector('.aaZ')?.setAttribute('style', 'display: none;');
    dialog?.closest('.nn')?.setAttribute('style', 'height: 40px;');
    expect(findComposeRoots(doc)).toHaveLength(1);
  });

  it('ignores an emptied full-screen shell left while a closed compose saves', () => {
    const doc = parseFixture('compose-variants.html');
    doc.querySelector('.aSt [role=dialog] div.aaZ')?.replaceChildren();
    expect(findComposeRoots(doc).map((r) => r.variant)).toEqual(['inline']);
  });

  it('ignores recipient-like markup typed into the compose body', () => {
    const doc = parseFixture('compose-two.html');
    const body = doc.querySelector('[g_editable=true]');
    const fake = doc.createElement('div');
    fake.setAttribute('role', 'option');
    fake.setAttribute('data-hovercard-id', 'spy@evil.com');
    body?.append(fake);
    expect(parseCompose(only(findComposeRoots(doc)).el).correspondents).toEqual([IVAN, HANS]);
  });
});

describe('composeId', () => {
  it('uses composeid, then the draft id, then a stable generated id per element', () => {
    const doc = parseFixture('compose-two.html');
    const root = only(findComposeRoots(doc)).el;
    expect(composeId(root)).toBe('1');
    root.querySelector('input[name=composeid]')?.remove();
    expect(composeId(root)).toBe('#msg-a:r-7673660351152959857');
    root.querySelector('input[name=draft]')?.setAttribute('value', 'undefined');
    const generated = composeId(root);
    expect(generated).toMatch(/^compose-\d+$/);
    expect(composeId(root)).toBe(generated);
    expect(composeId(doc.createElement('div'))).not.toBe(generated);
  });
});
