// @vitest-environment happy-dom
// Every entry of every chain is reachable: for entry i, a snippet that none of the entries before
// it match, whose marked element ([data-t]) queryFirst must return.
import { describe, expect, it } from 'vitest';
import { GMAIL_SELECTORS, isInside, queryFirst, type GmailSelectorKey } from './selectors';

const A = 'email="a@b.co"';
const SNIPPETS: Partial<Record<GmailSelectorKey, string[]>> = {
  main: ['<div role="main" data-t></div>', '<section role="main" data-t></section>'],
  threadRoot: [
    '<div class="nH a98 iY" data-t></div>',
    '<div class="nH if" data-t></div>',
    '<div data-t><h2 data-legacy-thread-id="1"></h2><div role="listitem"><div data-message-id="m"></div></div></div>',
    '<div data-t><div data-message-id="m"></div></div>',
  ],
  threadSubject: [
    '<h2 data-legacy-thread-id="1" data-t></h2>',
    '<h2 data-thread-perm-id="p" data-t></h2>',
    '<div class="ha"><h2 data-t></h2></div>',
    '<h2 class="hP" data-t></h2>',
  ],
  threadIdHost: [
    '<h2 data-legacy-thread-id="1" data-t></h2>',
    '<span data-legacy-thread-id="1" data-t></span>',
    '<h2 data-thread-perm-id="p" data-t></h2>',
  ],
  messageItem: [
    '<div role="list"><div role="listitem" data-t></div></div>',
    '<div class="adn" data-message-id="m" data-t></div>',
    '<div class="kv" data-t></div>',
  ],
  messageHeaderSender: [
    `<h3 class="iw"><span ${A} data-t></span></h3>`,
    `<table><tr><td class="gF"><span ${A} data-t></span></td></tr></table>`,
    `<span class="gD" ${A} data-t></span>`,
  ],
  messageHeaderRecipients: [
    `<span class="hb"><span ${A} data-t></span></span>`,
    `<div class="hb"><b ${A} data-t></b></div>`,
    `<span class="g2" ${A} data-t></span>`,
  ],
  composeRootPopup: [
    '<div class="dw"><div class="no"><div class="AD"><div role="dialog" data-t></div></div></div></div>',
    '<div class="AD"><div role="dialog" data-t></div></div>',
    '<div class="dw"><div role="dialog" data-t></div></div>',
  ],
  composeRootFullscreen: [
    '<div class="aSs"><div class="aSt"><div role="dialog" data-t></div></div></div>',
    '<div class="aSt"><div role="dialog" data-t></div></div>',
  ],
  composeRootInline: [
    '<div class="ip adB"><div><div class="M9" data-t></div></div></div>',
    '<div class="ip adB"><div data-t></div></div>',
  ],
  composeRootAny: ['<div role="dialog" data-t></div>', '<div role="region" data-t></div>'],
  composeBody: [
    '<div g_editable="true" data-t></div>',
    '<div class="Ap"><div contenteditable="true" data-t></div></div>',
    '<div contenteditable="true" role="textbox" data-t></div>',
  ],
  composeSubject: ['<input name="subjectbox" data-t>', '<input name="subject" data-t>'],
  composeId: ['<input name="composeid" data-t>', '<input name="draft" data-t>'],
  composeRecipientArea: [
    '<div class="anm" name="to" data-t></div>',
    '<div name="to" data-t></div>',
    '<span data-hovercard-id="a@b.co" data-t></span>',
    '<textarea name="to" data-t></textarea>',
    '<div class="vR" data-t></div>',
    '<div class="oL aDm" data-t></div>',
    '<div class="aoD hl" data-t></div>',
    '<table class="GS" data-t></table>',
  ],
  composeRecipientField: ['<div class="anm" name="cc" data-t></div>', '<div name="bcc" data-t></div>'],
  composeRecipientChipsPeopleKit: [
    '<div class="anm" name="to"><div role="listbox"><div role="option" data-hovercard-id="a@b.co" data-t></div></div></div>',
    '<div name="to"><span data-hovercard-id="a@b.co" data-t></span></div>',
    '<div role="listbox"><span data-hovercard-id="a@b.co" data-t></span></div>',
    '<div role="option" data-hovercard-id="a@b.co" data-t></div>',
  ],
  composeRecipientInput: [
    '<input role="combobox" aria-autocomplete="list" data-t>',
    '<input peoplekit-id="BbVjBd" data-t>',
    '<textarea class="vO" data-t></textarea>',
  ],
  composeRecipientTextareaOld: ['<textarea class="vO" name="to" data-t></textarea>', '<textarea name="cc" data-t></textarea>'],
  composeRecipientInputsOld: [
    '<div class="vR"><input type="hidden" name="to" data-t></div>',
    '<div class="vR"><span><input type="hidden" data-t></span></div>',
  ],
  composeRecipientSpansOld: [`<div class="vR"><span ${A} data-t></span></div>`, `<div class="vR"><b ${A} data-t></b></div>`],
  composeRecipientSummary: [
    `<div class="oL aDm"><span ${A} data-t></span></div>`,
    `<div class="aoD hl"><span ${A} data-t></span></div>`,
    `<div class="aoD"><b ${A} data-t></b></div>`,
  ],
  sendButton: [
    '<table class="IZ"><tr><td class="Up"><div><div role="button" data-t></div></div></td></tr></table>',
    '<table><tr><td class="gU Up"><div role="button" data-t></div></td></tr></table>',
    '<div class="T-I T-I-atl aoO" role="button" data-t></div>',
  ],
  moreSendOptionsButton: [
    '<div class="IZ"><div class="Up"><div><div role="button" aria-haspopup="true" data-t></div></div></div></div>',
    '<div class="T-I hG T-I-atl" role="button" data-t></div>',
  ],
  sendAndArchiveButton: [
    '<table class="IZ"><tr><td class="Up"><div><div role="button" class="Uo" data-t></div></div></td></tr></table>',
    '<table><tr><td class="gU Up"><div role="button" class="Uo" data-t></div></td></tr></table>',
  ],
  discardButton: ['<div class="oh" role="button" data-t></div>', '<div class="oh" data-t></div>'],
  sentNotice: [
    '<div class="b8" role="alert"><div class="vh" data-t></div></div>',
    '<span role="alert"><div class="vh" data-t></div></span>',
    '<div class="vh" data-t></div>',
  ],
  sentNoticeUndo: ['<span id="link_undo" data-t></span>', '<div id="link_undo" data-t></div>'],
  sentNoticeViewMessage: ['<span id="link_vsm" data-t></span>', '<div id="link_vsm" data-t></div>'],
  accountLink: [
    '<a href="https://accounts.google.com/SignOutOptions?hl=en" aria-label="x" data-t></a>',
    '<a href="/SignOutOptions?hl=en" aria-label="x" data-t></a>',
  ],
};

