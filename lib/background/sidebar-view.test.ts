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
    expect(maria?.draft).toEqual({ companyName: 'Baltic-fish', domain: 'baltic-fish.lt', contactName: 'Maria Garcia', email: 'maria.garcia@baltic-fish.lt', phone: null });
    // A free-mail sender is a private person: no company domain, the name guessed from the address.
    expect(sam?.draft).toEqual({ companyName: 'Sam Smith', domain: null, contactName: 'Sam Smith', email: 'sam.smith@gmail.com', phone: null });
    expect(view.emittedAt).toBe(5);
  });

  it('matches a caller by number in any format, shows every client of a shared number, and drafts a card for an unknown one', async () => {
    const db = freshDb();
    const settings = testSettings({ defaultPhoneRegion: 'RU' });
    const rosstal = buildClient({ name: 'Rosstal' }, 'm');
    const nordfrost = buildClient({ name: 'Nordfrost' }, 'm');
    const ivan = buildContact(rosstal.id, { name: 'Ivan Petrov', phones: [{ raw: '+7 916 123-45-67', e164: '+79161234567', ext: null }] }, 'm');
    // A switchboard both companies share.
    const desk = (clientId: string) => buildContact(clientId, { name: 'Reception', phones: [{ raw: '8 495 000-00-00', e164: '+74950000000', ext: null }] }, 'm');
    await db.clients.bulkAdd([rosstal, nordfrost]);
    await db.contacts.bulkAdd([ivan, desk(rosstal.id), desk(nordfrost.id)]);
    const call = { direction: 'in' as const, state: 'ringing' as const, startedAt: 1, connectedAt: null, endedAt: null, durationSec: null };
    const callSnapshot = (phone: string): PageSnapshot => ({
      site: 'google-voice', selfEmail: null, focusedContextId: null, problems: [],
      contexts: [{ kind: 'call', id: 'c1', subject: '', correspondents: [{ email: null, name: '', role: 'from', phone }], call }],
    });

    for (const shown of ['8 (916) 123-45-67', '+7 916 123 45 67', '79161234567']) {
      const [context] = (await buildSidebarView(db, callSnapshot(shown), null, settings)).contexts;
      expect(context).toMatchObject({ call, callRef: 'google-voice:c1', loggedCallId: null });
      expect(context?.correspondents[0]?.phone).toEqual({ e164: '+79161234567', ext: null, shown, international: '+7 916 123 45 67' });
      expect(context?.correspondents[0]?.cards.map((c) => [c.client.name, c.by, c.matchedContactId])).toEqual([['Rosstal', 'phone', ivan.id]]);
    }
    // An open complaint shows on the card; a resolved one does not.
    const at = '2026-11-01T00:00:00.000Z';
    const complaint = (subject: string, status: 'open' | 'resolved') => ({ id: crypto.randomUUID(), ownerId: 'm', createdAt: at, updatedAt: at, deletedAt: null, clientId: rosstal.id, openedAt: '2026-11-01', subject, details: '', status, resolution: '', resolvedAt: null });
    await db.complaints.bulkAdd([complaint('Late delivery', 'open'), complaint('Wrong invoice', 'resolved')]);
    const withComplaint = (await buildSidebarView(db, callSnapshot('+79161234567'), null, settings)).contexts[0]?.correspondents[0]?.cards[0];
    expect(withComplaint?.openComplaints?.map((c) => c.subject)).toEqual(['Late delivery']);
    const shared = (await buildSidebarView(db, callSnapshot('+7 495 000 00 00'), null, settings)).contexts[0]?.correspondents[0];
    expect(shared?.cards.map((c) => c.client.name).sort()).toEqual(['Nordfrost', 'Rosstal']);
    const unknown = (await buildSidebarView(db, callSnapshot('+49 30 1234567'), null, settings)).contexts[0]?.correspondents[0];
    expect(unknown?.cards).toEqual([]);
    expect(unknown?.draft.phone).toBe('+49 30 1234567');
  });

  it("reads a softphone's national number in the softphone's region, never in the user's default (issue 12.5)", async () => {
    const db = freshDb();
    const settings = testSettings({ defaultPhoneRegion: 'RU' });
    // The same national digits are a US number and a valid Russian mobile.
    const kansas = buildClient({ name: 'Kansas Feed Supply' }, 'm');
    const tomsk = buildClient({ name: 'Tomsk Metall' }, 'm');
    await db.clients.bulkAdd([kansas, tomsk]);
    await db.contacts.bulkAdd([
      buildContact(kansas.id, { name: 'John Miller', phones: [{ raw: '+1 913 555 8888', e164: '+19135558888', ext: null }] }, 'm'),
      buildContact(tomsk.id, { name: 'Pavel Orlov', phones: [{ raw: '+7 913 555-88-88', e164: '+79135558888', ext: null }] }, 'm'),
    ]);
    const call = { direction: 'in' as const, state: 'ringing' as const, startedAt: 1, connectedAt: null, endedAt: null, durationSec: null };
    const caller = async (site: string, region: string | undefined, phone: string) => {
      const snapshot: PageSnapshot = {
        site, selfEmail: null, focusedContextId: null, problems: [],
        contexts: [{ kind: 'call', id: 'c1', subject: '', correspondents: [{ email: null, name: '', role: 'from', phone }], call, ...(region ? { region } : {}) }],
      };
      return (await buildSidebarView(db, snapshot, null, settings)).contexts[0]?.correspondents[0];
    };

    const fromVoice = await caller('google-voice', 'US', '(913) 555 8888');
    expect(fromVoice?.phone).toEqual({ e164: '+19135558888', ext: null, shown: '(913) 555 8888', international: '+1 913 555 8888' });
    expect(fromVoice?.cards.map((c) => c.client.name)).toEqual(['Kansas Feed Supply']);
    // A 3CX PBX in Russia: the same digits are the Russian client's.
    const fromPbx = await caller('3cx', 'RU', '(913) 555 8888');
    expect(fromPbx?.phone?.e164).toBe('+79135558888');
    expect(fromPbx?.cards.map((c) => c.client.name)).toEqual(['Tomsk Metall']);
    // A number with its country code is that country's, whatever the softphone's region.
    expect((await caller('google-voice', 'US', '+7 913 555-88-88'))?.cards.map((c) => c.client.name)).toEqual(['Tomsk Metall']);
    // "Create client card" and the log form get the number in a form that reads the same everywhere.
    const unknown = await caller('google-voice', 'US', '(212) 555 0123');
    expect(unknown?.cards).toEqual([]);
    expect(unknown?.draft.phone).toBe('+1 212 555 0123');
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
