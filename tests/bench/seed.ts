import type { Worker } from 'playwright-core';

// Seeds the extension's database in its service worker with raw IndexedDB (records of the
// schema-v1 shape): far faster than importing 300,000 rows as CSV.

export const contactEmail = (client: number, contact: number) => `p${contact}.c${client}@company${client}.example`;

export async function seedBase(worker: Worker, clients: number, perClient: number): Promise<void> {
  await worker.evaluate(
    async ({ clients, perClient }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('clientdesk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const now = new Date().toISOString();
      const base = { ownerId: 'bench', createdAt: now, updatedAt: now, deletedAt: null };
      for (let start = 0; start < clients; start += 5000) {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction(['clients', 'contacts'], 'readwrite');
          const clientStore = tx.objectStore('clients');
          const contactStore = tx.objectStore('contacts');
          for (let i = start; i < Math.min(clients, start + 5000); i++) {
            const domain = `company${i}.example`;
            clientStore.put({
              ...base, id: `client-${i}`, name: `Company ${i}`, legalName: '', taxId: String(7700000000 + i), status: 'active',
              domains: [domain], emails: [], phones: [], phoneE164s: [], industry: '', source: '', priceType: 'Wholesale',
              contract: { paymentTerms: '30 days', deferralDays: 30, discountPct: null, creditLimit: null },
              receivables: { amount: 1000, overdueAmount: null, dueDate: null }, reliabilityRating: null, reliabilityNote: '',
              needs: '', tags: [], notes: '', holidayDate: null, lastContactAt: null, nextContactAt: null,
            });
            for (let c = 0; c < perClient; c++) {
              const e164 = `+7916${String(i * perClient + c).padStart(7, '0')}`;
              contactStore.put({
                ...base, id: `contact-${i}-${c}`, clientId: `client-${i}`, name: `Person ${c} of ${i}`, position: 'Buyer',
                emails: [`p${c}.c${i}@${domain}`], phones: [{ raw: e164, e164, ext: null }], phoneE164s: [e164], birthday: null, decisionMaker: false,
              });
            }
          }
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
    },
    { clients, perClient },
  );
}

/** One raw IndexedDB index get per address, in its own transaction: the floor for one lookup. */
export function rawIndexGets(worker: Worker, emails: string[]): Promise<number[]> {
  return worker.evaluate(async (emails) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('clientdesk');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const times: number[] = [];
    for (const email of emails) {
      const t0 = performance.now();
      await new Promise((ok, fail) => {
        const req = db.transaction('contacts').objectStore('contacts').index('emails').get(email);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      times.push(performance.now() - t0);
    }
    db.close();
    return times;
  }, emails);
}
