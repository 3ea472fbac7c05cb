// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { COMPOSE_HASH, KNOWN_THREAD_HASH, parseFixture } from './fixtures.testutil';
import { COMPOSE_UNREADABLE, readGmailSnapshot, THREAD_UNREADABLE } from './snapshot';

const IVAN_FROM = { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'from' };
const OLGA_TO = { email: 'olga@rosstal.ru', name: 'Olga Sidorova', role: 'to' };

describe('readGmailSnapshot', () => {
  it('reads the known thread without the user\'s own address', () => {
    expect(readGmailSnapshot(parseFixture('thread-known.html'), null, KNOWN_THREAD_HASH)).toEqual({
      site: 'gmail',
      selfEmail: 'alice@acme-supply.com',
      contexts: [
        {
          kind: 'thread',
          id: '1931a2b3c4d5e6f7',
          subject: 'Offer for Q3 steel deliveries',
          correspondents: [IVAN_FROM, OLGA_TO],
        },
      ],
      focusedContextId: null,
      problems: [],
    });
  });

  it('is identical for the Spanish UI', () => {
    expect(readGmailSnapshot(parseFixture('thread-es.html'), null, KNOWN_THREAD_HASH)).toEqual(
      readGmailSnapshot(parseFixture('thread-known.html'), null, KNOWN_THREAD_HASH),
    );
    const en = parseFixture('compose-two.html');
    const es = parseFixture('compose-es.html');
    const focus = (doc: Document) => doc.querySelector('input[name=subjectbox]');
    expect(readGmailSnapshot(es, focus(es), COMPOSE_HASH)).toEqual(readGmailSnapshot(en, focus(en), COMPOSE_HASH));
  });

  it('is not fooled by a forged message body', () => {
    const snap = readGmailSnapshot(parseFixture('thread-forged.html'), null, '#inbox/FMfcgzQXJWfGhTkLpZxCvBnMqWeRtYuI');
    expect(snap.contexts.map((c) => c.correspondents)).toEqual([[IVAN_FROM]]);
    expect(snap.problems).toEqual([]);
  });

  it('reports a thread it cannot read, in plain words, only on a thread route', () => {
    const doc = parseFixture('thread-changed-dom.html');
    const snap = readGmailSnapshot(doc, null, KNOWN_THREAD_HASH);
    expect(snap.contexts).toEqual([]);
    expect(snap.problems).toEqual([THREAD_UNREADABLE]);
    expect(snap.problems[0]?.message).toMatch(/^ClientDesk cannot read the correspondents of this Gmail thread; Gmail may have changed its page/);
    expect(readGmailSnapshot(doc, null, '#inbox').problems).toEqual([]);
  });

  it('reports a thread whose root is found but whose senders are not', () => {
    const doc = parseFixture('thread-known.html');
    for (const el of Array.from(doc.querySelectorAll('[email]'))) el.removeAttribute('email');
    const snap = readGmailSnapshot(doc, null, KNOWN_THREAD_HASH);
    expect(snap.problems.map((p) => p.code)).toEqual(['thread-unreadable']);
    expect(snap.contexts.map((c) => c.correspondents)).toEqual([[]]);
  });

  it('shows no thread and no problem on the inbox list', () => {
    const snap = readGmailSnapshot(parseFixture('compose-two.html'), null, COMPOSE_HASH);
    expect(snap.problems).toEqual([]);
    expect(snap.contexts.map((c) => c.kind)).toEqual(['compose']);
  });

  it('ignores a hidden thread view left in the page once the route is a list again', () => {
    expect(readGmailSnapshot(parseFixture('thread-known.html'), null, '#inbox').contexts).toEqual([]);
  });

  it('reads the thread and both composes of compose-variants, and the focused one', () => {
    const doc = parseFixture('compose-variants.html');
    const focused = doc.querySelector('.aSt textarea[name=to]');
    const snap = readGmailSnapshot(doc, focused, `${KNOWN_THREAD_HASH}?compose=new`);
    expect(snap.contexts.map((c) => [c.kind, c.variant, c.id])).toEqual([
      ['thread', undefined, '1931a2b3c4d5e6f7'],
      ['compose', 'inline', '#msg-a:r-2209876543210987654'],
      ['compose', 'fullscreen', '2'],
    ]);
    expect(snap.focusedContextId).toBe('2');
    expect(snap.problems).toEqual([]);
  });

  it('reports a compose without any recipients area, once', () => {
    const doc = parseFixture('compose-two.html');
    doc.querySelector('form .fX')?.remove();
    doc.querySelector('form .aoD.hl')?.remove();
    const snap = readGmailSnapshot(doc, null, COMPOSE_HASH);
    expect(snap.problems).toEqual([COMPOSE_UNREADABLE]);
    expect(snap.contexts[0]?.correspondents).toEqual([]);
  });

  it('never gives two composes the same id', () => {
    const doc = parseFixture('compose-variants.html');
    const inlineForm = doc.querySelector('.ip.adB form');
    const clash = doc.createElement('input');
    clash.type = 'hidden';
    clash.name = 'composeid';
    clash.value = '2';
    inlineForm?.prepend(clash);
    const ids = readGmailSnapshot(doc, null, '#inbox').contexts.map((c) => c.id);
    expect(ids[0]).toBe('2');
    expect(ids[1]).toMatch(/^compose-\d+$/);
  });
});
