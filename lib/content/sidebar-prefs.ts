import { browser } from 'wxt/browser';

// The sidebar's own UI preferences live in storage.local, which content scripts can read
// (unlike the database). Shared by the content script and Options.

export interface SidebarPrefs {
  /** The user's last explicit choice. */
  collapsed: boolean;
  /** Open by itself when the thread or the focused compose has correspondents. */
  autoOpen: boolean;
}

const KEY = 'sidebarPrefs';
const DEFAULTS: SidebarPrefs = { collapsed: false, autoOpen: true };

export async function loadSidebarPrefs(): Promise<SidebarPrefs> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<SidebarPrefs> | undefined;
  return { ...DEFAULTS, ...stored };
}

export async function saveSidebarPrefs(patch: Partial<SidebarPrefs>): Promise<SidebarPrefs> {
  const next = { ...(await loadSidebarPrefs()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
