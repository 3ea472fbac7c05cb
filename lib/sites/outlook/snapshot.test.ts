// @vitest-environment happy-dom
// readOutlookSnapshot against the fixtures (site-dom-facts 2.5, 2.3; outlook-2026 1a, 3).
import { describe, expect, it } from 'vitest';
import { COMPOSE_PATH, READ_PATH, parseFixture } from './fixtures.testutil';
import { COMPOSE_UNREADABLE, THREAD_UNREADABLE, readOutlookSnapshot } from './snapshot';

const IVAN = { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'from' };
const OLGA = { email: 'olga@rosstal.ru', name: 'Olga Smirnova', role: 'cc' };
const THREAD = { kind: 'thread', id: 'AAQkAGI2TG93AAA=', subject: 'Q3 steel deliveries', correspondents: [IVAN, OLGA] };

const el = (doc: ParentNode, selector: string) => {
  const found = doc.querySelector(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found;
};

describe('readOutlookSnapshot: reading pane', () => {
  it.each(['read-known.html', 'read-fr.html'])('%s: sender and Cc, self excluded, forged body markup ignored', (name) => {
    const snapshot = readOutlookSnapshot(parseFixture(name), null, READ_PATH);
    expect(snapshot).toEqual({ site: 'outlook', selfEmail: 'alice@acme-supply.com', contexts: [THREAD], focusedContextId: null, problems: [] });
  });

  it('keeps display-name-only people as { email: null, name }', () => {
    const doc = parseFixture('read-known.html');
    el(doc, '[data-lpc-hover-target-id="lpc-react-target-3"]').textContent = 'Olga Smirnova';
    const thread = readOutlookSnapshot(doc, null, READ_PATH).contexts[0];
    expect(thread?.correspondents).toEqual([IVAN, { email: null, name: 'Olga Smirnova', role: 'cc' }]);
  });

  it('falls back to .OZZZK[title] and to the row aria-label when there are no personas', () => {
    const doc = parseFixture('read-known.html');
    for (const p of Array.from(doc.querySelectorAll('[data-lpc-hover-target-id]'))) p.replaceWith(doc.createTextNode(p.textContent ?? ''));
    el(doc, '.OZZZK[title]').textContent = 'Ivan Petrov';
    el(doc, '[aria-label="To: Alice Martin"]').setAttribute('aria-label', 'To: Alice Martin <alice@acme-supply.com>');
    el(doc, '[aria-label="Cc: Olga Smirnova"]').setAttribute('aria-label', 'Cc: Olga Smirnova <olga@rosstal.ru>; Hans <hans@nordfrost.de>');
    for (const row of Array.from(doc.querySelectorAll('[data-testid="RecipientWell"]'))) row.replaceChildren();
    const thread = readOutlookSnapshot(doc, null, READ_PATH).contexts[0];
    expect(thread?.correspondents).toEqual([IVAN, OLGA, { email: 'hans@nordfrost.de', name: 'Hans', role: 'cc' }]);
  });

  it('takes the thread id from the URL when no [data-convid] is shown', () => {
    const doc = parseFixture('read-known.html');
    for (const host of Array.from(doc.querySelectorAll('[data-convid]'))) host.removeAttribute('data-convid');
    expect(readOutlookSnapshot(doc, null, '/mail/0/inbox/id/AQQkADAwATM%3D').contexts[0]?.id).toBe('AQQkADAwATM=');
  });

  it('reports thread-unreadable on an item route with nothing readable, and nothing on a folder', () => {
    const doc = parseFixture('read-known.html');
    el(doc, '[data-app-section="ConversationContainer"]').replaceChildren();
    expect(readOutlookSnapshot(doc, null, READ_PATH).problems).toEqual([THREAD_UNREADABLE]);
    expect(readOutlookSnapshot(doc, null, '/mail/inbox').problems).toEqual([]);
    expect(readOutlookSnapshot(doc, null, '/mail/inbox').contexts).toEqual([]);
  });
});

describe('readOutlookSnapshot: compose', () => {
  const DOCK_2026 = {
    kind: 'compose',
    id: 'AAMkADraft2026Dock',
    variant: 'inline',
    subject: 'Q3 steel deliveries',
    correspondents: [
      { email: null, name: 'Ivan Petrov', role: 'to' },
      { email: 'olga@rosstal.ru', name: '', role: 'cc' },
    ],
  };

  it('2024 wells: a "Name <addr>" pill and a display-name-only pill; no draft id on the page', () => {
    const snapshot = readOutlookSnapshot(parseFixture('compose-2024.html'), null, COMPOSE_PATH);
    expect(snapshot.contexts).toEqual([
      {
        kind: 'compose',
        id: 'docking_InitVisiblePart_0',
        variant: 'inline',
        subject: '',
        correspondents: [
          { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'to' },
          { email: null, name: 'Hans Weber', role: 'cc' },
        ],
      },
    ]);
    expect(snapshot.problems).toEqual([]);
  });

  it('2026 containers: two composes at once, each with its draft id; focus picks one', () => {
    const doc = parseFixture('compose-2026.html');
    const snapshot = readOutlookSnapshot(doc, el(doc, '[role=dialog] [aria-multiline=true]'), COMPOSE_PATH);
    expect(snapshot.contexts).toEqual([
      DOCK_2026,
      {
        kind: 'compose',
        id: 'AAMkADraft2026Dialog',
        variant: 'popup',
        subject: '',
        correspondents: [{ email: 'hans@nordfrost.de', name: 'Hans Weber', role: 'to' }],
      },
    ]);
    expect(snapshot.focusedContextId).toBe('AAMkADraft2026Dialog');
  });

  it('the French UI reads exactly like the English one', () => {
    const fr = readOutlookSnapshot(parseFixture('compose-fr.html'), null, COMPOSE_PATH);
    expect(fr.contexts).toEqual([{ ...DOCK_2026, id: 'AAMkADraftFrDock' }]);
  });

  it('roles follow the container labels when known (a hidden Cc), else the order To, Cc, Bcc', () => {
    const doc = parseFixture('compose-2026.html');
    el(doc, '[aria-label="Bcc"][data-fixture-role]').append(el(doc, '[data-fixture-address="olga@rosstal.ru"]'));
    el(doc, '[aria-label="Cc"][data-fixture-role]').parentElement?.remove();
    const people = () => readOutlookSnapshot(doc, null, COMPOSE_PATH).contexts[0]?.correspondents.map((c) => c.role);
    expect(people()).toEqual(['to', 'bcc']);
    el(doc, '[aria-label="Bcc"][data-fixture-role]').setAttribute('aria-label', 'Zz');
    expect(people()).toEqual(['to', 'cc']);
  });

  it('a full-page (pop-out) compose and the own address in a pill are handled', () => {
    const doc = parseFixture('compose-2026.html');
    el(doc, '[role=dialog]').setAttribute('role', 'none');
    el(doc, '[role=none]').setAttribute('data-app-section', 'ComposeForm');
    el(doc, '[data-fixture-address="hans@nordfrost.de"] [class*="textContainer-"]').textContent = 'alice@acme-supply.com';
    const contexts = readOutlookSnapshot(doc, null, '/mail/compose/AAMkADraft2026Dialog').contexts;
    expect(contexts[1]).toMatchObject({ variant: 'fullscreen', correspondents: [] });
  });

  it('reports compose-unreadable when a compose shows no recipient container, or a compose route shows none', () => {
    const doc = parseFixture('compose-2024.html');
    for (const box of Array.from(doc.querySelectorAll('[data-fixture-role]'))) box.removeAttribute('contenteditable');
    for (const box of Array.from(doc.querySelectorAll('[data-fixture-role]'))) box.setAttribute('dir', 'ltr');
    for (const box of Array.from(doc.querySelectorAll('[data-fixture-role]'))) box.removeAttribute('aria-label');
    expect(readOutlookSnapshot(doc, null, COMPOSE_PATH).problems).toEqual([COMPOSE_UNREADABLE]);
    const empty = parseFixture('read-known.html');
    expect(readOutlookSnapshot(empty, null, '/mail/deeplink/compose').problems).toEqual([COMPOSE_UNREADABLE]);
  });
});
