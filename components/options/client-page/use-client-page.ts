import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb } from '@/lib/db/database';
import { loadClientPage } from '@/lib/db/client-list';
import type { Activity, Client, Complaint, Contact, Contract } from '@/lib/domain/types';
import type { ClientPatch } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';

// The client page's data (read here, through lib/db: Options is a first-party page) and its saves
// (through the background, the one writer). Saves run one after another, each sending the version
// it edits, so two open pages never overwrite each other's edits silently.

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

export interface ClientPageData {
  client: Client;
  contacts: Contact[];
  activities: Activity[];
  /** Alive contracts, the latest first. */
  contracts: Contract[];
  /** Alive complaints, resolved ones included, the latest opened first. */
  complaints: Complaint[];
}

export function useClientPage(clientId: string) {
  const [data, setData] = useState<ClientPageData | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // Bumped when a refused edit reloads the card: the page remounts its fields, so none keeps a
  // value that was not saved as if it were.
  const [version, setVersion] = useState(0);
  const latest = useRef<Client | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const reload = useCallback(async () => {
    const page = await loadClientPage(getDb(), clientId);
    latest.current = page?.client ?? null;
    setData(page ? { client: page.client, contacts: page.contacts, activities: page.activities, contracts: page.contracts, complaints: page.complaints } : null);
  }, [clientId]);

  // Options mounts one page per client id (key), so the first render is always "loading".
  useEffect(() => {
    // Another page (the sidebar, a second tab) may change this card: show it when we come back.
    const onFocus = () => void reload();
    const first = setTimeout(onFocus, 0);
    window.addEventListener('focus', onFocus);
    return () => {
      clearTimeout(first);
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);

  /** Runs writes one at a time; a refused edit reloads the card and says what was not saved. */
  const enqueue = useCallback(
    <T,>(write: () => Promise<T>, what: string): Promise<T | null> => {
      const next = queue.current.then(async () => {
        setSaveState({ kind: 'saving' });
        try {
          const result = await write();
          setSaveState({ kind: 'saved', at: new Date() });
          return result;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          setSaveState({ kind: 'error', message: `${what} was not saved: ${message}` });
          if (/changed elsewhere|no longer exists/.test(message)) {
            await reload();
            setVersion((v) => v + 1);
          }
          return null;
        }
      });
      queue.current = next;
      return next;
    },
    [reload],
  );

  const saveClient = useCallback(
    (patch: ClientPatch, what: string) =>
      enqueue(async () => {
        const current = latest.current;
        if (!current) throw new Error('the card is not loaded');
        const client = await sendToBackground<Client>({ type: 'pageToBackground.updateClient', clientId, patch, expectedUpdatedAt: current.updatedAt });
        latest.current = client;
        setData((d) => (d ? { ...d, client } : d));
        return client;
      }, what),
    [clientId, enqueue],
  );

  /** Any other write (contacts, notes, merge): then the whole page is read again. */
  const write = useCallback(
    <T,>(run: () => Promise<T>, what: string) =>
      enqueue(async () => {
        const result = await run();
        await reload();
        return result;
      }, what),
    [enqueue, reload],
  );

  /** A value the page itself refuses (not a number…): shown where saves report. */
  const reportError = useCallback((message: string) => setSaveState({ kind: 'error', message }), []);

  return { data, version, saveState, saveClient, write, reload, reportError };
}
