import type { Browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { messageSchema, type Message } from './protocol';

// The one place that decides whether a message is accepted: it must parse, and its sender must be
// allowed to send that kind of message (Bitwarden's pattern). Everything else is refused and logged.

type Sender = Browser.runtime.MessageSender;

export interface SenderRules {
  extensionId: string;
  /** runtime.getURL('/'), e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** Match patterns of the sites our content scripts run on (from the manifest). */
  sitePatterns: string[];
  /** The sidebar frame our content script created in a tab, bound by its token (issue 12.11). */
  sidebarOf?: (tabId: number) => { frameId: number; documentId?: string } | null;
}

export type Accepted = { ok: true; message: Message } | { ok: false; error: string };

const PAGE_OF_DIRECTION: Record<string, string[]> = {
  sidebarToBackground: ['sidebar.html'],
  // The welcome page is the first-run part of the workspace: settings, import, sample data.
  optionsToBackground: ['options.html', 'welcome.html'],
  pageToBackground: ['sidebar.html', 'popup.html', 'options.html', 'welcome.html'],
};

/** A framed sidebar speaks only as the one our content script made for its tab (issue 12.11). */
function sidebarError(type: string, sender: Sender, rules: SenderRules): string | null {
  // Fail closed: a sidebar outside a tab cannot be checked against a site, so it is not ours.
  if (!sender.tab || sender.tab.id === undefined) return 'the sidebar is not in a tab';
  // sidebar.html is web-accessible on any https site (a 3CX host is not known in advance), so it
  // speaks only from a tab of one of our sites; its tab URL is visible to us only there.
  const tabUrl = sender.tab.url ?? '';
  if (!rules.sitePatterns.some((p) => new MatchPattern(p).includes(tabUrl || 'about:blank'))) return 'the sidebar is not on one of ClientDesk’s sites';
  // Presenting the token is how a sidebar becomes the tab's; the background checks it then.
  if (type === 'sidebarToBackground.present') return null;
  const bound = rules.sidebarOf?.(sender.tab.id);
  const sameDocument = bound?.documentId === undefined || bound.documentId === sender.documentId;
  if (!bound || bound.frameId !== sender.frameId || !sameDocument) return 'this is not the sidebar ClientDesk opened in this tab';
  return null;
}

function senderError(type: string, sender: Sender, rules: SenderRules): string | null {
  const direction = type.split('.')[0] ?? '';
  if (sender.id !== rules.extensionId) return 'sender is not this extension';
  const url = sender.url ?? '';
  if (direction === 'contentToBackground') {
    if (!sender.tab || sender.frameId !== 0) return 'content messages must come from a top frame of a tab';
    const patterns = rules.sitePatterns.map((p) => new MatchPattern(p));
    return patterns.some((p) => p.includes(url)) ? null : `content messages are not accepted from ${new URL(url || 'about:blank').host || 'this page'}`;
  }
  const pages = PAGE_OF_DIRECTION[direction];
  if (!pages) return `unknown direction "${direction}"`;
  if (!url.startsWith(rules.extensionOrigin)) return `${direction} messages must come from an extension page`;
  const path = new URL(url).pathname.replace(/^\//, '');
  if (!pages.includes(path)) return `${direction} messages are not accepted from ${path}`;
  return path === 'sidebar.html' ? sidebarError(type, sender, rules) : null;
}

export function acceptMessage(raw: unknown, sender: Sender, rules: SenderRules): Accepted {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    const type = typeof raw === 'object' && raw && 'type' in raw ? String((raw as { type: unknown }).type) : 'without a type';
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `Message ${type} refused: ${issue?.message ?? 'does not parse'}${where}.` };
  }
  const error = senderError(parsed.data.type, sender, rules);
  return error ? { ok: false, error: `Message ${parsed.data.type} refused: ${error}.` } : { ok: true, message: parsed.data };
}
