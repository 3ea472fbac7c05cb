import { browser } from 'wxt/browser';

/** The title bar of the sidebar and the popup, with the way to Options. */
export function AppHeader() {
  return (
    <header className="sidebar-header">
      <strong>ClientDesk</strong>
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
        Options
      </a>
    </header>
  );
}
