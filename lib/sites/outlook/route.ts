// OWA's path router (site-dom-facts 2.1): `/mail/<folder>/id/<id>` is an open item (a conversation id
// with conversation view on, else a message id), `/mail/0/…` on outlook.live.com, `/mail/compose/<id>`
// a popped-out compose, `/mail/deeplink/compose` a compose opened by link. The same paths on every
// host (office.com, office365.com, live.com, cloud.microsoft). Pure string functions.

/** The URL-decoded item id when the path opens one (`…/id/<id>`), else null. */
export function itemIdFromPath(pathname: string): string | null {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments[0] !== 'mail') return null;
  const at = segments.lastIndexOf('id');
  const raw = at > 0 ? segments[at + 1] : undefined;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function isThreadRoute(pathname: string): boolean {
  return itemIdFromPath(pathname) !== null;
}

/** A route that is nothing but a compose (pop-out window or deep link). */
export function isComposeRoute(pathname: string): boolean {
  return /^\/mail\/(?:\d+\/)?(?:compose(?:\/|$)|deeplink\/compose)/.test(pathname);
}

/** The draft id a pop-out compose route names (`/mail/compose/<id>`), else null. */
export function composeIdFromPath(pathname: string): string | null {
  const match = /^\/mail\/(?:\d+\/)?compose\/([^/?#]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
