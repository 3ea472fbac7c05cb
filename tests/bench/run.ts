import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, GMAIL_THREAD_URL, launchExtension } from '../browser/harness';
import { eventToCard, GMAIL_BENCH, OUTLOOK_BENCH } from './card-latency';
import { mutationTaskMs, MUTATIONS } from './mutation-cost';
import { contactEmail, rawIndexGets, seedBase } from './seed';
import { GMAIL_SEND, OUTLOOK_SEND, sendToBadgeMs } from './send-latency';
import { ms, row, stats } from './stats';
import { monthReportMs, seedMonthActivities } from './month-report';
import { phoneMatchMs } from './phone-match';
import { workspaceBench } from './workspace';

// npm run bench: real Chromium, the built extension, 100,000 clients and 200,000 contacts.
// Prints the figures; nothing here asserts a time. Results are kept in tests/bench/RESULTS.md.

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const PER_CLIENT = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const SEND_ROUNDS = Number(process.env.BENCH_SEND_ROUNDS ?? 30);
const MUTATION_RUNS = Number(process.env.BENCH_MUTATION_RUNS ?? 30);
const REPORT_ACTIVITIES = Number(process.env.BENCH_REPORT_ACTIVITIES ?? 1_000_000);
const REPORT_ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 5);
// Issue 5's workspace figures (import, search, backup; tests/bench/workspace.ts): BENCH_WORKSPACE=0
// skips them, BENCH_WORKSPACE=only runs just them.
const WORKSPACE = process.env.BENCH_WORKSPACE ?? '1';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const pick = (round: number) => {
  const client = (round * 7919) % CLIENTS;
  return contactEmail(client, round % PER_CLIENT);
};

const lines: string[] = [
  `ClientDesk bench, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Chromium headless`,
];
const notes: string[] = [];
if (WORKSPACE !== 'only') {
  const harness = await launchExtension();
  const plain = await launchExtension({ withExtension: false });
  try {
    // The background creates the database on its first message.
    const options = await harness.openOptions();
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.getBaseStats' }));
    await options.close();
    const worker = await harness.worker();
    const seedStart = Date.now();
    await seedBase(worker, CLIENTS, PER_CLIENT);
    console.log(`Seeded ${CLIENTS.toLocaleString()} clients and ${(CLIENTS * PER_CLIENT).toLocaleString()} contacts in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    const raw = stats(await rawIndexGets(worker, Array.from({ length: ROUNDS }, (_, r) => pick(r + 4 * ROUNDS))));

    // Different contacts for each site: the background caches cards per address until the next write.
    const gmail = await eventToCard(harness, worker, GMAIL_BENCH, Array.from({ length: ROUNDS }, (_, r) => pick(r)));
    const outlook = await eventToCard(harness, worker, OUTLOOK_BENCH, Array.from({ length: ROUNDS }, (_, r) => pick(r + 2 * ROUNDS)));
    const endToEnd = stats(gmail.endToEnd);
    const build = stats(gmail.build);

    const sendToBadge = stats(await sendToBadgeMs(harness, GMAIL_SEND, SEND_ROUNDS));
    const outlookSendToBadge = stats(await sendToBadgeMs(harness, OUTLOOK_SEND, SEND_ROUNDS));

    // The same page and mutations with and without the extension, alternating, in this run.
    const withExt: number[] = [];
    const without: number[] = [];
    for (let run = 0; run < MUTATION_RUNS; run++) {
      for (const [h, into] of [
        [harness, withExt],
        [plain, without],
      ] as const) {
        h.serve('gmail', 'gmail/thread-known.html');
        const p = await h.context.newPage();
        await p.goto(GMAIL_THREAD_URL);
        into.push(await mutationTaskMs(h.context, p));
        await p.close();
      }
    }
    const mWith = stats(withExt);
    const mWithout = stats(without);
    // Runs vary ±20% on their own: the median of the paired differences (run i with − run i without)
    // is steadier than the difference of the medians.
    const paired = stats(withExt.map((w, i) => w - (without[i] ?? 0)));

    // Issue 6: phone numbers in the formats managers meet, over the seeded 200,000 contact phones.
    const phoneMatch = await phoneMatchMs(harness, CLIENTS * PER_CLIENT, ROUNDS);
    // Issue 7: a month's report over REPORT_ACTIVITIES activities of that month.
    const reportSeedStart = Date.now();
    await seedMonthActivities(worker, REPORT_ACTIVITIES, CLIENTS);
    const reportSeedS = (Date.now() - reportSeedStart) / 1000;
    const report = await monthReportMs(harness, REPORT_ROUNDS);

    const sizes = readdirSync(join(EXTENSION_DIR, 'content-scripts')).map((file) => {
      const bytes = readFileSync(join(EXTENSION_DIR, 'content-scripts', file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
    });

    lines.push(
      `Base: ${CLIENTS.toLocaleString()} clients, ${(CLIENTS * PER_CLIENT).toLocaleString()} contacts`,
      '',
      '| figure | median | p95 | max |',
      '|---|---|---|---|',
      row('Gmail: adapter event → card data in sidebar', endToEnd),
      row('of which: background lookup + view build', build),
      row('Outlook: adapter event → card data in sidebar', stats(outlook.endToEnd)),
      row('of which: background lookup + view build', stats(outlook.build)),
      row('raw IndexedDB index get, same run', raw),
      `| ratio (event → card ÷ raw get) | ${(endToEnd.median / raw.median).toFixed(1)}× | ${(endToEnd.p95 / raw.p95).toFixed(1)}× | |`,
      row('Gmail: final send → new badge text', sendToBadge),
      row('Outlook: send (page report + send request) → new badge text', outlookSendToBadge),
      row(`main thread for ${MUTATIONS} DOM mutations, with ClientDesk`, mWith),
      row(`main thread for ${MUTATIONS} DOM mutations, without`, mWithout),
      `| added by ClientDesk (difference of medians) | ${ms(mWith.median - mWithout.median)} | ${(((mWith.median - mWithout.median) / mWithout.median) * 100).toFixed(1)}% | |`,
      `| added by ClientDesk (median of paired differences) | ${ms(paired.median)} | ${((paired.median / mWithout.median) * 100).toFixed(1)}% | |`,
      ...sizes.map((s) => `| content script ${s.file} | ${(s.gzip / 1024).toFixed(1)} KB gzipped | ${(s.raw / 1024).toFixed(1)} KB raw | |`),
      row(`phone match (pageToBackground.matchPhone round trip), ${(CLIENTS * PER_CLIENT).toLocaleString()} contact phones`, stats(phoneMatch.times)),
      `| of which found a client | ${phoneMatch.found} of ${phoneMatch.times.length} | | |`,
      row(`month's report from ${REPORT_ACTIVITIES.toLocaleString()} activities (round trip)`, stats(report.times)),
      `| report check: calls counted | ${report.calls.toLocaleString()} | seeded in ${reportSeedS.toFixed(1)} s | |`,
    );
    notes.push(
      'Targets: event → card p95 under 10 ms and within 5× the raw lookup; content scripts under 30 KB gzipped;',
      `main-thread time added to a page making ${MUTATIONS} mutations under 5%.`,
    );
  } finally {
    await harness.close();
    await plain.close();
  }
}
if (WORKSPACE !== '0') {
  const workspace = await workspaceBench();
  if (WORKSPACE === 'only') lines.push('', '| figure | value | | |', '|---|---|---|---|');
  lines.push(...workspace);
  notes.push('Workspace (issue 5): search p95 under 50 ms; import, backup and restore times and memory are measured, not targeted.');
}
console.log(`\n${[...lines, '', ...notes].join('\n')}`);
