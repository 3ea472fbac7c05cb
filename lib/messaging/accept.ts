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
}

export type Accepted = { ok: true; message: Message } | { ok: false; error: string };

const PAGE_OF_DIRECTION: Record<string, string[]> = {
  sidebarToBackground: ['sidebar.html'],
  // The welcome page is the first-run part of the workspace: settings, import, sample data.
  optionsToBackground: ['options.html', 'welcome.html'],
  pageToBackground: ['sidebar.html', 'popup.html', 'options.html', 'welcome.html'],
};

function senderError(direction: string, sender: Sender, rules: SenderRules): string | null {
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
  // sidebar.html is web-accessible on any https site (a 3CX host is not known in advance), so a
  // framed sidebar speaks only from a tab of one of our sites; its tab URL is visible to us only there.
  if (path === 'sidebar.html' && sender.tab) {
    const tabUrl = sender.tab.url ?? '';
    if (!rules.sitePatterns.some((p) => new MatchPattern(p).includes(tabUrl || 'about:blank'))) return 'the sidebar is not on one of ClientDesk’s sites';
  }
  return null;
}

export function acceptMessage(raw: unknown, sender: Sender, rules: SenderRules): Accepted {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    const type = typeof raw === 'object' && raw && 'type' in raw ? String((raw as { type: unknown }).type) : 'without a type';
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `Message ${type} refused: ${issue?.message ?? 'does not parse'}${where}.` };
  }
  const direction = parsed.data.type.split('.')[0] ?? '';
  const error = senderError(direction, sender, rules);
  return error ? { ok: false, error: `Message ${parsed.data.type} refused: ${error}.` } : { ok: true, message: parsed.data };
}
