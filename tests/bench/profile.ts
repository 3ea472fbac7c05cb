import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, type Harness } from '../browser/harness';
import { workerChannel } from './memory';

// Where the time goes: a V8 CPU profile (CDP Profiler) of the service worker or a page while a
// step runs, summed up as the functions with the most self time. Used by workspace.ts when
// BENCH_PROFILE names a step (import, restore); the built code is minified, so each function is
// named with its file:line:column too.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Profiler {
  stop(): Promise<string[]>;
}

type Send = <T>(method: string, params?: object) => Promise<T | null>;

async function startWith(send: Send, close: () => Promise<void>, label: string): Promise<Profiler> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  return {
    async stop() {
      const result = await send<{ profile: Profile }>('Profiler.stop');
      await close();
      return result ? summarize(result.profile, label) : [`${label}: no profile`];
    },
  };
}

export async function profileWorker(harness: Harness): Promise<Profiler> {
  const browserSession = await harness.context.browser()!.newBrowserCDPSession();
  const worker = await workerChannel(browserSession, harness.extensionId);
  if (!worker) throw new Error('No service worker to profile');
  const send: Send = (method, params = {}) => worker.send(method, params, 120_000);
  return startWith(send, async () => {
    await worker.close();
    await browserSession.detach();
  }, 'service worker');
}

export async function profilePage(harness: Harness, page: Page): Promise<Profiler> {
  const session: CDPSession = await harness.context.newCDPSession(page);
  const send: Send = async <T>(method: string, params: object = {}) => (await session.send(method as never, params as never)) as T;
  return startWith(send, () => session.detach(), 'Options page');
}

const sources = new Map<string, string[]>();

/** The built code is minified: a few characters of it at the function's position say which one it is. */
function snippet(url: string, line: number, column: number): string {
  const path = /^chrome-extension:\/\/[^/]+\/(.+)$/.exec(url)?.[1];
  if (!path) return '';
  if (!sources.has(path)) {
    try {
      sources.set(path, readFileSync(join(EXTENSION_DIR, path), 'utf8').split('\n'));
    } catch {
      sources.set(path, []);
    }
  }
  const text = sources.get(path)?.[line]?.slice(column, column + 70);
  return text ? `«${text.replace(/\s+/g, ' ')}»` : '';
}

/** The functions with the most self time, and the share of (idle) and (garbage collector). */
export function summarize(profile: Profile, label: string, top = 15): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((node, i) => self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const key = file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1} ${snippet(url, lineNumber, columnNumber)}` : functionName || '(anonymous)';
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const busy = total - (byFunction.get('(idle)') ?? 0) - (byFunction.get('(program)') ?? 0);
  const lines = [`CPU profile of the ${label}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s in JS or GC; most self time:`];
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  return lines;
}

/**
 * A Chromium trace of the IndexedDB categories (the backend runs in the browser process) while a
 * step runs, summed up per event name and thread: where the time of a bulk write goes.
 */
export async function traceIndexedDb(harness: Harness): Promise<Profiler> {
  const browser = harness.context.browser()!;
  await browser.startTracing(undefined, { categories: ['IndexedDB', 'leveldb'] });
  return {
    async stop() {
      type TraceEvent = { ph: string; name: string; cat: string; pid: number; tid: number; dur?: number; args?: { name?: string } };
      const parsed = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
      const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
      const totals = new Map<string, { count: number; us: number }>();
      for (const e of events) {
        if (e.ph !== 'X') continue;
        const key = `${e.name} [${threads.get(`${e.pid}:${e.tid}`) ?? e.tid}]`;
        const total = totals.get(key) ?? { count: 0, us: 0 };
        total.count += 1;
        total.us += e.dur ?? 0;
        totals.set(key, total);
      }
      return [
        'IndexedDB trace (events nest: a parent includes its children):',
        ...[...totals]
          .sort((a, b) => b[1].us - a[1].us)
          .slice(0, 15)
          .map(([key, t]) => `  ${(t.us / 1000).toFixed(0).padStart(7)} ms  ${String(t.count).padStart(7)}×  ${key}`),
      ];
    },
  };
}
