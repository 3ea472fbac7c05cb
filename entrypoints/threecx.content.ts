import { runSite } from '@/lib/content/run-site';
import { threecxAdapter } from '@/lib/sites/threecx/adapter';

// The 3CX web client: registered at runtime for the hosts the user added (softphones.md 2).
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main: (ctx) => runSite(threecxAdapter, ctx.signal),
});
