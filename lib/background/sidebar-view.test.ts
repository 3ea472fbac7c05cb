import { describe, expect, it } from 'vitest';
import { buildClient, buildContact } from '@/lib/db/records';
import { freshDb, testSettings } from '@/lib/db/test-helpers';
import type { PageSnapshot } from '@/lib/sites/types';
import { buildSidebarView, CardCache } from './sidebar-view';

function snapshot(correspondents: PageSnapshot['contexts'][number]['correspondents'], selfEmail: string | null = null): PageSnapshot {
  return { site: 'gmail', selfEmail, focusedContextId: null, problems: [], contexts: [{ kind: 'thread', id: 't1', subject: 'Offer', correspondents }] };
}

describe('buildSidebarView', () => {
  it('gives each correspondent its cards, or a pre-filled draft for a new card', async () => {
    const db = freshDb();
    const settings = testSettings();
    const rosstal = buildClient({ name: 'Rosstal', domains: ['rosstal.ru'], status: 'active' }, 'm');
    const ivan = buildContact(rosstal.id, { name: 'Ivan Petrov', emails: ['ivan.petrov@rosstal.ru'] }, 'm');
    await db.clients.add(rosstal);
    await db.contacts.add(ivan);

    const view = await buildSidebarView(
      db,
      snapshot(
        [
          { email: 'Ivan.Petrov@Rosstal.ru', name: 'Ivan Petrov', role: 'from' },
          { email: 'maria.garcia@baltic-fish.lt', name: 'Maria Garcia', role: 'to' },
          { email: 'sam.smith@gmail.com', name: '', role: 'cc' },
          { email: 'alice@acme-supply.com', name: 'me', role: 'to' },
          { email: 'bob@acme-supply.com', name: 'Bob', role: 'cc' },
        ],
        'alice@acme-supply.com',
      ),
      5,
      settings,
    );
    const [thread] = view.contexts;
    // The user and an unknown colleague of the user's own company are left out.
    expect(thread?.correspondents.map((c) => c.email)).toEqual(['ivan.petrov@rosstal.ru', 'maria.garcia@baltic-fish.lt', 'sam.smith@gmail.com']);
    const [ivanView, maria, sam] = thread!.correspondents;
    expect(ivanView?.cards.map((c) => [c.client.name, c.by, c.matchedContactId])).toEqual([['Rosstal', 'address', ivan.id]]);
    expect(maria?.cards).toEqual([]);
    expect(maria?.draft).toEqual({ companyName: 'Baltic-fish', domain: 'baltic-fish.lt', contactName: 'Maria Garcia', email: 'maria.garcia@baltic-fish.lt' });
    // A free-mail sender is a private person: no company domain, the name guessed from the address.
    expect(sam?.draft).toEqual({ companyName: 'Sam Smith', domain: null, contactName: 'Sam Smith', email: 'sam.smith@gmail.com' });
    expect(view.emittedAt).toBe(5);
  });

  it('puts the focused compose first and matches name-only correspondents as unconfirmed', async () => {
    const db = freshDb();
    const rosstal = buildClient({ name: 'Rosstal' }, 'm');
    await db.clients.add(rosstal);
    await db.contacts.add(buildContact(rosstal.id, { name: 'Olga Sidorova', emails: ['olga@rosstal.ru'] }, 'm'));
    const view = await buildSidebarView(
      db,
      {
        site: 'gmail',
        selfEmail: null,
        focusedContextId: 'c2',
        problems: [],
        contexts: [
          { kind: 'thread', id: 't1', subject: '', correspondents: [] },
          { kind: 'compose', id: 'c1', subject: '', correspondents: [] },
          { kind: 'compose', id: 'c2', subject: '', correspondents: [{ email: null, name: 'Olga Sidorova', role: 'to' }] },
        ],
      },
      null,
      testSettings(),
    );
    expect(view.contexts.map((c) => [c.id, c.focused])).toEqual([['c2', true], ['c1', false], ['t1', false]]);
    expect(view.contexts[0]?.correspondents[0]?.cards.map((c) => [c.client.name, c.by, c.confirmed])).toEqual([['Rosstal', 'name', false]]);
  });
});

describe('CardCache', () => {
  it('answers repeated correspondents without reading the database, until cleared', async () => {
    const db = freshDb();
    const settings = testSettings();
    const cache = new CardCache();
    const rosstal = buildClient({ name: 'Rosstal', domains: ['rosstal.ru'] }, 'm');
    await db.clients.add(rosstal);
    const snap = snapshot([{ email: 'ivan@rosstal.ru', name: 'Ivan', role: 'from' }]);
    expect((await buildSidebarView(db, snap, null, settings, cache)).contexts[0]?.correspondents[0]?.cards).toHaveLength(1);
    await db.clients.delete(rosstal.id);
    // Still cached: the write above bypassed the background, which would have cleared the cache.
    expect((await buildSidebarView(db, snap, null, settings, cache)).contexts[0]?.correspondents[0]?.cards).toHaveLength(1);
    cache.clear();
    expect((await buildSidebarView(db, snap, null, settings, cache)).contexts[0]?.correspondents[0]?.cards).toHaveLength(0);
  });
});
