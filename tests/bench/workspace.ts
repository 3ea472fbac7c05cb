import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchExtension, type Harness } from '../browser/harness';
import { emptyFilter, filterClients, toListRow, type ClientListRow } from '../../lib/domain/client-list';
import { testClient, testContact } from '../../lib/domain/client-list-fixtures';
import { collectWorkerGarbage, startMemorySampler, type MemoryPeaks } from './memory';
import { profilePage, profileWorker, traceIndexedDb } from './profile';
import { seedBase } from './seed';
import { row, stats } from './stats';

// Issue 5's workspace figures, through the Options page as a user works it:
// - import of a CSV (file input → "Check the file" (a dry run) → "Import N rows") into an empty base
//   (a fresh profile) and into a base that has the clients already (rows update them), with the
//   peak memory of the service worker (which runs it), the page, and the extension's process;
// - search-as-you-type over the seeded base: per keystroke, input event → the list showing the
//   result for the text typed (not an intermediate render); and the list's load when Options opens;
// - backup (button → download) and restore (file → check → replace / merge → report).
// Measured and printed; nothing asserts a time.

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BASE_CLIENTS = Number(process.env.BENCH_WORKSPACE_CLIENTS ?? 100_000);
const PER_CLIENT = 2;
const LIST_LOADS = Number(process.env.BENCH_LIST_LOADS ?? 3);
/** Which parts run: any of import, search, backup (comma-separated); all by default. */
const PARTS = new Set((process.env.BENCH_WORKSPACE_PARTS ?? 'import,search,backup').split(',').map((p) => p.trim()));
/** Steps to CPU-profile, comma-separated: import, restore (worker and page), search, backup (page); import-trace traces
 *  IndexedDB's backend during the imports. Slows them; for finding where the time goes. */
const PROFILE = new Set((process.env.BENCH_PROFILE ?? '').split(',').map((p) => p.trim()));
const BULK_TIMEOUT = 20 * 60_000;

const log = (text: string) => console.log(`[workspace ${new Date().toISOString().slice(11, 19)}, load ${loadavg()[0]!.toFixed(1)}] ${text}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mb = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} MB` : 'n/a');
const n = (v: number) => v.toLocaleString('en');
const single = (label: string, value: string, second = '', third = '') => `| ${label} | ${value} | ${second} | ${third} |`;

// ---------------------------------------------------------------------------------------------
// The CSV: row i is client i of seedBase (same tax id, same e-mail and phone as its first contact),
// under another company and person name: into an empty base every row adds a client and a contact;
// into the seeded base every row matches (by tax id, e-mail, phone) and renames both.

const PREFIXES = ['ООО', 'АО', 'LLC', 'ИП', 'GmbH', 'ЗАО', 'Ltd'];
const WORDS = ['Volga', 'Ural', 'Nordic', 'Сибирь', 'Baltic', 'Polar', 'Восток', 'Crystal', 'Altai', 'Ладога', 'Delta', 'Kama'];
const TRADES = ['Steel', 'Foods', 'Logistics', 'Трейд', 'Instruments', 'Агро', 'Pharma', 'Строй', 'Textiles', 'Энерго', 'Print'];
const FIRST = ['Ivan', 'Olga', 'Sergey', 'Анна', 'Dmitry', 'Елена', 'Hans', 'Мария', 'Pavel', 'Nina', 'Алексей', 'Tatiana', 'Игорь'];
const MIDDLE = ['A.', 'B.', 'Ivanovich', 'Петровна', 'K.', 'Sergeevich', 'Олегович', 'M.', 'N.', 'Андреевна'];
const LAST = ['Petrov', 'Sidorova', 'Иванов', 'Weber', 'Kuznetsova', 'Смирнов', 'Orlova', 'Волков', 'Lund', 'Морозова', 'Fedorov'];

/** Distinct contact names in the CSV: at most 13 × 10 × 11 = 1,430 (the default: about 70 people per name in 100,000 rows). */
const CONTACT_NAMES = Math.max(1, Math.min(FIRST.length * MIDDLE.length * LAST.length, Number(process.env.BENCH_IMPORT_NAMES ?? 1430)));

/** Client i's first contact's phone, as seedBase stores it: +7 916 and 7 digits (2i). */
const seededNational = (client: number, contact = 0) => String(client * PER_CLIENT + contact).padStart(7, '0');

