import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { extensionPagesCsp } from './lib/security/extension-csp';

// The sites ClientDesk works on are the `matches` of the content-script entrypoints
// (entrypoints/<site>.content.ts). The manifest hook below gives exactly those hosts the
// permissions and the sidebar page they need, so adding a site needs no edit here. Host
// permissions only for the supported sites (DESIGN.md "Isolation and trust").

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'ClientDesk',
    description: 'Your client base beside Gmail and Outlook: client cards, offer templates and daily quotas. All data stays in your browser.',
    // webRequest: read (never block) a site's own send request, e.g. Outlook's service.svc?action=CreateItem.
    // scripting: the 3CX web client's scripts are registered for the hosts the user adds (issue 6).
    // notifications: the daily reminder of what is due (issue 7).
    // downloads: automatic backups saved to Downloads/ClientDesk without a dialog, and the oldest of
    // ClientDesk's own backup files removed (issue 12.9). offscreen (Chrome): the worker cannot make
    // the blob: URL of a backup file; an offscreen document does (lib/background/auto-backup/).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'webRequest', 'scripting', 'notifications', 'downloads', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // A 3CX address is per company: each host is asked for when the user adds it in Options.
    optional_host_permissions: ['https://*/*'],
    // No remote loads or requests from extension pages (issue 12.10; lib/security/extension-csp.ts).
    // WXT writes it as the MV2 string for Firefox.
    content_security_policy: { extension_pages: extensionPagesCsp() },
    // Firefox keeps an add-on's storage under its id: a fixed id keeps the client base across reinstalls.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'clientdesk@clientdesk.local', strict_min_version: '115.0' } } } : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // `npm run dev`: the dev server's scripts (WXT adds those), its hot-reload socket and CSS.
      const devServer = wxt.config.command === 'serve' ? wxt.server : undefined;
      if (devServer) manifest.content_security_policy = { extension_pages: extensionPagesCsp({ origin: devServer.origin }) };
      const sites = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
      // Browser tests only: nobody can answer the browser's permission prompt in automation, so the
      // test build is granted the fixture PBX host up front (package.json test:browser sets it);
      // Options still asks for it, and the browser answers "already granted".
      const testHosts = (process.env.CLIENTDESK_TEST_HOSTS ?? '').split(',').filter(Boolean).map((host) => `https://${host}/*`);
      // Added to what WXT put there (dev mode adds its own entries).
      if (manifest.manifest_version === 3) {
        manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...sites, ...testHosts])];
        // The sidebar is also framed in 3CX web clients, whose hosts are only known when the user
        // adds them (the manifest cannot change at run time), so any https page may load it. What
        // keeps it ours (issue 12.11): a dynamic URL (a per-session id, so a page cannot probe for
        // ClientDesk or guess the address), and the one-time token our content script hands it,
        // without which the background refuses it (lib/background/sidebar-tokens.ts).
        const sidebarHosts = [...sites, 'https://*/*'];
        manifest.web_accessible_resources = [
          ...((manifest.web_accessible_resources ?? []) as object[]),
          { resources: ['sidebar.html'], matches: sidebarHosts, use_dynamic_url: true },
        ] as typeof manifest.web_accessible_resources;
      } else {
        manifest.permissions = [...new Set([...(manifest.permissions ?? []), ...sites])];
        manifest.web_accessible_resources = [...((manifest.web_accessible_resources ?? []) as string[]), 'sidebar.html'] as typeof manifest.web_accessible_resources;
      }
    },
  },
  webExt: {
    // Debian's Chromium when present (toolchain.md), else the Chrome web-ext finds.
    ...(existsSync('/usr/bin/chromium') ? { binaries: { chrome: '/usr/bin/chromium' } } : {}),
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
