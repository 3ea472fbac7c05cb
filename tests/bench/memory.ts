import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from '../browser/harness';

// Peak memory while a bulk job runs, sampled every 200 ms from three places:
// - the service worker's JS heap: Runtime.getHeapUsage through a browser-level CDP session attached
//   to the worker's target (Target.attachToTarget, non-flat, Target.sendMessageToTarget);
// - the Options page's JS heap: Runtime.getHeapUsage on the page's CDP session;
// - the OS: VmRSS of the extension's renderer process(es) (Chromium's renderers of THIS browser,
//   from SystemInfo.getProcessInfo, whose command line has --extension-process; the service worker
//   and the extension's pages share it), and VmHWM after resetting it (write 5 to clear_refs).

const MB = 1024 * 1024;

export interface MemoryPeaks {
  /** Service worker, V8 heap used / allocated (totalSize), MB. */
  workerHeapMB: number;
  workerHeapTotalMB: number;
  /** The page's V8 heap used, MB (NaN without a page). */
  pageHeapMB: number;
  /** Largest sum of VmRSS over the extension processes seen in one sample, MB. */
  rssMB: number;
  /** VmHWM (peak RSS since the reset at start) summed over the extension processes, MB. */
  hwmMB: number;
  /** Whether VmHWM could be reset at start (otherwise it is the peak since the process started). */
  hwmReset: boolean;
  processes: number;
  samples: { worker: number; page: number; rss: number };
  /** CPU seconds used while sampling, per kind of process (SystemInfo.getProcessInfo), and the wall time. */
  cpu: Record<string, number>;
  /** CPU seconds per thread name in the browser process (where IndexedDB's backend runs). */
  browserThreads: Record<string, number>;
  wallSeconds: number;
}

/** CPU seconds per thread name of a process, from /proc/<pid>/task/<tid>/stat (utime + stime, at 100 ticks a second). */
function threadCpu(pid: number): Map<string, number> {
  const byTid = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byTid.set(`${tid}\u0000${name}`, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The thread ended.
      }
    }
  } catch {
    // No such process.
  }
  return byTid;
}

function threadDelta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const [key, seconds] of after) {
    const name = key.split('\u0000')[1]!;
    byName[name] = (byName[name] ?? 0) + seconds - (before.get(key) ?? 0);
  }
  return byName;
}

export interface MemorySampler {
  stop(): Promise<MemoryPeaks>;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

type ProcessInfo = { type: string; id: number; cpuTime: number }[];

const processInfo = async (browserSession: CDPSession): Promise<ProcessInfo> =>
  ((await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo }).processInfo;

/** CPU seconds per kind of process between two snapshots; the extension's renderer apart from the others. */
function cpuByKind(before: ProcessInfo, after: ProcessInfo, extension: ReadonlySet<number>): Record<string, number> {
  const start = new Map(before.map((p) => [p.id, p.cpuTime]));
  const kinds: Record<string, number> = {};
  for (const p of after) {
    const kind = extension.has(p.id) ? 'extension' : p.type.replace(/^storage\.mojom\.StorageService$/, 'storage').replace(/^network\.mojom\.NetworkService$/, 'network');
    kinds[kind] = (kinds[kind] ?? 0) + p.cpuTime - (start.get(p.id) ?? 0);
  }
  return kinds;
}

async function extensionPids(browserSession: CDPSession): Promise<number[]> {
  return (await processInfo(browserSession))
    .filter((p) => p.type === 'renderer')
    .map((p) => p.id)
    .filter((pid) => {
      try {
        // Renderers rewrite their title: the arguments are joined with spaces, not NULs.
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).includes('--extension-process');
      } catch {
        return false;
      }
    });
}

