import { browser } from 'wxt/browser';

// Addresses of the workspace's pages (Options), shared by Options itself, the sidebar and the popup.

export type Route =
  | { page: 'today' }
  | { page: 'clients' }
  | { page: 'client'; id: string }
  | { page: 'report' }
  | { page: 'import' }
  | { page: 'backup' }
  | { page: 'templates' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#\/?/, ''));
  const [page, id] = path.split('/');
  if (page === 'client' && id) return { page: 'client', id };
  if (page === 'today' || page === 'report' || page === 'import' || page === 'backup' || page === 'templates' || page === 'settings') return { page };
  return { page: 'clients' };
}

export function routeHash(route: Route): string {
  return route.page === 'client' ? `#client/${encodeURIComponent(route.id)}` : `#${route.page}`;
}

/** The client's page in Options, for links from the sidebar and the popup. */
export function clientPageUrl(clientId: string): string {
  return `${browser.runtime.getURL('/options.html')}${routeHash({ page: 'client', id: clientId })}`;
}

