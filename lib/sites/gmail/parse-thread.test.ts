// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { KNOWN_THREAD_HASH, parseFixture } from './fixtures.testutil';
import { findThreadRoot, parseOpenThread } from './parse-thread';

const IVAN = { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'from' };
const ME = { email: 'alice@acme-supply.com', name: 'me', role: 'to' };
const OLGA = { email: 'olga@rosstal.ru', name: 'Olga Sidorova', role: 'to' };

describe('parseOpenThread', () => {
  it('reads sender and recipients from the headers of the known thread, deduped, first role kept', () => {
    expect(parseOpenThread(parseFixture('thread-known.html'), KNOWN_THREAD_HASH)).toEqual({
      kind: 'thread',
      id: '1931a2b3c4d5e6f7',
      subject: 'Offer for Q3 steel deliveries',
      // The collapsed second message adds Alice as 'from', already present as 'to'.
      correspondents: [IVAN, ME, OLGA],
    });
  });

  it('gives the same people, id and subject with the Spanish UI (only the self label differs)', () => {
    const en = parseOpenThread(parseFixture('thread-known.html'), KNOWN_THREAD_HASH);
    const es = parseOpenThread(parseFixture('thread-es.html'), KNOWN_THREAD_HASH);
    expect(es).toEqual({ ...en, correspondents: [IVAN, { ...ME, name: 'mí' }, OLGA] });
  });

  it('ignores forged header markup inside a message body', () => {
    const thread = parseOpenThread(parseFixture('thread-forged.html'), '#inbox/FMfcgzQXJWfGhTkLpZxCvBnMqWeRtYuI');
    expect(thread).toEqual({
      kind: 'thread',
      id: '1931a2b3c4d5f003',
      subject: 'Re: Offer for Q3 steel deliveries',
      correspondents: [IVAN, ME],
    });
  });

  it('still ignores the forged body when the real header loses its h3.iw (falls back to td.gF)', () => {
    const doc = parseFixture('thread-forged.html');
    for (const h3 of Array.from(doc.querySelectorAll('.gE h3.iw'))) h3.classList.remove('iw');
    expect(parseOpenThread(doc, '')?.correspondents).toEqual([IVAN, ME]);
  });

  it('reads the other single-message threads', () => {
    expect(parseOpenThread(parseFixture('thread-domain.html'), '')?.correspondents).toEqual([
      { email: 'new.person@rosstal.ru', name: 'New Person', role: 'from' },
      ME,
    ]);
    expect(parseOpenThread(parseFixture('thread-unknown.html'), '')?.correspondents).toEqual([
      { email: 'maria.garcia@baltic-fish.lt', name: 'Maria Garcia', role: 'from' },
      ME,
    ]);
  });

  it('does not take the inline reply\'s recipients for thread people', () => {
    const thread = parseOpenThread(parseFixture('compose-variants.html'), KNOWN_THREAD_HASH);
    expect(thread?.correspondents).toEqual([IVAN, ME, OLGA]);
  });

  it('returns null when Gmail changed its markup, or when no thread is open', () => {
    expect(parseOpenThread(parseFixture('thread-changed-dom.html'), KNOWN_THREAD_HASH)).toBeNull();
    expect(findThreadRoot(parseFixture('compose-two.html'))).toBeNull();
  });

  it('takes the thread id from data-thread-perm-id, then the URL hash', () => {
    const doc = parseFixture('thread-known.html');
    const h2 = doc.querySelector('h2.hP');
    h2?.removeAttribute('data-legacy-thread-id');
    expect(parseOpenThread(doc, KNOWN_THREAD_HASH)?.id).toBe('thread-f:1815234567890123456');
    h2?.removeAttribute('data-thread-perm-id');
    expect(parseOpenThread(doc, KNOWN_THREAD_HASH)?.id).toBe('FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC');
    expect(parseOpenThread(doc, '#inbox')?.id).toBe('thread');
  });

  it('only reads inside div[role=main]', () => {
    const doc = parseFixture('thread-known.html');
    doc.querySelector('[role=main]')?.removeAttribute('role');
    expect(parseOpenThread(doc, KNOWN_THREAD_HASH)).toBeNull();
  });
});
