import { useCallback, useEffect, useRef, useState } from 'react';
import { loadClientList, loadClientsChangedSince } from '@/lib/db/client-list';
import { getDb } from '@/lib/db/database';
import { toListRow, type ClientListRow } from '@/lib/domain/client-list';
import type { Client, Contact } from '@/lib/domain/types';

// The whole client base in memory for the Options list (100,000 clients are a few tens of MB): read
// once the list or a client page is first shown (not for Today, Import or Settings: 4 s at 100,000
// clients), then kept current by reading only what changed since (the `updatedAt` index), when the
// page comes back into view, every few seconds while the list is shown, and after its own writes.

const REFRESH_MS = 4000;

export interface ClientBase {
  loading: boolean;
  rows: ClientListRow[];
  clients: ReadonlyMap<string, Client>;
  contactsByClient: ReadonlyMap<string, readonly Contact[]>;
  /** Read what changed now (after an import, a merge…). */
  refresh(): Promise<void>;
  /** Read everything again (after a restore or removing sample data: records deleted outright leave no trace to follow). */
  reloadAll(): Promise<void>;
}

interface Store {
  clients: Map<string, Client>;
  contactsByClient: Map<string, Contact[]>;
  contactOwner: Map<string, string>;
  rows: Map<string, ClientListRow>;
  maxUpdatedAt: string;
  /** The zone the rows' days were computed in. */
  timeZone: string;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** `wanted`: a page that shows the base is open; until then nothing is read. */
export function useClientBase(timeZone: string, wanted: boolean): ClientBase {
  const store = useRef<Store | null>(null);
  const [view, setView] = useState<Omit<ClientBase, 'refresh' | 'reloadAll'>>({ loading: true, rows: [], clients: new Map(), contactsByClient: new Map() });
  const busy = useRef<Promise<void> | null>(null);

  const publish = useCallback(() => {
    const s = store.current;
    if (s) setView({ loading: false, rows: [...s.rows.values()], clients: s.clients, contactsByClient: s.contactsByClient });
  }, []);

  const loadAll = useCallback(async () => {
    const { clients, contactsByClient } = await loadClientList(getDb());
    const s: Store = { clients: new Map(), contactsByClient, contactOwner: new Map(), rows: new Map(), maxUpdatedAt: '', timeZone };
    for (const client of clients) {
      s.clients.set(client.id, client);
      s.maxUpdatedAt = later(s.maxUpdatedAt, client.updatedAt);
      const contacts = contactsByClient.get(client.id) ?? [];
      for (const c of contacts) {
        s.contactOwner.set(c.id, client.id);
        s.maxUpdatedAt = later(s.maxUpdatedAt, c.updatedAt);
      }
      s.rows.set(client.id, toListRow(client, contacts, timeZone));
    }
    store.current = s;
    publish();
  }, [publish, timeZone]);

  const applyChanges = useCallback(async () => {
    const s = store.current;
    // Not read yet: read it all when a page wants it; a write elsewhere before then changes nothing.
    if (!s || s.timeZone !== timeZone) return wanted ? loadAll() : undefined;
    const changes = await loadClientsChangedSince(getDb(), s.maxUpdatedAt);
    if (changes.clients.length === 0 && changes.contacts.length === 0) return;
    const affected = new Set<string>();
    for (const client of changes.clients) {
      s.maxUpdatedAt = later(s.maxUpdatedAt, client.updatedAt);
      affected.add(client.id);
      if (client.deletedAt) s.clients.delete(client.id);
      else s.clients.set(client.id, client);
    }
    for (const contact of changes.contacts) {
      s.maxUpdatedAt = later(s.maxUpdatedAt, contact.updatedAt);
      const before = s.contactOwner.get(contact.id);
      if (before !== undefined) {
        affected.add(before);
        s.contactsByClient.set(before, (s.contactsByClient.get(before) ?? []).filter((c) => c.id !== contact.id));
      }
      if (contact.deletedAt) {
        s.contactOwner.delete(contact.id);
        continue;
      }
      s.contactOwner.set(contact.id, contact.clientId);
      affected.add(contact.clientId);
      const list = [...(s.contactsByClient.get(contact.clientId) ?? []), contact];
      list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      s.contactsByClient.set(contact.clientId, list);
    }
    for (const id of affected) {
      const client = s.clients.get(id);
      if (client) s.rows.set(id, toListRow(client, s.contactsByClient.get(id) ?? [], timeZone));
      else s.rows.delete(id);
    }
    publish();
  }, [loadAll, publish, timeZone, wanted]);

  /** One read at a time: a refresh asked for during another waits for it, then runs. */
  const refresh = useCallback(async () => {
    const previous = busy.current ?? Promise.resolve();
    const next = previous.then(applyChanges).catch((error: unknown) => console.warn('[ClientDesk] reading the base failed:', error));
    busy.current = next;
    await next;
  }, [applyChanges]);

  const reloadAll = useCallback(async () => {
    store.current = null;
    await refresh();
  }, [refresh]);

  useEffect(() => {
    if (!wanted) return;
    void refresh();
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    const timer = setInterval(() => document.visibilityState === 'visible' && void refresh(), REFRESH_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [refresh, wanted]);

  return { ...view, refresh, reloadAll };
}
