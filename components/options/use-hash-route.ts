import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '../workspace-routes';

export type { Route } from '../workspace-routes';

// The workspace's pages live in the URL hash: they survive a reload, work with Back, and other
// parts of the extension link to them (options.html#client/<id>).

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
