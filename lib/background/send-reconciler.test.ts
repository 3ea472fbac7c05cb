import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetworkSend, SentMail } from '@/lib/sites/types';
import { SendReconciler, type ConfirmedSend } from './send-reconciler';

const pageMail = (patch: Partial<SentMail> = {}): SentMail => ({
  contextId: 'compose-1',
  draftId: null,
  sendId: 'page-1',
  subject: 'Commercial offer',
  recipients: [{ email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'to' }, { email: null, name: 'Hans Weber', role: 'to' }],
  sentAt: 1000,
  ...patch,
});
const networkSend = (patch: Partial<NetworkSend> = {}): NetworkSend => ({
  site: 'outlook',
  tabId: 7,
  itemId: null,
  subject: 'Commercial offer',
  recipients: [
    { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'to' },
    { email: 'hans@nordfrost.de', name: 'Hans Weber', role: 'to' },
  ],
  at: 1100,
  ...patch,
});

describe('SendReconciler', () => {
  let recorded: ConfirmedSend[];
  let reconciler: SendReconciler;
  beforeEach(() => {
    vi.useFakeTimers();
    recorded = [];
    reconciler = new SendReconciler(new Set(['outlook']), (s) => recorded.push(s), 5000);
  });
  afterEach(() => vi.useRealTimers());

  it('records a page send at once on a site without a network route', () => {
    reconciler.page('gmail', 3, pageMail());
    expect(recorded.map((s) => [s.site, s.contextId])).toEqual([['gmail', 'compose-1']]);
  });

  it('merges the page report and the request into one send with the exact addresses, whichever comes first', () => {
    reconciler.page('outlook', 7, pageMail());
    reconciler.network(networkSend());
    reconciler.network(networkSend({ subject: 'Other', at: 2000 }));
    reconciler.page('outlook', 7, pageMail({ subject: 'Other', sendId: 'page-2', contextId: 'compose-2' }));
    expect(recorded.map((s) => [s.contextId, s.sendId, s.recipients.map((r) => r.email)])).toEqual([
      ['compose-1', 'page-1', ['ivan.petrov@rosstal.ru', 'hans@nordfrost.de']],
      ['compose-2', 'page-2', ['ivan.petrov@rosstal.ru', 'hans@nordfrost.de']],
    ]);
    vi.advanceTimersByTime(10_000);
    expect(recorded).toHaveLength(2);
  });

  it('pairs by draft id before subject, and accepts a request from the site’s service worker (tab -1)', () => {
    reconciler.page('outlook', 7, pageMail({ draftId: 'AAMkA', subject: 'Same' }));
    reconciler.page('outlook', 7, pageMail({ draftId: 'AAMkB', subject: 'Same', sendId: 'page-2', contextId: 'compose-2' }));
    reconciler.network(networkSend({ itemId: 'AAMkB', subject: 'Same', tabId: -1 }));
    expect(recorded.map((s) => s.contextId)).toEqual(['compose-2']);
  });

  it('hands on a lone report after the hold: the page’s when the request was missed, the request’s when the page missed it', () => {
    reconciler.page('outlook', 7, pageMail());
    reconciler.network(networkSend({ subject: 'Sent from the pop-out window', tabId: 9 }));
    expect(recorded).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(recorded.map((s) => [s.contextId, s.tabId, s.recipients.length])).toEqual([
      ['compose-1', 7, 2],
      [null, 9, 2],
    ]);
  });
});
