import { runSite } from '@/lib/content/run-site';
import { googleVoiceAdapter } from '@/lib/sites/google-voice/adapter';

// Google Voice (issue 6): the call panel drives the client card and the call log. `/u/<n>/` account
// paths are covered by the match; the manifest hook gives the host its permission.
export default defineContentScript({
  matches: ['https://voice.google.com/*'],
  runAt: 'document_idle',
  main: (ctx) => runSite(googleVoiceAdapter, ctx.signal),
});
