import { defineConfig } from 'vitest/config';
import './tests/node20-polyfills.ts';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure rules, parsers against saved pages (happy-dom), the database (fake-indexeddb).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
  },
});
