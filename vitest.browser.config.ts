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
  },
});
