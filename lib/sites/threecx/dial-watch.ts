// Watches the page for numbers the user dials without the WebSocket telling us (dial-intent.ts):
// the click-to-call route in the hash, a number typed into a dial field, a calling link clicked.
// DOM listeners only; every listener ends with `signal`.

import { isShown } from '../shared/visibility';
import { cleanPhone, isDialInput, phoneFromHash, phoneFromHref, type DialSource } from './dial-intent';

export interface DialReport {
  phone: string;
  source: DialSource;
  /** For typing: the same field, not emptied since the last report (the intent is edited, not replaced). */
  continuesTyping: boolean;
}

export interface DialWatchOptions {
  /** Typing settles this long before its number is reported (Enter reports at once). */
  typingDelayMs: number;
}

export function watchDialIntents(win: Window, signal: AbortSignal, report: (dial: DialReport) => void, options: DialWatchOptions): void {
  const doc = win.document;

  // The route: reported when it changes (and once at start), so that re-reading the same hash after
  // the call does not dial again. Angular may change the hash with pushState, which fires no event:
  // clicks re-check it too.
  let lastHash = '';
  const checkRoute = () => {
    if (signal.aborted) return;
    const hash = win.location.hash;
    if (hash === lastHash) return;
    lastHash = hash;
    const phone = phoneFromHash(hash);
    if (phone) report({ phone, source: 'route', continuesTyping: false });
  };
  win.addEventListener('hashchange', checkRoute, { signal });
  win.addEventListener('popstate', checkRoute, { signal });
  checkRoute();

  // Typing: the field being typed into, whether it was emptied since its last report, and the timer.
  let typingIn: Element | null = null;
  let lastTypedIn: Element | null = null;
  let emptied = true;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const readTyped = () => {
    clearTimeout(typingTimer);
    typingTimer = undefined;
    const input = typingIn as HTMLInputElement | null;
    typingIn = null;
    if (!input || signal.aborted || !input.isConnected) return;
    const value = input.value;
    if (value.replace(/\D/g, '') === '') {
      emptied = true;
      return;
    }
    const phone = cleanPhone(value);
    if (!phone || !isShown(input)) return;
    report({ phone, source: 'typed', continuesTyping: !emptied && lastTypedIn === input });
    lastTypedIn = input;
    emptied = false;
  };
  const onInput = (event: Event) => {
    const target = event.target as Element | null;
    if (!target || !isDialInput(target)) return;
    if (typingIn && typingIn !== target) readTyped();
    typingIn = target;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(readTyped, options.typingDelayMs);
  };
  doc.addEventListener('input', onInput, { capture: true, signal });
  doc.addEventListener('change', onInput, { capture: true, signal });
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && typingIn && event.target === typingIn) readTyped();
    },
    { capture: true, signal },
  );

  // Links, and any click (a Call button) settles pending typing and re-checks the route.
  doc.addEventListener(
    'click',
    (event) => {
      if (typingIn) readTyped();
      const link = (event.target as Element | null)?.closest?.('a[href]');
      const phone = link ? phoneFromHref(link.getAttribute('href') ?? '') : null;
      if (phone) report({ phone, source: 'link', continuesTyping: false });
      setTimeout(checkRoute, 0);
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => clearTimeout(typingTimer), { once: true });
}
