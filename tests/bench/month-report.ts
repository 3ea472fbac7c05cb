import type { Worker } from 'playwright-core';
import type { Harness } from '../browser/harness';

// A month's performance report from 1,000,000 activities (issue 7): the activities of one month
// (calls, phone and e-mail offers, notes) spread over the seeded clients are written straight into
// the log, then Options asks for the report: the background reads the month by the `at` index and
// counts it in one pass (lib/domain/monthly-report.ts). Timed as a round trip from the page.

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export const REPORT_MONTH = '2026-03';
const TYPES = ['call', 'call', 'phone_offer', 'email_offer', 'email', 'note'];

export async function seedMonthActivities(worker: Worker, count: number, clients: number): Promise<void> {
  await worker.evaluate(
    async ({ count, clients, types, month }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('clientdesk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const now = new Date().toISOString();
      for (let start = 0; start < count; start += 20_000) {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('activities', 'readwrite');
          const store = tx.objectStore('activities');
          for (let i = start; i < Math.min(count, start + 20_000); i++) {
            const day = `${month}-${String((i % 31) + 1).padStart(2, '0')}`;
            const type = types[i % types.length]!;
            store.put({
              id: `bench-activity-${i}`, ownerId: 'bench', createdAt: now, updatedAt: now, deletedAt: null, type,
              clientId: `client-${(i * 7919) % clients}`, contactId: null, at: `${day}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000Z`, dayKey: day,
              channelRef: null, templateId: null, outcome: type === 'call' ? 'reached' : null, summary: '', retractsId: null,
            });
          }
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
    },
    { count, clients, types: TYPES, month: REPORT_MONTH },
  );
}

/** Round trips of getMonthlyReport from an Options page (ms), and the report's call total as a check. */
export async function monthReportMs(harness: Harness, rounds: number): Promise<{ times: number[]; calls: number }> {
  const page = await harness.openOptions();
  const result = await page.evaluate(
    async ({ rounds, month }) => {
      const times: number[] = [];
      let calls = 0;
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        const reply = (await chrome.runtime.sendMessage({ type: 'optionsToBackground.getMonthlyReport', month })) as { ok: boolean; data?: { totals: { calls: { done: number } } }; error?: string };
        times.push(performance.now() - t0);
        if (!reply.ok) throw new Error(reply.error);
        calls = reply.data!.totals.calls.done;
      }
      return { times, calls };
    },
    { rounds, month: REPORT_MONTH },
  );
  await page.close();
  return result;
}