// Keys whose entries are all applied together (exclusions), not tried in turn.
const EXCLUSIONS: GmailSelectorKey[] = ['messageBody', 'inlineComposeArea', 'composeSignature', 'composeQuote', 'sentNoticeNeverInside'];

describe('selector chains', () => {
  it('have a reachability snippet for every entry of every multi-entry chain', () => {
    for (const [key, chain] of Object.entries(GMAIL_SELECTORS) as [GmailSelectorKey, readonly string[]][]) {
      if (chain.length < 2 || EXCLUSIONS.includes(key)) continue;
      expect(SNIPPETS[key]?.length, key).toBe(chain.length);
    }
  });

  for (const [key, snippets] of Object.entries(SNIPPETS) as [GmailSelectorKey, string[]][]) {
    it.each(snippets.map((html, i) => [i, html] as const))(`${key} entry %i is reachable`, (i, html) => {
      document.body.innerHTML = html;
      const chain = GMAIL_SELECTORS[key];
      for (const earlier of chain.slice(0, i)) expect(document.querySelector(earlier), earlier).toBeNull();
      expect(queryFirst(document, key)).toBe(document.querySelector('[data-t]'));
    });
  }

  it.each(EXCLUSIONS.flatMap((key) => GMAIL_SELECTORS[key].map((s) => [key, s] as const)))(
    '%s entry %s excludes what is inside it',
    (key, selector) => {
      document.body.innerHTML = '<div id="boundary"></div>';
      const boundary = document.getElementById('boundary') as Element;
      const area = document.createElement('div');
      boundary.append(area);
      // Turn the plain div into an element matching the selector's last compound.
      const last = selector.split(/\s+/).at(-1) ?? '';
      const tag = /^[a-z]+/.exec(last)?.[0];
      const el = tag && tag !== 'div' ? document.createElement(tag) : area;
      if (el !== area) area.replaceWith(el);
      for (const cls of last.match(/\.[\w-]+/g) ?? []) el.classList.add(cls.slice(1));
      for (const [, name, value] of last.matchAll(/\[([\w-]+)=([\w-]+)\]/g)) el.setAttribute(name ?? '', value ?? '');
      const inner = document.createElement('span');
      el.append(inner);
      expect(isInside(inner, key, boundary)).toBe(true);
      expect(isInside(boundary, key, boundary)).toBe(false);
    },
  );
});
