import { installWebSocketHook } from '@/lib/sites/threecx/page-hook';

// The 3CX web client's page-world hook: registered at runtime (lib/background/softphone-hosts.ts)
// for the hosts the user added, at document_start, before the web client opens its WebSocket.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installWebSocketHook(),
});
