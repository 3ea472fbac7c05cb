import { defineConfig } from 'wxt';

// Host permissions only for the supported sites (DESIGN.md "Isolation and trust").
const GMAIL = ['https://mail.google.com/*'];
// Outlook on the web: work/school, consumer, and the cloud.microsoft domain (site-dom-facts 2.1).
const OUTLOOK = ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'];
const SITE_MATCHES = [...GMAIL, ...OUTLOOK];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'ClientDesk',
    description: 'Your client base beside Gmail: client cards, offer templates and daily quotas. All data stays in your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'webRequest'],
    host_permissions: SITE_MATCHES,
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: SITE_MATCHES }],
    // Firefox keeps an add-on's storage under its id: a fixed id keeps the client base across reinstalls.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'clientdesk@clientdesk.local', strict_min_version: '115.0' } } } : {}),
  }),
  webExt: {
    // Debian's Chromium (toolchain.md); `npm run dev` opens it with ClientDesk loaded.
    binaries: { chrome: '/usr/bin/chromium' },
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to start as root without this (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  },
});
