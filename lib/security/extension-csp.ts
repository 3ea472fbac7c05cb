// The content security policy of every extension page (options, popup, welcome, the sidebar) and
// of the service worker (issue 12.10): nothing is loaded from or sent to the network. A template's
// remote image previewed in Options would otherwise tell its server the client's name.
//
// Team mode (research/team-sync.md §1, §4) will talk to the department's CouchDB server from the
// service worker: it will add that one origin (https://couch.example.com) to connect-src, and the
// same origin to host_permissions. Nothing else is ever to be added.

/** WXT's dev server (`npm run dev`): its scripts, its hot-reload socket, and the CSS it injects. */
export interface DevServer {
  origin: string;
}

export function extensionPagesCsp(dev?: DevServer): string {
  const devSocket = dev ? dev.origin.replace(/^http/, 'ws') : null;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(dev ? [dev.origin] : [])],
    // 'unsafe-inline' for style attributes only: a template's own inline styles in the Options
    // preview (mail HTML is styled inline) and the styles Vite injects in dev. CSS cannot fetch
    // anything (img-src, font-src), and no script can be inline.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(dev && devSocket ? [dev.origin, devSocket] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    // The sidebar is framed in the sites (Gmail, Outlook, softphones: all https); nothing else frames our pages.
    ['frame-ancestors', "'self'", 'https:'],
  ];
  return directives.map((d) => d.join(' ')).join('; ') + ';';
}