/** A raw CDP session to the extension's service worker, over the browser session (non-flat). */
export async function workerChannel(browserSession: CDPSession, extensionId: string) {
  const { targetInfos } = (await browserSession.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) return null;
  const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? null);
    if (message.id !== undefined) waiting.delete(message.id);
  };
  const events = browserSession as unknown as { on(e: string, f: (event: never) => void): void; off(e: string, f: (event: never) => void): void };
  events.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send<T>(method: string, params: object = {}, timeoutMs = 10_000): Promise<T | null> {
      const id = nextId++;
      return new Promise((ok) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          ok(null);
        }, timeoutMs);
        waiting.set(id, (result) => {
          clearTimeout(timer);
          ok(result as T);
        });
        void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => ok(null));
      });
    },
    async close() {
      events.off('Target.receivedMessageFromTarget', onMessage);
      await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/** Collects garbage in the service worker (before a measurement, so earlier phases do not count). */
export async function collectWorkerGarbage(harness: Harness): Promise<void> {
  const browserSession = await harness.context.browser()!.newBrowserCDPSession();
  const worker = await workerChannel(browserSession, harness.extensionId);
  await worker?.send('HeapProfiler.collectGarbage', {}, 60_000);
  await worker?.close();
  await browserSession.detach();
}

export async function startMemorySampler(harness: Harness, page: Page | null, everyMs = 200): Promise<MemorySampler> {
  const browser = harness.context.browser();
  if (!browser) throw new Error('No browser-level CDP session for the memory sampler');
  const browserSession = await browser.newBrowserCDPSession();
  const worker = await workerChannel(browserSession, harness.extensionId);
  const pageSession = page ? await harness.context.newCDPSession(page) : null;

  const cpuBefore = await processInfo(browserSession);
  const browserPid = cpuBefore.find((p) => p.type === 'browser')?.id ?? 0;
  const threadsBefore = threadCpu(browserPid);
  const startedAt = Date.now();
  let pids = await extensionPids(browserSession);
  let hwmReset = pids.length > 0;
  for (const pid of pids) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      hwmReset = false;
    }
  }
  const seen = new Set(pids);
  const peaks = { workerUsed: 0, workerTotal: 0, page: 0, rss: 0 };
  const samples = { worker: 0, page: 0, rss: 0 };
  let running = true;

  const workerLoop = (async () => {
    while (running && worker) {
      const usage = await worker.send<HeapUsage>('Runtime.getHeapUsage');
      if (usage) {
        samples.worker++;
        peaks.workerUsed = Math.max(peaks.workerUsed, usage.usedSize);
        peaks.workerTotal = Math.max(peaks.workerTotal, usage.totalSize);
      }
      await sleep(everyMs);
    }
  })();
  const pageLoop = (async () => {
    while (running && pageSession) {
      try {
        const usage = (await pageSession.send('Runtime.getHeapUsage')) as HeapUsage;
        samples.page++;
        peaks.page = Math.max(peaks.page, usage.usedSize);
      } catch {
        // The page navigated or closed: keep trying until stopped.
      }
      await sleep(everyMs);
    }
  })();
  const rssLoop = (async () => {
    let tick = 0;
    while (running) {
      if (tick++ % 10 === 0) {
        // A page opened meanwhile may have its own extension process.
        pids = await extensionPids(browserSession).catch(() => pids);
        for (const pid of pids) seen.add(pid);
      }
      const rss = pids.reduce((sum, pid) => sum + procStatusKb(pid, 'VmRSS'), 0) * 1024;
      samples.rss++;
      peaks.rss = Math.max(peaks.rss, rss);
      await sleep(everyMs);
    }
  })();

  return {
    async stop() {
      running = false;
      await Promise.all([workerLoop, pageLoop, rssLoop]);
      const hwm = [...seen].reduce((sum, pid) => sum + procStatusKb(pid, 'VmHWM'), 0) * 1024;
      const cpu = cpuByKind(cpuBefore, await processInfo(browserSession), seen);
      const browserThreads = threadDelta(threadsBefore, threadCpu(browserPid));
      const wallSeconds = (Date.now() - startedAt) / 1000;
      await worker?.close();
      await pageSession?.detach().catch(() => undefined);
      await browserSession.detach().catch(() => undefined);
      return {
        workerHeapMB: worker ? peaks.workerUsed / MB : NaN,
        workerHeapTotalMB: worker ? peaks.workerTotal / MB : NaN,
        pageHeapMB: pageSession ? peaks.page / MB : NaN,
        rssMB: peaks.rss / MB,
        hwmMB: hwm / MB,
        hwmReset,
        processes: seen.size,
        samples,
        cpu,
        browserThreads,
        wallSeconds,
      };
    },
  };
}
