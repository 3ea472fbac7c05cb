import type { Harness } from './harness';

// What the extension STORED, read straight from its IndexedDB in the service worker (raw IndexedDB:
// the worker's Dexie is not reachable from a test). Tests assert these rows, not only what a page shows.

/** Every row of one table of the extension's database; [] when the table does not exist (an older schema). */
export async function storedRows<T = Record<string, unknown>>(harness: Harness, table: string): Promise<T[]> {
  const worker = await harness.worker();
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('clientdesk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return resolve([]);
          }
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error ?? new Error(`cannot read ${name}`));
        };
      }),
    table,
  );
}

export interface StoredActivity {
  id: string;
  type: string;
  clientId: string | null;
  channelRef: string | null;
  templateId: string | null;
  summary: string;
}

export interface StoredClient {
  id: string;
  name: string;
  nextContactAt: string | null;
  lastContactAt: string | null;
}

/** The mail activities (e-mails and e-mail offers) stored so far. */
export async function storedMailActivities(harness: Harness): Promise<StoredActivity[]> {
  const rows = await storedRows<StoredActivity>(harness, 'activities');
  return rows.filter((a) => a.type === 'email' || a.type === 'email_offer');
}

/** `{ email: n, email_offer: m }` of the stored mail activities. */
export async function mailActivityCounts(harness: Harness): Promise<Record<string, number>> {
  const counts: Record<string, number> = { email: 0, email_offer: 0 };
  for (const a of await storedMailActivities(harness)) counts[a.type] = (counts[a.type] ?? 0) + 1;
  return counts;
}

/** The stored client card of that name (the seed's "Rosstal", "Nordfrost"). */
export async function storedClient(harness: Harness, name: string): Promise<StoredClient> {
  const found = (await storedRows<StoredClient>(harness, 'clients')).find((c) => c.name === name);
  if (!found) throw new Error(`No stored client ${name}`);
  return found;
}
