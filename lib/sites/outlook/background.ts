import { browser, type Browser } from 'wxt/browser';
import type { SiteBackground } from '../types';
import { parseOwaSendRequest } from './send-request';

// Outlook confirms a send with its own request (outlook-2026.md 1b.3): read it without blocking,
// only on Outlook's hosts, in the background. It also carries the exact recipient addresses.

const SERVICE_URLS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'].map(
  (host) => `https://${host}/*service.svc*`,
);

function bodyText(details: Browser.webRequest.OnBeforeRequestDetails): string | null {
  const raw = details.requestBody?.raw;
  if (!raw?.length) return null;
  const decoder = new TextDecoder();
  return raw.map((part) => (part.bytes ? decoder.decode(part.bytes, { stream: true }) : '')).join('') + decoder.decode();
}

export const siteBackground: SiteBackground = {
  site: 'outlook',
  start(report) {
    browser.webRequest.onBeforeRequest.addListener(
      (details) => {
        if (details.method !== 'POST') return undefined;
        const send = parseOwaSendRequest(details.url, bodyText(details));
        if (send) report({ site: 'outlook', tabId: details.tabId, itemId: send.itemId, subject: send.subject, recipients: send.recipients, at: Date.now() });
        return undefined;
      },
      { urls: SERVICE_URLS },
      ['requestBody'],
    );
  },
};
