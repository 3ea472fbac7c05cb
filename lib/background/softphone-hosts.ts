import { browser } from 'wxt/browser';

// The 3CX web client lives at each company's own address (issue 6). The user adds the host in
// Options, which asks the browser for that one host; here the 3CX scripts are registered for the
// hosts that are both in the settings and granted — never for all sites. Registrations persist
// across service-worker restarts, so this only reconciles them with the settings and permissions.

/** Registered script ids; the files are WXT's runtime-registered content scripts (entrypoints/threecx*.content.ts). */
const HOOK_ID = 'clientdesk-threecx-hook';
const ADAPTER_ID = 'clientdesk-threecx';

export const originOf = (host: string) => `https://${host}/*`;

/** The hosts of `wanted` the user granted. */
export async function grantedHosts(wanted: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const host of wanted) {
    if (await browser.permissions.contains({ origins: [originOf(host)] }).catch(() => false)) granted.push(host);
  }
  return granted;
}

/** Registers the 3CX page hook (page world, before the web client opens its socket) and the adapter for `hosts`. */
export async function syncSoftphoneScripts(hosts: readonly string[]): Promise<string[]> {
  const granted = await grantedHosts(hosts);
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id === HOOK_ID || s.id === ADAPTER_ID);
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours.map((s) => s.id) });
  if (granted.length === 0) return granted;
  const matches = granted.map(originOf);
  await browser.scripting.registerContentScripts([
    // softphones.md 2: the hook must wrap WebSocket before the web client's Angular app opens it.
    { id: HOOK_ID, js: ['content-scripts/threecx-hook.js'], matches, runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true },
    { id: ADAPTER_ID, js: ['content-scripts/threecx.js'], matches, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return granted;
}
