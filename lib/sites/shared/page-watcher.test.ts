// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../types';
import { startPageWatcher } from './page-watcher';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DELAY = 20;

let controller = new AbortController();
beforeEach(() => {
  document.body.innerHTML = '<main><div id="list"></div><div id="thread"></div></main>';
});
afterEach(() => controller.abort());

/** A watcher whose snapshot is the text of #thread: list churn changes nothing it reads. */
function start(problemWhile: () => boolean = () => false) {
  controller = new AbortController();
  const readAt: number[] = [];
  const snapshots: PageSnapshot[] = [];
  const t0 = Date.now();
  const watcher = startPageWatcher(document, controller.signal, {
    read: () => {
      readAt.push(Date.now() - t0);
      const subject = document.getElementById('thread')?.textContent ?? '';
      return { site: 'gmail', selfEmail: null, contexts: [], focusedContextId: subject || null, problems: problemWhile() ? [{ code: 'thread-unreadable', message: 'loading' }] : [] };
    },
    report: (s) => snapshots.push(s),
    readDelayMs: DELAY,
    busyReadDelayMs: DELAY * 8,
    userSettleMs: DELAY * 5,
    problemGraceMs: DELAY * 50,
    watchedAttributes: ['email'],
    editableSelector: '[contenteditable=true]',
  });
  return { watcher, readAt, snapshots };
}

/** Appends a row to the list every `every` ms for `forMs` ms. */
async function churn(forMs: number, every = 2) {
  const list = document.getElementById('list');
  const end = Date.now() + forMs;
  while (Date.now() < end) {
    list?.append(document.createElement('div'));
    await wait(every);
  }
}

describe('startPageWatcher', () => {
  it('reads less and less often while the page churns and nothing read changes', async () => {
    const { readAt } = start();
    await wait(DELAY * 2);
    const before = readAt.length;
    await churn(DELAY * 20);
    const during = readAt.length - before;
    // A fixed delay would read about 20 times in this window; growing 4× up to 8× reads 2 to 4 times.
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(8);
    const gaps = readAt.slice(before).map((t, i, all) => (i === 0 ? 0 : t - (all[i - 1] ?? 0)));
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(DELAY * 4);
  });

  it('goes back to the short delay as soon as a read finds a change', async () => {
    const { snapshots } = start();
    await churn(DELAY * 12);
    const shown = snapshots.length;
    document.getElementById('thread')!.textContent = 'Q3 deliveries';
    // Still inside a long busy delay: the change shows when that read comes, at most 8× later.
    await wait(DELAY * 9);
    expect(snapshots.length).toBe(shown + 1);
    expect(snapshots.at(-1)?.focusedContextId).toBe('Q3 deliveries');
  });

  it('reads after the short delay when the user clicks, even while the page churns', async () => {
    const { snapshots } = start();
    const churning = churn(DELAY * 20);
    await wait(DELAY * 10);
    document.getElementById('thread')!.textContent = 'Opened by a click';
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    const clickedAt = Date.now();
    while (snapshots.at(-1)?.focusedContextId !== 'Opened by a click' && Date.now() - clickedAt < DELAY * 10) await wait(2);
    expect(Date.now() - clickedAt).toBeLessThan(DELAY * 3);
    await churning;
  });

  it('keeps the short delay for a while after the user acts', async () => {
    const { readAt } = start();
    await churn(DELAY * 12);
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
    const before = readAt.length;
    await churn(DELAY * 4); // inside the settle time (5 × DELAY)
    expect(readAt.length - before).toBeGreaterThanOrEqual(3);
  });

  it('keeps the short delay while the view is still loading (a problem in its grace period)', async () => {
    let loading = true;
    const { readAt, snapshots } = start(() => loading);
    await wait(DELAY * 2);
    const before = readAt.length;
    await churn(DELAY * 8);
    expect(readAt.length - before).toBeGreaterThanOrEqual(5);
    expect(snapshots.every((s) => s.problems.length === 0)).toBe(true); // still within its grace
    loading = false;
  });

  it('uses the short delay again once the page has been quiet', async () => {
    const { readAt } = start();
    await churn(DELAY * 12);
    await wait(DELAY * 20);
    const quietFrom = Date.now();
    const before = readAt.length;
    document.getElementById('list')?.append(document.createElement('div'));
    while (readAt.length === before && Date.now() - quietFrom < DELAY * 10) await wait(2);
    expect(Date.now() - quietFrom).toBeLessThan(DELAY * 3);
  });

  it('ignores typing inside the editable', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div contenteditable="true"><p></p></div>');
    const { readAt } = start();
    await wait(DELAY * 2);
    const before = readAt.length;
    for (let i = 0; i < 10; i++) document.querySelector('[contenteditable] p')?.append('x');
    await wait(DELAY * 3);
    expect(readAt.length).toBe(before);
  });

  it('stops reading when the signal aborts', async () => {
    const { readAt } = start();
    controller.abort();
    await churn(DELAY * 3);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await wait(DELAY * 2);
    expect(readAt).toEqual([]);
  });
});
