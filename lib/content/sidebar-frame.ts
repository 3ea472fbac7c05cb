import { browser } from 'wxt/browser';

// Docks the sidebar (an extension page in an iframe) at the right of the site. The site's body is
// narrowed and made the containing block of its fixed-position children (transform), so Gmail's
// compose windows and their Send buttons move left with it instead of sliding under the sidebar.
// The body keeps the viewport's height (as in the app-shell sites we support), so children fixed
// to the bottom stay at the bottom. The host hangs off <html>, outside the body the site re-renders.

export const SIDEBAR_WIDTH = 360;

const PAGE_CSS = `
html.clientdesk-docked > body {
  width: calc(100% - ${SIDEBAR_WIDTH}px) !important;
  min-width: 0 !important;
  height: 100vh !important;
  transform: translateX(0);
}`;

const SHADOW_CSS = `
:host { all: initial; }
/* contain: strict — the panel's size is fixed, so the page's own changes never make the browser
   look into it (issue 3 bench: +7.5–8.9% main-thread time without, +4.9–5.9% with, n=30 each). */
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: ${SIDEBAR_WIDTH}px; z-index: 2147483000; contain: strict;
  border-left: 1px solid #dadce0; background: #fff; box-shadow: -2px 0 6px rgba(0,0,0,.08); }
.panel[hidden] { display: none; }
iframe { border: 0; width: 100%; height: 100%; display: block; }
.handle { position: fixed; top: 45%; right: 0; z-index: 2147483001; width: 22px; height: 72px; padding: 0;
  border: 1px solid #c3c7cf; border-right: 0; border-radius: 8px 0 0 8px; background: #1a73e8; color: #fff;
  font: 600 11px/1 system-ui, sans-serif; writing-mode: vertical-rl; cursor: pointer; }
.handle.open { right: ${SIDEBAR_WIDTH}px; }
`;

export interface SidebarFrame {
  setOpen(open: boolean): void;
  isOpen(): boolean;
}

/**
 * `token` is the one-time token the background gave this tab (issue 12.11): it rides in the
 * fragment of the frame's URL, which never goes on the network and which the page cannot read (a
 * cross-origin frame inside a closed shadow root). No token: the sidebar says it cannot show cards.
 */
export function mountSidebarFrame(onToggle: (open: boolean) => void, signal: AbortSignal, token: string | null): SidebarFrame {
  const pageStyle = document.createElement('style');
  pageStyle.textContent = PAGE_CSS;
  (document.head ?? document.documentElement).append(pageStyle);

  const host = document.createElement('clientdesk-sidebar');
  // Closed: the page cannot reach the frame element (its URL holds the token) or the handle.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = SHADOW_CSS;
  const panel = document.createElement('div');
  panel.className = 'panel';
  const frame = document.createElement('iframe');
  // With use_dynamic_url (wxt.config.ts) Chromium still gives a content script the static URL here,
  // and loads it for us, while a page's own frame of it is refused (checked in Debian's Chromium).
  frame.src = `${browser.runtime.getURL('/sidebar.html')}#${token ?? ''}`;
  frame.title = 'ClientDesk';
  panel.append(frame);
  const handle = document.createElement('button');
  handle.className = 'handle';
  handle.type = 'button';
  handle.textContent = 'ClientDesk';
  shadow.append(style, panel, handle);
  document.documentElement.append(host);

  let open = false;
  const setOpen = (next: boolean) => {
    open = next;
    panel.hidden = !open;
    handle.classList.toggle('open', open);
    handle.setAttribute('aria-expanded', String(open));
    handle.setAttribute('aria-label', open ? 'Collapse the ClientDesk sidebar' : 'Open the ClientDesk sidebar');
    document.documentElement.classList.toggle('clientdesk-docked', open);
    // Sites lay out their panes on resize.
    window.dispatchEvent(new Event('resize'));
  };
  setOpen(false);
  handle.addEventListener('click', () => {
    setOpen(!open);
    onToggle(open);
  });

  signal.addEventListener('abort', () => {
    host.remove();
    pageStyle.remove();
    document.documentElement.classList.remove('clientdesk-docked');
  });
  return { setOpen, isOpen: () => open };
}
