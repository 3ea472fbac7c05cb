import { describe, expect, it } from 'vitest';
import { acceptMessage, type SenderRules } from './accept';

const rules: SenderRules = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  sitePatterns: ['https://mail.google.com/*'],
};
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
    expect(acceptMessage(mark, { id: 'ext', url: 'chrome-extension://ext/sidebar.html' }, rules).ok).toBe(true);
    expect(acceptMessage(mark, gmailTab, rules).ok).toBe(false);
    expect(acceptMessage(mark, { id: 'ext', url: 'chrome-extension://ext/options.html' }, rules).ok).toBe(false);
    // Card edits come from the sidebar and the client page in Options, never from a site.
    const note = { type: 'pageToBackground.addNote', clientId: 'c1', contactId: null, text: 'Called, wants prices' };
    expect(acceptMessage(note, { id: 'ext', url: 'chrome-extension://ext/options.html' }, rules).ok).toBe(true);
    expect(acceptMessage(note, gmailTab, rules).ok).toBe(false);
    const settings = { type: 'optionsToBackground.getSettings' };
    expect(acceptMessage(settings, { id: 'ext', url: 'chrome-extension://ext/options.html' }, rules).ok).toBe(true);
    expect(acceptMessage(settings, { id: 'ext', url: 'chrome-extension://ext/sidebar.html' }, rules).ok).toBe(false);
  });

  it('accepts a framed sidebar only in a tab of one of our sites', () => {
    const mark = { type: 'sidebarToBackground.markOffer', contextId: 'c1', offer: true };
    const framed = (tabUrl: string | undefined) => ({ id: 'ext', url: 'chrome-extension://ext/sidebar.html', tab: { id: 4, url: tabUrl } as never, frameId: 3 });
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
