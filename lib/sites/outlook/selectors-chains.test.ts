// @vitest-environment happy-dom
// Every entry of every chain is reachable: for entry i, a snippet that none of the entries before it
// match, whose marked element ([data-t]) queryFirst must return (icons: the marked icon itself).
import { describe, expect, it } from 'vitest';
import { OUTLOOK_SELECTORS, controlOf, isInside, queryFirst, type OutlookSelectorKey } from './selectors';

const SNIPPETS: Record<OutlookSelectorKey, string[]> = {
  readingPane: ['<div id="ReadingPaneContainerId" data-t></div>', '<div id="ConversationReadingPaneContainer" data-t></div>', '<div role="main" data-t></div>'],
  conversation: [
    '<div data-app-section="ConversationContainer" data-t></div>',
    '<div id="ConversationReadingPaneContainer" data-t></div>',
    '<div id="ReadingPaneContainerId" data-t></div>',
  ],
  conversationIdHost: ['<div data-convid="c" data-t></div>', '<div id="MailList"><div aria-selected="true" data-convid="c" data-t></div></div>'],
  threadSubject: [
    '<span id="X_SUBJECT" role="heading" data-t></span>',
    '<div role="heading" aria-level="2" data-t></div>',
    '<div role="heading" data-t></div>',
  ],
  messageHeaderSender: [
    '<div data-app-section="MessageHeader"><span data-lpc-hover-target-id="l" data-t></span></div>',
    '<div data-app-section="MessageHeader"><span class="OZZZK" title="a@b.co" data-t></span></div>',
    '<span class="OZZZK" title="a@b.co" data-t></span>',
    '<span aria-label="From: A <a@b.co>" data-t></span>',
    '<span aria-label="De : A <a@b.co>" data-t></span>',
  ],
  messageRecipientRows: [
    '<div data-testid="RecipientWell" data-t></div>',
    '<div aria-label="Cc: A" data-t></div>',
    '<div aria-label="À : A" data-t></div>',
  ],
  messagePersona: ['<span data-lpc-hover-target-id="l" data-t></span>', '<span class="lpc-hoverTarget" data-t></span>', '<span title="a@b.co" data-t></span>'],
  messageBody: [
    '<div id="UniqueMessageBody_1" data-t></div>',
    '<div data-app-section="MessageBody" data-t></div>',
    '<div role="document" data-t></div>',
    '<div class="allowTextSelection" data-t></div>',
  ],
  selfFolderRoot: [
    '<div id="primaryMailboxRoot_1" data-folder-name="a@b.co" data-t></div>',
    '<div id="primaryMailboxRoot_1" title="a@b.co" data-t></div>',
    '<div id="primaryMailboxRoot_1" data-t></div>',
  ],
  composeRootDocked: ['<div id="docking_InitVisiblePart_0" data-t></div>'],
  composeRootFullPage: ['<div data-app-section="ComposeForm" data-t></div>', '<div data-app-section="Form_Content" data-t></div>'],
  composeRootDialog: ['<div role="dialog" data-t></div>'],
  composeBody: [
    '<div contenteditable="true" aria-multiline="true" data-t></div>',
    '<div id="editorParent_1"><div contenteditable="true" data-t></div></div>',
    '<div contenteditable="true" aria-label="Message body, press Alt+F10 to exit" data-t></div>',
    '<div contenteditable="true" aria-label="Corps du message" data-t></div>',
  ],
  composeRecipientContainer: [
    '<div contenteditable="true" data-t></div>',
    '<div role="presentation" contenteditable="plaintext-only" data-t></div>',
    '<div role="textbox" data-t></div>',
    '<div role="textbox" dir="ltr"></div><div aria-label="Cci" data-t></div>',
  ],
  composePill: [
    '<div><div contenteditable="false" data-t></div></div>',
    '<div><span><span data-lpc-hover-target-id="l" data-t></span></span></div>',
    '<div><span><span draggable="true" data-t></span></span></div>',
    '<div><span><span role="button" data-t></span></span></div>',
  ],
  composePillText: ['<span class="individualText-1" data-t></span>'],
  composeSubject: [
    '<input id="MSG_d1_SUBJECT" data-t>',
    '<input type="text" autocomplete="off" data-t>',
    '<input aria-label="Ajouter un objet" data-t>',
  ],
  composeSendButton: [
    '<button data-testid="ComposeSendButton" data-t></button>',
    '<button name="Send" data-t></button>',
    '<button><i data-icon-name="SendRegular" data-t></i></button>',
    '<div class="ms-CommandBar-primaryCommand"><button name="Envoyer" data-t></button></div>',
    '<button aria-label="Envoyer" data-t></button>',
  ],
  composeDiscardButton: [
    '<button id="discardCompose" data-t></button>',
    '<button><i data-icon-name="DeleteRegular" data-t></i></button>',
    '<button aria-label="Ignorer" data-t></button>',
  ],
  composeSignature: ['<div id="Signature" data-t></div>', '<div id="signature" data-t></div>', '<div id="Signature_1" data-t></div>'],
  composeQuote: [
    '<div id="divRplyFwdMsg" data-t></div>',
    '<div id="RplyFwdMsg" data-t></div>',
    '<div id="appendonsend" data-t></div>',
    '<div id="mail-editor-reference-message-container" data-t></div>',
  ],
  validationDialog: ['<div role="alertdialog" data-t></div>'],
  validationAlert: ['<div role="alert" data-t></div>'],
};

describe('OUTLOOK_SELECTORS chains', () => {
  const keys = Object.keys(OUTLOOK_SELECTORS) as OutlookSelectorKey[];
  it.each(keys)('%s: every entry is reachable in order', (key) => {
    const snippets = SNIPPETS[key];
    expect(snippets).toHaveLength(OUTLOOK_SELECTORS[key].length);
    snippets.forEach((html) => {
      const root = document.createElement('div');
      root.innerHTML = html;
      // `:scope > …` pills are relative to the container: query from the snippet's first element.
      const scope = key === 'composePill' ? (root.firstElementChild as Element) : root;
      expect(queryFirst(scope, key)).toBe(root.querySelector('[data-t]'));
    });
  });

  it('never starts a chain with an English-only label', () => {
    for (const chain of Object.values(OUTLOOK_SELECTORS)) expect(chain[0]).not.toMatch(/aria-label="|title="/);
  });

  it('maps an icon to its button, and isInside stops at the boundary', () => {
    const root = document.createElement('div');
    root.innerHTML = '<div id="divRplyFwdMsg"><button><i data-icon-name="SendRegular"></i></button></div>';
    const icon = root.querySelector('i') as Element;
    expect(controlOf(icon)).toBe(root.querySelector('button'));
    expect(isInside(icon, 'composeQuote', root)).toBe(true);
    expect(isInside(icon, 'composeQuote', root.firstElementChild as Element)).toBe(false);
  });
});