function csvPhone(i: number): string {
  const d = seededNational(i);
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 5), d.slice(5, 7)];
  switch (i % 4) {
    case 0: return `+7 916 ${a}-${b}-${c}`;
    case 1: return `8 (916) ${a}-${b}-${c}`;
    case 2: return `+7916${d}`;
    default: return `8 916 ${a} ${b} ${c}`;
  }
}

export function importCsv(rows: number): Buffer {
  const lines = ['company,contact,email,phone,tax_id'];
  for (let i = 0; i < rows; i++) {
    let company = `${PREFIXES[i % PREFIXES.length]} ${WORDS[(i * 7) % WORDS.length]} ${TRADES[(i * 13) % TRADES.length]} ${i}`;
    if (i % 10 === 3) company = `"${company}, branch ${i % 97}"`;
    const k = i % CONTACT_NAMES;
    const contact = `${FIRST[k % FIRST.length]} ${MIDDLE[Math.floor(k / FIRST.length) % MIDDLE.length]} ${LAST[Math.floor(k / (FIRST.length * MIDDLE.length)) % LAST.length]}`;
    lines.push(`${company},${contact},p0.c${i}@company${i}.example,${csvPhone(i)},${7700000000 + i}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Import through Options.

interface ImportRun {
  rows: number;
  /** ms, in the page's clock. */
  readFile: number;
  checkRows: number;
  send: number;
  dryRun: number;
  check: number;
  importRun: number;
  checkText: string;
  reportText: string;
  memory: MemoryPeaks;
}

/** tsx compiles named inner functions to __name(…) calls: give the page the helper. */
const defineName = (page: Page) => page.evaluate('globalThis.__name ??= (f) => f');

/** Records when each step of the wizard shows (performance.now()), into window.__importMarks. */
async function installImportMarks(page: Page): Promise<void> {
  await defineName(page);
  await page.evaluate(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { __importMarks: Record<string, number> }).__importMarks = marks;
    const mark = (key: string) => {
      if (!(key in marks)) marks[key] = performance.now();
    };
    document.addEventListener('change', (e) => (e.target as Element).matches?.('input[type=file]') && mark('fileChosen'), true);
    document.addEventListener(
      'click',
      (e) => {
        const text = (e.target as Element).closest?.('button')?.textContent ?? '';
        if (text === 'Check the file') mark('checkClick');
        if (/^Import [\d,]+ rows$/.test(text)) mark('importClick');
      },
      true,
    );
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=import-preview]')) mark('preview');
      const progress = document.querySelector<HTMLProgressElement>('[data-testid=bulk-progress]');
      if (progress) {
        const label = progress.getAttribute('aria-label') ?? '';
        mark(`phase:${label}`);
        if (label === 'Reading the file' && progress.value >= progress.max) mark('sent');
      }
      if (document.querySelector('[data-testid=import-check]')) mark('check');
      if (document.querySelector('[data-testid=import-report]')) mark('report');
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

async function importThroughOptions(harness: Harness, csv: Buffer, rows: number): Promise<ImportRun> {
  const page = await harness.openOptions('#import');
  await page.getByLabel('Import file').waitFor();
  await installImportMarks(page);
  const sampler = await startMemorySampler(harness, page);
  const profilers = PROFILE.has('import') ? [await profileWorker(harness), await profilePage(harness, page)] : [];
  if (PROFILE.has('import-trace')) profilers.push(await traceIndexedDb(harness));
  await page.getByLabel('Import file').setInputFiles({ name: `clients-${rows}.csv`, mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'Check the file' }).waitFor({ timeout: BULK_TIMEOUT });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByTestId('import-check').waitFor({ timeout: BULK_TIMEOUT });
  const checkText = (await page.getByTestId('import-check').locator('p').first().textContent()) ?? '';
  log(`check: ${checkText.replace(/\s+/g, ' ').trim()}`);
  await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
  await page.getByTestId('import-report').waitFor({ timeout: BULK_TIMEOUT });
  const reportText = (await page.getByTestId('import-report').locator('p').first().textContent()) ?? '';
  const memory = await sampler.stop();
  for (const profiler of profilers) for (const line of await profiler.stop()) log(line);
  const m = await page.evaluate(() => (window as unknown as { __importMarks: Record<string, number> }).__importMarks);
  await page.close();
  const at = (key: string) => m[key] ?? NaN;
  const sent = m.sent ?? m['phase:Checking against your base'] ?? NaN;
  return {
    rows,
    readFile: at('preview') - at('fileChosen'),
    checkRows: at('phase:Reading the file') - at('checkClick'),
    send: sent - at('phase:Reading the file'),
    dryRun: at('check') - sent,
    check: at('check') - at('checkClick'),
    importRun: at('report') - at('importClick'),
    checkText,
    reportText,
    memory,
  };
}

/** "extension 120 s, browser 60 s, …": the processes that used at least 1% of the wall time. */
function cpuText(mem: MemoryPeaks): string {
  const top = (entries: Record<string, number>, count: number) =>
    Object.entries(entries)
      .filter(([, s]) => s >= mem.wallSeconds / 100)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([kind, s]) => `${kind} ${s.toFixed(1)} s`)
      .join(', ');
  return `${top(mem.cpu, 4)} (browser threads: ${top(mem.browserThreads, 3)})`;
}

function importRows(label: string, run: ImportRun): string[] {
  const counts = /Clients: ([\d,]+) added, ([\d,]+) updated.*Contacts: ([\d,]+) added,\s*([\d,]+) updated/s.exec(run.reportText.replace(/\s+/g, ' '));
  const what = counts ? `clients ${counts[1]} added / ${counts[2]} updated, contacts ${counts[3]} added / ${counts[4]} updated` : run.reportText.trim();
  const rate = (ms: number) => `${n(Math.round(run.rows / (ms / 1000)))} rows/s`;
  const chosenToCheck = run.readFile + run.check;
  const mem = run.memory;
  return [
    single(`import ${n(run.rows)} rows ${label}: file chosen → check shown (${what})`, seconds(chosenToCheck), rate(chosenToCheck), ''),
    single('of which: read + map the file (page)', seconds(run.readFile), '', ''),
    single('of which: check the rows (page)', seconds(run.checkRows), '', ''),
    single('of which: send the rows to the background', seconds(run.send), '', ''),
    single('of which: dry run (background, read-only)', seconds(run.dryRun), rate(run.dryRun), ''),
    single(`import ${n(run.rows)} rows ${label}: Import click → report shown`, seconds(run.importRun), rate(run.importRun), ''),
    single(`import ${label}: CPU time by process, whole run (${seconds(mem.wallSeconds * 1000)} wall)`, cpuText(mem), '', ''),
    single(`import ${label}: peak JS heap, service worker (used / allocated)`, mb(mem.workerHeapMB), mb(mem.workerHeapTotalMB), `n=${mem.samples.worker}`),
    single(`import ${label}: peak JS heap, Options page`, mb(mem.pageHeapMB), '', `n=${mem.samples.page}`),
    single(
      `import ${label}: peak RSS, extension process (worker + Options page; ${mem.processes} process${mem.processes === 1 ? '' : 'es'})`,
      `${mb(mem.rssMB)} sampled`,
      `${mb(mem.hwmMB)} VmHWM${mem.hwmReset ? '' : ' (not reset)'}`,
      `n=${mem.samples.rss}`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// The client list: load and search-as-you-type.

const LIST_READY = (total: number) => `[data-testid=client-list][aria-busy=false] [data-testid=client-count][data-total="${total}"]`;

/** ms from navigation start until the list shows every client. */
async function loadList(page: Page, total: number, reload: boolean): Promise<number> {
  if (reload) await page.reload();
  const handle = await page.waitForFunction(
    (selector) => (document.querySelector(selector) ? performance.now() : 0),
    LIST_READY(total),
    { timeout: BULK_TIMEOUT, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** The rows of the seeded base as the page builds them, to check what each keystroke shows. */
function seededRows(clients: number): ClientListRow[] {
  const rows: ClientListRow[] = [];
  for (let i = 0; i < clients; i++) {
    const domain = `company${i}.example`;
    const contacts = Array.from({ length: PER_CLIENT }, (_, c) => {
      const e164 = `+7916${seededNational(i, c)}`;
      return testContact({ id: `contact-${i}-${c}`, clientId: `client-${i}`, name: `Person ${c} of ${i}`, emails: [`p${c}.c${i}@${domain}`], phones: [{ raw: e164, e164, ext: null }] });
    });
    rows.push(toListRow(testClient({ id: `client-${i}`, name: `Company ${i}`, taxId: String(7700000000 + i), domains: [domain] }), contacts));
  }
  return rows;
}

function searchQueries(clients: number): string[] {
  const at = (f: number) => Math.floor(clients * f);
  const phoneClient = at(0.3141);
  const d = seededNational(phoneClient, 1);
  return [
    `Company ${at(0.12345)}`,
    `p1.c${at(0.4567)}@company${at(0.4567)}.example`,
    '916 000',
    `8 916 ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`,
    String(7700000000 + at(0.54321)),
    `person 0 of ${at(0.9876)}`,
    'company 9',
    `company${at(0.777)}.example`,
  ];
}

interface KeystrokeResult {
  value: string;
  /** input event → the commit that shows the result for `value`. */
  commit: number;
  /** input event → the next frame after that commit (rAF, then a task: about when it is painted). */
  frame: number;
  shown: number;
}

/** Per keystroke: from the input event to the list showing the result for the box's text. */
async function installSearchProbe(page: Page): Promise<void> {
  await defineName(page);
  await page.evaluate(() => {
    type Pending = { t0: number; value: string; resolve: (r: unknown) => void; timer: number };
    const state: { pending: Pending | null; armed: Promise<unknown> | null } = { pending: null, armed: null };
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search clients"]')!;
    const list = document.querySelector('[data-testid=client-list]')!;
    const bench = {
      /** Called before a keystroke: resolves with the keystroke's result. */
      arm() {
        state.armed = new Promise((resolve) => {
          state.pending = { t0: NaN, value: '', resolve, timer: 0 };
        });
      },
      wait: () => state.armed,
    };
    (window as unknown as { __search: typeof bench }).__search = bench;
    input.addEventListener(
      'input',
      (e) => {
        const p = state.pending;
        if (!p) return;
        p.t0 = e.timeStamp;
        p.value = input.value;
        p.timer = window.setTimeout(() => {
          state.pending = null;
          p.resolve({ value: p.value, commit: NaN, frame: NaN, shown: -1 });
        }, 30_000);
      },
      true,
    );
    new MutationObserver(() => {
      const p = state.pending;
      // Done when the list is no longer behind the box (aria-busy: the deferred filter caught up)
      // and the box still holds the text this keystroke typed.
      if (!p || Number.isNaN(p.t0) || list.getAttribute('aria-busy') !== 'false' || input.value !== p.value) return;
      const commit = performance.now() - p.t0;
      const shown = Number(document.querySelector('[data-testid=client-count]')?.getAttribute('data-shown'));
      state.pending = null;
      clearTimeout(p.timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => p.resolve({ value: p.value, commit, frame: performance.now() - p.t0, shown });
        channel.port2.postMessage(null);
      });
    }).observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

async function typeQueries(page: Page, queries: string[], total: number): Promise<KeystrokeResult[]> {
  const box = page.getByLabel('Search clients');
  const results: KeystrokeResult[] = [];
  for (const query of queries) {
    await box.fill('');
    await page.locator(`[data-testid=client-list][aria-busy=false] [data-testid=client-count][data-shown="${total}"]`).waitFor();
    await box.focus();
    for (const ch of query) {
      await page.evaluate(() => (window as unknown as { __search: { arm(): void } }).__search.arm());
      await page.keyboard.type(ch);
      results.push((await page.evaluate(() => (window as unknown as { __search: { wait(): Promise<unknown> } }).__search.wait())) as KeystrokeResult);
      await page.waitForTimeout(30);
    }
  }
  await box.fill('');
  return results;
}

async function searchBench(harness: Harness, clients: number): Promise<string[]> {
  const page = await harness.openOptions('#clients');
  const loads = [await loadList(page, clients, false)];
  for (let i = 1; i < LIST_LOADS; i++) loads.push(await loadList(page, clients, true));
  log(`list loads: ${loads.map((v) => seconds(v)).join(', ')}`);
  // A user starts typing a moment after the list shows (the search index is built in idle time).
  await page.waitForTimeout(1500);
  await installSearchProbe(page);
  const profiler = PROFILE.has('search') ? await profilePage(harness, page) : null;
  const results = await typeQueries(page, searchQueries(clients), clients);
  for (const line of (await profiler?.stop()) ?? []) log(line);
  await page.close();

  const rows = seededRows(clients);
  const wrong = results.filter((r) => r.shown !== filterClients(rows, { ...emptyFilter(), query: r.value }, '2026-11-27').length);
  for (const r of wrong.slice(0, 5)) log(`keystroke "${r.value}" showed ${r.shown} rows, expected ${filterClients(rows, { ...emptyFilter(), query: r.value }, '2026-11-27').length}`);
  const commit = stats(results.map((r) => r.commit));
  const frame = stats(results.map((r) => r.frame));
  const slowest = [...results].sort((a, b) => b.frame - a.frame).slice(0, 3);
  log(`slowest keystrokes: ${slowest.map((r) => `"${r.value}" ${r.frame.toFixed(1)} ms (${r.shown} shown)`).join('; ')}`);
  const loadStats = stats(loads);
  return [
    single(`Options → list of ${n(clients)} clients shown (navigation start → list ready, n=${loads.length})`, seconds(loadStats.median), seconds(loadStats.p95), seconds(loadStats.max)),
    row(`search-as-you-type over ${n(clients)} clients: input → list shows the typed text (commit)`, commit),
    row('search-as-you-type: input → next frame after that commit', frame),
    single('search keystrokes whose shown count differs from the expected one', String(wrong.length), `of ${results.length}`, ''),
  ];
}

// ---------------------------------------------------------------------------------------------
// Backup and restore.

/** Opens #clients afresh, waits for the list (so its load does not overlap what follows), then goes to the Backup tab. */
async function openBackupTab(harness: Harness, page: Page, clients: number): Promise<void> {
  await page.goto(`chrome-extension://${harness.extensionId}/options.html#clients`);
  await page.locator(LIST_READY(clients)).waitFor({ timeout: BULK_TIMEOUT });
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Backup', exact: true }).click();
  await page.getByRole('button', { name: 'Download a full backup' }).waitFor();
}

/** Restores `file`: ms from the file chosen to the check shown, and from the click to the report. */
async function restoreThroughOptions(harness: Harness, page: Page, file: string, mode: 'Replace my base' | 'Merge into my base') {
  const sampler = await startMemorySampler(harness, page);
  const profilers = PROFILE.has('restore') ? [await profileWorker(harness), await profilePage(harness, page)] : [];
  const t0 = Date.now();
  await page.getByLabel('Backup file').setInputFiles(file);
  await page.getByTestId('restore-check').waitFor({ timeout: BULK_TIMEOUT });
  const checked = Date.now();
  // The page may reload right after showing the report: keep the time and text before it goes.
  await defineName(page);
  await page.evaluate(() => {
    sessionStorage.removeItem('bench:restore');
    new MutationObserver(() => {
      const report = document.querySelector('[data-testid=restore-report]');
      if (report && !sessionStorage.getItem('bench:restore')) sessionStorage.setItem('bench:restore', JSON.stringify({ at: Date.now(), text: report.textContent }));
    }).observe(document.body, { subtree: true, childList: true });
    addEventListener('beforeunload', () => {
      if (!sessionStorage.getItem('bench:restore')) sessionStorage.setItem('bench:restore', JSON.stringify({ at: Date.now(), text: '(reloaded)' }));
    });
  });
  const clicked = Date.now();
  const reloaded = page.waitForEvent('load', { timeout: BULK_TIMEOUT });
  const reported = page.getByTestId('restore-report').waitFor({ timeout: BULK_TIMEOUT });
  const failed = page.getByTestId('restore-error').waitFor({ timeout: BULK_TIMEOUT }).then(async () => {
    throw new Error(`${mode} failed: ${await page.getByTestId('restore-error').textContent()}`);
  });
  for (const p of [reloaded, reported, failed]) p.catch(() => undefined);
  await page.getByRole('button', { name: mode }).click();
  await Promise.race([reloaded, reported, failed]);
  const memory = await sampler.stop();
  for (const profiler of profilers) for (const line of await profiler.stop()) log(line);
  const { at, text } = JSON.parse((await page.evaluate(() => sessionStorage.getItem('bench:restore'))) ?? '{"at":null,"text":""}') as { at: number | null; text: string };
  log(`${mode}: ${text}`);
  return { check: checked - t0, run: (at ?? NaN) - clicked, text, memory };
}

async function backupBench(harness: Harness, clients: number): Promise<string[]> {
  const page = await harness.openOptions('#clients');
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('crash', () => log('the Options page crashed'));
  await openBackupTab(harness, page, clients);
  const sampler = await startMemorySampler(harness, page);
  const profiler = PROFILE.has('backup') ? await profilePage(harness, page) : null;
  const t0 = Date.now();
  const downloading = page.waitForEvent('download', { timeout: BULK_TIMEOUT });
  await page.getByRole('button', { name: 'Download a full backup' }).click();
  const download = await downloading;
  const started = Date.now();
  const file = await download.path();
  const saved = Date.now();
  const backupMemory = await sampler.stop();
  for (const line of (await profiler?.stop()) ?? []) log(line);
  const bytes = statSync(file).size;
  log(`backup: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds(started - t0)}`);

  await openBackupTab(harness, page, clients);
  const replace = await restoreThroughOptions(harness, page, file, 'Replace my base');
  await openBackupTab(harness, page, clients);
  const merge = await restoreThroughOptions(harness, page, file, 'Merge into my base');
  await page.close();

  const counts = (text: string) => /([\d,]+) records added, ([\d,]+) updated,\s*([\d,]+) kept/.exec(text)?.slice(1).join(' / ') ?? text;
  return [
    single(`backup of ${n(clients)} clients + ${n(clients * PER_CLIENT)} contacts: click → download starts`, seconds(started - t0), `${(bytes / 1024 / 1024).toFixed(1)} MB file`, ''),
    single('backup: click → file saved', seconds(saved - t0), '', ''),
    single('backup: peak JS heap, Options page (it builds the file) / peak RSS, extension process', mb(backupMemory.pageHeapMB), `${mb(backupMemory.rssMB)} sampled, ${mb(backupMemory.hwmMB)} VmHWM`, ''),
    single(`restore, replace: file chosen → check shown`, seconds(replace.check), '', ''),
    single(`restore, replace: click (confirm) → report (${counts(replace.text)} added/updated/kept)`, seconds(replace.run), '', ''),
    single('restore, replace: peak JS heap, service worker / Options page', mb(replace.memory.workerHeapMB), mb(replace.memory.pageHeapMB), ''),
    single('restore, replace: peak RSS, extension process', `${mb(replace.memory.rssMB)} sampled`, `${mb(replace.memory.hwmMB)} VmHWM`, ''),
    single(`restore, replace: CPU time by process (${seconds(replace.memory.wallSeconds * 1000)} wall)`, cpuText(replace.memory), '', ''),
    single(`restore, merge: file chosen → check shown`, seconds(merge.check), '', ''),
    single(`restore, merge: click → report (${counts(merge.text)} added/updated/kept)`, seconds(merge.run), '', ''),
    single('restore, merge: peak JS heap, service worker / Options page', mb(merge.memory.workerHeapMB), mb(merge.memory.pageHeapMB), ''),
  ];
}

// ---------------------------------------------------------------------------------------------

async function seeded(clients: number): Promise<Harness> {
  const harness = await launchExtension();
  const options = await harness.openOptions();
  await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'optionsToBackground.getBaseStats' }));
  await options.close();
  const start = Date.now();
  await seedBase(await harness.worker(), clients, PER_CLIENT);
  log(`seeded ${n(clients)} clients and ${n(clients * PER_CLIENT)} contacts in ${seconds(Date.now() - start)}`);
  return harness;
}

