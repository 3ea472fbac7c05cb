import { runSite } from '@/lib/content/run-site';
import { askSoftphoneRegion } from '@/lib/content/softphone-region';
import { threecxAdapterFor } from '@/lib/sites/threecx/adapter';

// The 3CX web client: registered at runtime for the hosts the user added (softphones.md 2). Its
// numbers are read in this PBX's region (Options); the hook keeps the frames until the adapter starts.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main: async (ctx) => runSite(threecxAdapterFor(await askSoftphoneRegion()), ctx.signal),
});
