import type { BrowserContext, Page } from 'playwright-core';

// Main-thread time of a Gmail page making 2,000 DOM mutations of the kinds Gmail makes (rows of the
// list replaced, hover classes, people's attributes, text), measured with CDP's TaskDuration: the
// content script's MutationObserver callbacks and reads run on the same thread and are included.

export const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 2000);

// Plain text, not a function: tsx would wrap inner functions in a helper the page does not have.
const MUTATE = `new Promise((done) => {
  const total = ${MUTATIONS};
  const list = document.querySelector('[role=main]') || document.body;
  const rows = [];
  let made = 0;
  function step() {
    for (let i = 0; i < 20 && made < total; i++, made++) {
      const kind = made % 4;
      if (kind === 0 || rows.length === 0) {
        const row = document.createElement('div');
        row.setAttribute('role', 'row');
        const who = document.createElement('span');
        who.setAttribute('email', 'sender' + made + '@list.example');
        who.textContent = 'Sender ' + made;
        row.append(who);
        list.append(row);
        rows.push(row);
      } else if (kind === 1) rows[made % rows.length].classList.toggle('aqw');
      else if (kind === 2) rows[made % rows.length].querySelector('span').setAttribute('email', 'changed' + made + '@list.example');
      else rows.shift().remove();
    }
    if (made < total) setTimeout(step, 0);
    else setTimeout(done, 300);
  }
  step();
})`;

/**
 * `settleMs` after `page` is ready, runs the mutations `batches` times, `pauseMs` apart (long enough for
 * the content script's page watcher to count the page as quiet again, so every batch meets it as the
 * first one did), and returns the main-thread ms each batch spent.
 */
export async function mutationBatchesMs(context: BrowserContext, page: Page, settleMs: number, batches: number, pauseMs: number): Promise<number[]> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  await page.waitForTimeout(settleMs);
  const spent: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    if (batch > 0) await page.waitForTimeout(pauseMs);
    const before = await taskMs();
    await page.evaluate(MUTATE);
    spent.push((await taskMs()) - before);
  }
  await cdp.detach();
  return spent;
}

/** A CPU profile's samples, each with the time it stands for and the script URLs on its stack. */
interface Profile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampled ms whose stack holds a frame of a script under `urlPrefix` (its own code and the DOM calls it makes). */
export function msUnder(profile: Profile, urlPrefix: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const url = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result = (url.get(id) ?? '').startsWith(urlPrefix) || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  let us = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (isOurs(id)) us += profile.timeDeltas?.[i] ?? 0;
  });
  return us / 1000;
}

/**
 * Like mutationBatchesMs, with the CPU profiler on: per batch, the main-thread ms spent in the
 * extension's content scripts (sampled every 50 µs), the rest of the page's time not counted.
 */
export async function contentScriptBatchesMs(context: BrowserContext, page: Page, extensionId: string, settleMs: number, batches: number, pauseMs: number): Promise<number[]> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.waitForTimeout(settleMs);
  const spent: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    if (batch > 0) await page.waitForTimeout(pauseMs);
    await cdp.send('Profiler.start');
    await page.evaluate(MUTATE);
    const { profile } = await cdp.send('Profiler.stop');
    spent.push(msUnder(profile, `chrome-extension://${extensionId}/content-scripts/`));
  }
  await cdp.detach();
  return spent;
}
