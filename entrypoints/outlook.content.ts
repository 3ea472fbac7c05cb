import { runSite } from '@/lib/content/run-site';
import { outlookAdapter } from '@/lib/sites/outlook/adapter';

// Outlook on the web on all its hosts (site-dom-facts 2.1, outlook-2026.md 6).
export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  runAt: 'document_idle',
  main: (ctx) => runSite(outlookAdapter, ctx.signal),
});
