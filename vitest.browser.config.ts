import { defineConfig } from 'vitest/config';
import './tests/node20-polyfills.ts';

// Browser tests: the built extension (.output/chrome-mv3) in Debian's Chromium via playwright-core,
// with fixture pages served at the real site URLs. Run after `wxt build` (npm run test:browser does).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Files and tests run in a new random order each time (the seed is printed; rerun one order with
    // --sequence.seed=N): no test may lean on what another one left behind (issue 12).
    sequence: { shuffle: { files: true, tests: true } },
    // A browser on a busy 2-core machine: a page or the service worker may need seconds, not the
    // default 1 s, to show what a test waits for. Timings are measured in `npm run bench`, never here.
    expect: { poll: { timeout: 10_000 } },
  },
});
