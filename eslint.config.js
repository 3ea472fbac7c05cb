// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'tests/browser/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name="only"]', message: 'No focused tests.' }],
    },
  },
  {
    // DESIGN.md: only the background and first-party pages open the database; the sidebar iframe
    // (a third-party frame inside the site) and content scripts get data by messages. Content
    // scripts also stay small: no React, no zod, no heavy libraries.
    files: ['components/sidebar/**', 'entrypoints/sidebar/**', 'lib/content/**', 'lib/sites/**', 'entrypoints/*.content.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/lib/db/*', 'dexie', '**/lib/db/*'], message: 'Only the background and first-party pages open the database.' }] }],
    },
  },
  {
    files: ['lib/content/**', 'lib/sites/**', 'entrypoints/*.content.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/db/*', 'dexie', '**/lib/db/*'], message: 'Content scripts never see the database.' },
            { group: ['react', 'react-dom', 'react-dom/*', '@/components/*', 'libphonenumber-js', 'libphonenumber-js/*', 'papaparse', 'email-providers/*', '@/lib/domain/email', 'zod'], message: 'Keep content scripts small: no React, zod or heavy libraries.' },
            { group: ['@/lib/messaging/protocol', '@/lib/messaging/views'], allowTypeImports: true, message: 'Import only types from the protocol: values would bundle zod into the content script.' },
          ],
        },
      ],
    },
  },
);