/** Runs the workspace benches; returns the table rows. */
export async function workspaceBench(): Promise<string[]> {
  const lines: string[] = [];
  const csv = PARTS.has('import') ? importCsv(IMPORT_ROWS) : Buffer.alloc(0);
  if (PARTS.has('import')) {
    log(`CSV of ${n(IMPORT_ROWS)} rows: ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
    const fresh = await launchExtension();
    try {
      log('import into an empty base…');
      const run = await importThroughOptions(fresh, csv, IMPORT_ROWS);
      lines.push(...importRows('into an empty base', run));
    } finally {
      await fresh.close();
    }
  }
  if (PARTS.has('search') || PARTS.has('backup') || PARTS.has('import')) {
    const harness = await seeded(BASE_CLIENTS);
    try {
      if (PARTS.has('search')) {
        log('list load and search…');
        lines.push(...(await searchBench(harness, BASE_CLIENTS)));
      }
      if (PARTS.has('backup')) {
        log('backup and restore…');
        lines.push(...(await backupBench(harness, BASE_CLIENTS)));
      }
      if (PARTS.has('import')) {
        log(`import into a base of ${n(BASE_CLIENTS)} clients…`);
        await collectWorkerGarbage(harness);
        const run = await importThroughOptions(harness, csv, IMPORT_ROWS);
        lines.push(...importRows(`into a base of ${n(BASE_CLIENTS)} clients`, run));
      }
    } finally {
      await harness.close();
    }
  }
  return lines;
}
