import { describe, expect, it } from 'vitest';
import { acceptMessage, type SenderRules } from './accept';

const rules: SenderRules = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  sitePatterns: ['https://mail.google.com/*'],
  // Tab 4's sidebar, as its token bound it (issue 12.11).
  sidebarOf: (tabId) => (tabId === 4 ? { frameId: 3, documentId: 'DOC-A' } : null),
};
const ourSidebar = { id: 'ext', url: 'chrome-extension://ext/sidebar.html', tab: { id: 4, url: 'https://mail.google.com/mail/u/0/#inbox' } as never, frameId: 3, documentId: 'DOC-A' };
const gmailTab = { id: 'ext', url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 4 } as never, frameId: 0 };
const snapshot = { site: 'gmail', selfEmail: null, contexts: [], focusedContextId: null, problems: [] };

describe('acceptMessage', () => {
  it('accepts a well-formed message from an allowed sender', () => {
    const result = acceptMessage({ type: 'contentToBackground.pageSnapshot', snapshot, emittedAt: 1 }, gmailTab, rules);
    expect(result.ok).toBe(true);
  });

  it('refuses a message that does not parse, saying what is wrong', () => {
    const result = acceptMessage({ type: 'contentToBackground.pageSnapshot', snapshot: { ...snapshot, contexts: 'x' }, emittedAt: 1 }, gmailTab, rules);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/contentToBackground.pageSnapshot refused: .* at snapshot.contexts/) });
    expect(acceptMessage('hello', gmailTab, rules)).toEqual({ ok: false, error: expect.stringContaining('without a type') });
    expect(acceptMessage({ type: 'nope' }, gmailTab, rules).ok).toBe(false);
  });

  it('refuses content messages from other sites, other extensions and sub-frames', () => {
    const message = { type: 'contentToBackground.pageSnapshot', snapshot, emittedAt: 1 };
    expect(acceptMessage(message, { ...gmailTab, url: 'https://evil.example/' }, rules)).toEqual({ ok: false, error: expect.stringContaining('evil.example') });
    expect(acceptMessage(message, { ...gmailTab, id: 'other' }, rules).ok).toBe(false);
    expect(acceptMessage(message, { ...gmailTab, frameId: 3 }, rules).ok).toBe(false);
  });

  it('accepts sidebar and options messages only from their own extension pages', () => {
    const mark = { type: 'sidebarToBackground.markOffer', contextId: 'c1', offer: true };
    expect(acceptMessage(mark, ourSidebar, rules).ok).toBe(true);
    expect(acceptMessage(mark, gmailTab, rules).ok).toBe(false);
    expect(acceptMessage(mark, { id: 'ext', url: 'chrome-extension://ext/options.html' }, rules).ok).toBe(false);
    // Card edits come from the sidebar and the client page in Options, never from a site.
    const note = { type: 'pageToBackground.addNote', clientId: 'c1', contactId: null, text: 'Called, wants prices' };
    expect(acceptMessage(note, { id: 'ext', url: 'chrome-extension://ext/options.html' }, rules).ok).toBe(true);
    expect(acceptMessage(note, gmailTab, rules).ok).toBe(false);
    const settings = { type: 'optionsToBackground.getSettings' };
    expect(acceptMessage(settings, { id: 'ext', url: 'chrome-extension://ext/options.html' }, rules).ok).toBe(true);
    expect(acceptMessage(settings, ourSidebar, rules).ok).toBe(false);
  });

  // Issue 12.11: a sidebar without a tab skipped the site check; a page's own copy was served too.
  it('refuses a sidebar that is not in a tab (fail closed)', () => {
    const mark = { type: 'sidebarToBackground.markOffer', contextId: 'c1', offer: true };
    expect(acceptMessage(mark, { id: 'ext', url: 'chrome-extension://ext/sidebar.html' }, rules)).toEqual({ ok: false, error: expect.stringContaining('not in a tab') });
    expect(acceptMessage({ type: 'pageToBackground.searchClients', query: 'Ros' }, { id: 'ext', url: 'chrome-extension://ext/sidebar.html', frameId: 3 }, rules).ok).toBe(false);
    expect(acceptMessage({ type: 'sidebarToBackground.present', token: 'ab' }, { id: 'ext', url: 'chrome-extension://ext/sidebar.html' }, rules).ok).toBe(false);
  });

  it('accepts a framed sidebar only as the one its token bound in that tab', () => {
    const search = { type: 'pageToBackground.searchClients', query: 'Ros' };
    expect(acceptMessage(search, ourSidebar, rules).ok).toBe(true);
    const refused = { ok: false, error: expect.stringContaining('not the sidebar ClientDesk opened in this tab') };
    // Another frame in the same tab (the page's own copy), or a new document in our frame.
    expect(acceptMessage(search, { ...ourSidebar, frameId: 9, documentId: 'DOC-B' }, rules)).toEqual(refused);
    expect(acceptMessage(search, { ...ourSidebar, documentId: 'DOC-B' }, rules)).toEqual(refused);
    // A tab without a token (no content script of ours asked for one).
    expect(acceptMessage(search, { ...ourSidebar, tab: { id: 5, url: 'https://mail.google.com/mail/u/0/' } as never }, rules)).toEqual(refused);
    // Presenting a token is allowed from a framed sidebar on our site: the port handler checks the token.
    expect(acceptMessage({ type: 'sidebarToBackground.present', token: 'ab12' }, { ...ourSidebar, frameId: 9 }, rules).ok).toBe(true);
  });

  it('accepts a framed sidebar only in a tab of one of our sites', () => {
    const mark = { type: 'sidebarToBackground.markOffer', contextId: 'c1', offer: true };
    const framed = (tabUrl: string | undefined) => ({ ...ourSidebar, tab: { id: 4, url: tabUrl } as never });
    expect(acceptMessage(mark, framed('https://mail.google.com/mail/u/0/#inbox'), rules).ok).toBe(true);
    expect(acceptMessage(mark, framed('https://evil.example/'), rules)).toEqual({ ok: false, error: expect.stringContaining('not on one of ClientDesk') });
    // No host permission for the tab: its URL is hidden from us, and that is a refusal too.
    expect(acceptMessage(mark, framed(undefined), rules).ok).toBe(false);
  });

  it('validates field contents, not only shapes', () => {
    const sender = { id: 'ext', url: 'chrome-extension://ext/sidebar.html' };
    const bad = { type: 'pageToBackground.updateClient', clientId: 'c1', patch: { nextContactAt: '31.02.2026' } };
    expect(acceptMessage(bad, sender, rules)).toEqual({ ok: false, error: expect.stringContaining('YYYY-MM-DD') });
    const empty = { type: 'pageToBackground.addNote', clientId: 'c1', contactId: null, text: '' };
    expect(acceptMessage(empty, sender, rules)).toEqual({ ok: false, error: expect.stringContaining('The note is empty') });
  });
});
