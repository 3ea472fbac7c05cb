// @vitest-environment happy-dom
// Every entry of every chain is reachable: for entry i, a snippet that none of the entries before it
// match, whose marked element ([data-t]) queryFirst must return.
import { describe, expect, it } from 'vitest';
import { GV_SELECTORS, queryFirst, type GvSelectorKey } from './selectors';

const SNIPPETS: Partial<Record<GvSelectorKey, string[]>> = {
  activeCall: [
    '<gv-in-call-ng2><div class="active-call" data-t></div></gv-in-call-ng2>',
    '<div class="gv-active-call-wrapper-v2" data-t></div>',
    '<div gv-test-id="incoming-call" data-t></div>',
  ],
  incomingContainer: ['<div gv-test-id="incoming-call" data-t></div>', '<section gv-test-id="incoming-call" data-t></section>'],
  remoteName: ['<div gv-test-id="in-call-contact-name" data-t></div>', '<div class="remote-display-name" data-t></div>'],
  remoteNumber: [
    '<div class="phone-number"><span aria-hidden="true" data-t></span></div>',
    '<div class="phone-number"><b><span data-t></span></b></div>',
  ],
  remoteDigits: ['<div class="phone-number"><div class="cdk-visually-hidden" data-t></div></div>', '<div class="cdk-visually-hidden" data-t></div>'],
  status: ['<gv-in-call-status><div class="status" data-t></div></gv-in-call-status>', '<gv-in-call-status data-t></gv-in-call-status>'],
  callDuration: [
    '<span gv-test-id="in-call-callduration" data-t></span>',
    '<gv-in-call-status><div><b aria-hidden="true" data-t></b></div></gv-in-call-status>',
    '<gv-in-call-status><span data-t></span></gv-in-call-status>',
  ],
  pickupButton: [
    '<button gv-test-id="in-call-pickup-call" data-t></button>',
    '<gv-icon-button gv-test-id="in-call-pickup-call" data-t></gv-icon-button>',
    '<button class="pickup-call-button" data-t></button>',
    '<button aria-label="Answer call" data-t></button>',
  ],
  endCallButton: [
    '<button gv-test-id="in-call-end-call" data-t></button>',
    '<gv-icon-button gv-test-id="in-call-end-call" data-t></gv-icon-button>',
    '<button class="call-end-button" data-t></button>',
    '<button aria-label="Hang up call" data-t></button>',
  ],
  muteButton: [
    '<gv-in-call-button gv-test-id="mute-button"><div><button data-t></button></div></gv-in-call-button>',
    '<div gv-test-id="mute-button"><button data-t></button></div>',
    '<button gv-test-id="mute-button" data-t></button>',
    '<button aria-label="Mute call" data-t></button>',
  ],
  dialInput: [
    '<input id="il1" data-t>',
    '<gv-make-call-panel-ng2><input id="il2" data-t></gv-make-call-panel-ng2>',
    '<input placeholder="Enter a name or number" data-t>',
  ],
  newCallButton: [
    '<button gv-test-id="new-call-button" data-t></button>',
    '<gv-make-call-panel-ng2><button aria-label="Call + 1 1 2 3" data-t></button></gv-make-call-panel-ng2>',
  ],
  callNumberButton: ['<button gv-test-id="new-call-button" data-t></button>', '<button aria-label="Call \u202A(202) 555-0143\u202C" data-t></button>'],
  countryTone: ['<audio gv-id="US_outbound_ring" data-t></audio>', '<audio gv-id="US_busy_tone" data-t></audio>'],
  callQualityToast: ['<gv-call-quality data-t></gv-call-quality>', '<h2 id="call-quality-header" data-t></h2>'],
};

describe('Google Voice selector chains', () => {
  it('have a reachability snippet for every entry of every multi-entry chain', () => {
    for (const [key, chain] of Object.entries(GV_SELECTORS) as [GvSelectorKey, readonly string[]][]) {
      if (chain.length < 2) continue;
      expect(SNIPPETS[key]?.length, key).toBe(chain.length);
    }
  });

  it('key on test ids, ids and custom tags before classes and English labels', () => {
    for (const [key, chain] of Object.entries(GV_SELECTORS) as [GvSelectorKey, readonly string[]][]) {
      const english = chain.findIndex((s) => /aria-label|placeholder/.test(s));
      const stable = chain.findIndex((s) => /gv-test-id|gv-id|#|\bgv-[\w-]+/.test(s));
      if (english >= 0 && stable >= 0) expect(stable, key).toBeLessThan(english);
    }
  });

  for (const [key, snippets] of Object.entries(SNIPPETS) as [GvSelectorKey, string[]][]) {
    it.each(snippets.map((html, i) => [i, html] as const))(`${key} entry %i is reachable`, (i, html) => {
      document.body.innerHTML = html;
      const chain = GV_SELECTORS[key];
      for (const earlier of chain.slice(0, i)) expect(document.querySelector(earlier), earlier).toBeNull();
      expect(queryFirst(document, key)).toBe(document.querySelector('[data-t]'));
    });
  }
});
