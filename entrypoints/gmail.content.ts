import { runSite } from '@/lib/content/run-site';
import { gmailAdapter } from '@/lib/sites/gmail/adapter';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main: (ctx) => runSite(gmailAdapter, ctx.signal),
});
