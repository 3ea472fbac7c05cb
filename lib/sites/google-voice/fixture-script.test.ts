// @vitest-environment happy-dom
// The fixtures' shared script (tests/fixtures/google-voice/gv-behaviour.js) must switch the page between
// the documented states exactly as the static fixtures show them, for the adapter and browser tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureHtml, gv, loadFixture, parseFixture, runFixtureScripts, STATE_FIXTURES, VARIANT_FIXTURES } from './fixtures.testutil';
import { readCallPanel, readDialledNumber } from './parse-call';

const IVAN = ['+7 495 123-45-67', 'Ivan Petrov'] as const;
const MARIA = ['+370 5 212 3456', 'Maria Garcia'] as const;
const panel = () => readCallPanel(document);
const click = (selector: string) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`missing ${selector}`);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
};
/** The in-call section without the fixture-only data attributes, for comparing with a static page. */
const shape = (doc: Document) =>
  (doc.querySelector('gv-in-call-ng2')?.outerHTML ?? '').replace(/ data-fixture-[\w-]+(="[^"]*")?/g, '').replace(/>\s+</g, '><');

beforeEach(() => loadFixture('idle.html'));
afterEach(() => vi.useRealTimers());

describe('gv-behaviour.js', () => {
  it.each([...STATE_FIXTURES, ...VARIANT_FIXTURES])('%s loads the shared script and has no inline script', (name) => {
    const html = fixtureHtml(name);
    expect(html).toContain('<script src="/_fixture/gv-behaviour.js"></script>');
    expect(html).not.toMatch(/<script>/);
    expect(html).toMatch(/&#x202A;.*\d.*&#x202C;/); // numbers wrapped in direction marks
  });

  it('renders each state as the static fixture of that state shows it', () => {
    runFixtureScripts();
    const idle = shape(document);
    expect(idle).toBe(shape(parseFixture('idle.html')));
    gv().outgoing(...MARIA);
    expect(panel()).toEqual(readCallPanel(parseFixture('outgoing-ringing.html')));
    expect(shape(document)).toBe(shape(parseFixture('outgoing-ringing.html')));
    gv().incoming(...IVAN);
    expect(panel()).toEqual(readCallPanel(parseFixture('incoming-ringing.html')));
    expect(shape(document)).toBe(shape(parseFixture('incoming-ringing.html')));
    gv().answer();
    gv().tick(14);
    expect(panel()).toEqual(readCallPanel(parseFixture('connected.html')));
    gv().hangUp();
    expect(panel()).toEqual(readCallPanel(parseFixture('ended.html')));
    expect(shape(document)).toBe(shape(parseFixture('ended.html')));
    expect(document.querySelector('gv-call-quality')?.outerHTML).toBe(parseFixture('ended.html').querySelector('gv-call-quality')?.outerHTML);
    expect(document.querySelector('gv-call-quality #call-quality-header')).not.toBeNull();
    expect(document.querySelector('audio[gv-id="end_call"]')).not.toBeNull();
  });

  it('plays (dispatches play on) the inbound ring for an incoming call, and pauses it on answer', () => {
    runFixtureScripts();
    const events: string[] = [];
    for (const type of ['play', 'pause']) {
      document.addEventListener(type, (e) => events.push(`${type}:${(e.target as Element).getAttribute('gv-id')}`), true);
    }
    gv().incoming(...IVAN);
    gv().answer();
    expect(events).toEqual(['play:inbound_ring', 'pause:inbound_ring', 'play:in_call']);
  });

  it('ticks the timer in place (characterData), one second at a time', () => {
    runFixtureScripts();
    gv().outgoing(...MARIA);
    gv().answer();
    const timer = document.querySelector('[gv-test-id="in-call-callduration"]');
    const seen: string[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => seen.push(r.type)));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    gv().tick(3);
    return Promise.resolve().then(() => {
      observer.disconnect();
      expect(document.querySelector('[gv-test-id="in-call-callduration"]')).toBe(timer);
      expect(timer?.textContent?.trim()).toBe('00:03');
      expect(new Set(seen)).toEqual(new Set(['characterData']));
      expect(panel().timerSec).toBe(3);
    });
  });

  it('ticks by itself every second with autoTick', () => {
    vi.useFakeTimers();
    runFixtureScripts();
    gv().outgoing(...MARIA);
    gv().answer();
    gv().autoTick(true);
    vi.advanceTimersByTime(65_000);
    expect(panel().timerSec).toBe(65);
    gv().hangUp();
    vi.advanceTimersByTime(5000);
    expect(gv().state()).toBe('idle');
  });

  it('answers and hangs up on the buttons, and closes the quality toast', () => {
    runFixtureScripts();
    gv().incoming(...IVAN);
    expect(gv().state()).toBe('incoming');
    click('button[gv-test-id="in-call-pickup-call"]');
    expect(gv().state()).toBe('connected');
    expect(panel()).toMatchObject({ connected: true, timerSec: 0, incoming: null });
    click('gv-call-response.short-call-response button[gv-test-id="in-call-end-call"]');
    expect(gv().state()).toBe('idle');
    click('button[gv-test-id="quality-toast-close"]');
    expect(document.querySelector('gv-call-quality')).toBeNull();
  });

  it('types into the dialler, labels the call button, and calls the typed number', () => {
    runFixtureScripts();
    gv().type('+1 123');
    expect(document.querySelector('button[gv-test-id="new-call-button"]')?.getAttribute('aria-label')).toBe('Call + 1 1 2 3');
    expect(readDialledNumber(document, '')).toBe('+1 123');
    click('gv-dialpad button[data-fixture-key="4"]');
    expect((document.querySelector('input#il1') as HTMLInputElement).value).toBe('+1 1234');
    click('button[gv-test-id="new-call-button"]');
    expect(gv().state()).toBe('outgoing');
    expect(panel()).toMatchObject({ number: '+1 1234', name: '', incoming: false });
  });

  it("calls a history row's number on its Call button", () => {
    runFixtureScripts();
    click('gv-thread-list-ng2 button[aria-label^="Call \u202A("]');
    expect(panel()).toMatchObject({ active: true, number: '(202) 555-0143', name: '', incoming: false });
  });

  it('drives a static call fixture on from where it stands', () => {
    loadFixture('connected.html');
    runFixtureScripts();
    expect(gv().state()).toBe('connected');
    gv().tick(1);
    expect(panel().timerSec).toBe(15);
    gv().hangUp();
    expect(panel().active).toBe(false);
  });

  describe('variants', () => {
    it('incoming-2025: a ringing call in div[gv-test-id="incoming-call"], then an active-call-wrapper', () => {
      loadFixture('incoming-2025.html');
      runFixtureScripts();
      expect(gv().state()).toBe('incoming');
      expect(panel()).toEqual(readCallPanel(parseFixture('incoming-2025.html')));
      gv().answer();
      gv().tick(5);
      expect(document.querySelector('[gv-test-id="incoming-call"]')).toBeNull();
      expect(document.querySelector('[class*="active-call-wrapper"] gv-in-call-remote-party')).toBeNull();
      expect(panel()).toEqual({ active: true, number: IVAN[0], name: IVAN[1], incoming: null, connected: true, timerSec: 5 });
      gv().hangUp();
      expect(panel().active).toBe(false);
      gv().outgoing(...MARIA);
      expect(panel()).toMatchObject({ active: true, number: MARIA[0], incoming: false, connected: false });
    });

    it('no-timer: connected shows no timer at all', () => {
      loadFixture('connected-no-timer.html');
      runFixtureScripts();
      gv().hangUp();
      gv().outgoing(...MARIA);
      gv().answer();
      gv().tick(3);
      expect(panel()).toEqual(readCallPanel(parseFixture('connected-no-timer.html')));
    });

    it('renamed-timer: the timer has no gv-test-id', () => {
      loadFixture('connected-unknown.html');
      runFixtureScripts();
      expect(gv().state()).toBe('connected');
      gv().tick(2);
      expect(document.querySelector('[gv-test-id="in-call-callduration"]')).toBeNull();
      expect(panel().timerSec).toBe(67);
    });
  });
});
