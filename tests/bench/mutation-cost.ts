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

/** Runs the mutations in 100 tasks of 20 (as a busy page would) and returns the main-thread ms spent. */
export async function mutationTaskMs(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  // Let the page and the content script settle first.
  await page.waitForTimeout(500);
  const before = await taskMs();
  await page.evaluate(MUTATE);
  const after = await taskMs();
  await cdp.detach();
  return after - before;
}
