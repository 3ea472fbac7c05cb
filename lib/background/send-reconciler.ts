import type { Correspondent, NetworkSend, SentMail } from '@/lib/sites/types';

// One send can be reported twice: by the page (the compose closed after Send) and, on sites that
// have one, by the site's own send request seen in the background. The page knows which compose it
// was (and so which template went in); the request knows the exact addresses. This pairs them and
// hands on one merged send, once. A report left alone is handed on after `holdMs`: the page's
// when the request was missed, the request's when the page missed the send.

export interface ConfirmedSend {
  site: string;
  tabId: number | null;
  contextId: string | null;
  draftId: string | null;
  sendId: string;
  subject: string;
  recipients: Correspondent[];
  sentAt: number;
  /** When the page reported it (epoch ms), for the bench's send → badge figure. */
  emittedAt?: number;
}

interface Held {
  kind: 'page' | 'network';
  send: ConfirmedSend;
  timer: ReturnType<typeof setTimeout>;
}

const sameSubject = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();

export class SendReconciler {
  private readonly held: Held[] = [];

  constructor(
    /** Sites whose sends are also confirmed by a network request. */
    private readonly networkSites: ReadonlySet<string>,
    private readonly record: (send: ConfirmedSend) => void,
    private readonly holdMs = 5000,
  ) {}

  page(site: string, tabId: number, mail: SentMail, emittedAt?: number): void {
    const send: ConfirmedSend = {
      site,
      tabId,
      contextId: mail.contextId,
      draftId: mail.draftId,
      sendId: mail.sendId,
      subject: mail.subject,
      recipients: mail.recipients,
      sentAt: mail.sentAt,
      emittedAt,
    };
    if (!this.networkSites.has(site)) return this.record(send);
    const partner = this.take('network', send);
    if (partner) return this.record(merge(send, partner));
    this.hold('page', send);
  }

  network(report: NetworkSend): void {
    const send: ConfirmedSend = {
      site: report.site,
      tabId: report.tabId >= 0 ? report.tabId : null,
      contextId: null,
      draftId: report.itemId,
      sendId: `network:${report.at}:${Math.random().toString(36).slice(2)}`,
      subject: report.subject ?? '',
      recipients: report.recipients,
      sentAt: report.at,
    };
    const partner = this.take('page', send);
    if (partner) return this.record(merge(partner, send));
    this.hold('network', send);
  }

  private hold(kind: Held['kind'], send: ConfirmedSend): void {
    const entry: Held = {
      kind,
      send,
      timer: setTimeout(() => {
        const index = this.held.indexOf(entry);
        if (index >= 0) this.held.splice(index, 1);
        this.record(send);
      }, this.holdMs),
    };
    this.held.push(entry);
  }

  /** The held report of the other kind that is the same send: same draft id, else same tab and subject. */
  private take(kind: Held['kind'], send: ConfirmedSend): ConfirmedSend | null {
    const sameSite = this.held.filter((h) => h.kind === kind && h.send.site === send.site);
    const match =
      sameSite.find((h) => h.send.draftId && send.draftId && h.send.draftId === send.draftId) ??
      sameSite.find((h) => (h.send.tabId === null || send.tabId === null || h.send.tabId === send.tabId) && sameSubject(h.send.subject, send.subject));
    if (!match) return null;
    clearTimeout(match.timer);
    this.held.splice(this.held.indexOf(match), 1);
    return match.send;
  }
}

/** The page's compose and ids, the request's exact addresses (and its draft id when the page had none). */
function merge(page: ConfirmedSend, network: ConfirmedSend): ConfirmedSend {
  return { ...page, draftId: page.draftId ?? network.draftId, recipients: network.recipients.length ? network.recipients : page.recipients };
}
