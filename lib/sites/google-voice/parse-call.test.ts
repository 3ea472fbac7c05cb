// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtures.testutil';
import {
  cleanText,
  findCallTimer,
  findPhoneIn,
  parseTimer,
  phoneText,
  readAccountRegion,
  readCallPanel,
  readDialledNumber,
  samePhone,
  type CallPanelReading,
} from './parse-call';

const doc = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');

describe('text helpers', () => {
  it('strips every direction mark and collapses white space', () => {
    const marks = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F';
    expect(cleanText(` ${marks}+7 495\u202C   123-45-67${marks} `)).toBe('+7 495 123-45-67');
    expect(cleanText(null)).toBe('');
  });

  it('reads numbers as shown, joining spaced screen-reader digits', () => {
    expect(phoneText(' \u202A(913) 555 8888\u202C ')).toBe('(913) 555 8888');
    expect(phoneText('\u202A+7 495 123-45-67\u202C')).toBe('+7 495 123-45-67');
    expect(phoneText(' 6 1 4 9 4 9 1 8 5 5 ')).toBe('6149491855');
    expect(phoneText('+ 1 1 2 3')).toBe('+1123');
    expect(phoneText('\u2066+44 20 7946 0958\u2069')).toBe('+44 20 7946 0958');
  });

  it('refuses what is not a number', () => {
    for (const text of ['Ivan Petrov', '00:14', '12', '', 'Call', '+7 495 ext', '1+2345', '1'.repeat(21)]) {
      expect(phoneText(text), text).toBeNull();
    }
  });

  it('finds the number in an aria-label', () => {
    expect(findPhoneIn('Call + 1 1 2 3')).toBe('+1123');
    expect(findPhoneIn('Call \u202A(202) 555-0143\u202C')).toBe('(202) 555-0143');
    expect(findPhoneIn('Llamar a + 3 4 9 1')).toBe('+3491');
    expect(findPhoneIn('Call')).toBeNull();
    expect(findPhoneIn('Call \u202AIvan Petrov\u202C')).toBeNull();
    expect(findPhoneIn(null)).toBeNull();
  });

  it('parses the in-call timer', () => {
    expect(parseTimer(' 00:14 ')).toBe(14);
    expect(parseTimer('\u202A12:05\u202C')).toBe(725);
    expect(parseTimer('1:02:03')).toBe(3723);
    expect(parseTimer('0:7')).toBeNull();
    expect(parseTimer('00:61')).toBeNull();
    expect(parseTimer('Elapsed time 14 seconds')).toBeNull();
  });

  it('compares numbers by their digits, allowing a country code on one side', () => {
    expect(samePhone('(202) 555-0143', '+1 202 555 0143')).toBe(true);
    expect(samePhone('+7 495 123-45-67', '74951234567')).toBe(true);
    expect(samePhone('+1123', '1123')).toBe(true);
    expect(samePhone('0143', '+1 202 555 0143')).toBe(false);
    expect(samePhone(null, '+1123')).toBe(false);
  });
});

describe('readCallPanel on the fixtures', () => {
  const idle: CallPanelReading = { active: false, number: null, name: '', incoming: null, connected: false, timerSec: null };
  it.each<[string, CallPanelReading]>([
    ['idle.html', idle],
    ['ended.html', idle],
    ['outgoing-ringing.html', { active: true, number: '+370 5 212 3456', name: 'Maria Garcia', incoming: false, connected: false, timerSec: null }],
    ['incoming-ringing.html', { active: true, number: '+7 495 123-45-67', name: 'Ivan Petrov', incoming: true, connected: false, timerSec: null }],
    // The hidden digits are redacted apart (7 4 9 5 0 0 …): the visible number wins.
    ['connected.html', { active: true, number: '+7 495 123-45-67', name: 'Ivan Petrov', incoming: null, connected: true, timerSec: 14 }],
    // 2025 container, number from a plain span (scan), direction from the container.
    ['incoming-2025.html', { active: true, number: '+7 495 123-45-67', name: 'Ivan Petrov', incoming: true, connected: false, timerSec: null }],
    // No timer: connected from the quiet status line.
    ['connected-no-timer.html', { active: true, number: '+370 5 212 3456', name: 'Maria Garcia', incoming: null, connected: true, timerSec: null }],
    // Unknown caller: the name line is the number (so no name); no visible span: the hidden digits; renamed timer.
    ['connected-unknown.html', { active: true, number: '2025550143', name: '', incoming: null, connected: true, timerSec: 65 }],
  ])('%s', (name, expected) => {
    expect(readCallPanel(parseFixture(name))).toEqual(expected);
  });

  it('finds the timer element itself (the adapter watches only it)', () => {
    expect(findCallTimer(parseFixture('connected.html'))?.getAttribute('gv-test-id')).toBe('in-call-callduration');
    expect(findCallTimer(parseFixture('connected-unknown.html'))?.textContent?.trim()).toBe('01:05');
    expect(findCallTimer(parseFixture('outgoing-ringing.html'))).toBeNull();
  });
});

describe('readCallPanel fallbacks', () => {
  const party = (inner: string) => `<gv-in-call-remote-party>${inner}</gv-in-call-remote-party>`;

  it('takes the contact-name line when it is the only number', () => {
    const d = doc(`<gv-in-call-ng2><div class="active-call">${party('<div gv-test-id="in-call-contact-name"> \u202A(202) 555-0143\u202C </div>')}</div></gv-in-call-ng2>`);
    expect(readCallPanel(d)).toMatchObject({ active: true, number: '(202) 555-0143', name: '' });
  });

  it('is active with only an end-call or pickup button', () => {
    expect(readCallPanel(doc('<button gv-test-id="in-call-end-call"></button>'))).toMatchObject({ active: true, number: null });
    expect(readCallPanel(doc('<button aria-label="Answer call"></button>'))).toMatchObject({ active: true, incoming: true });
  });

  it('tells outgoing from an enabled mute button, and nothing from a disabled one', () => {
    const call = (mute: string) => doc(`<div class="active-call-wrapper">${mute}<button gv-test-id="in-call-end-call"></button></div>`);
    expect(readCallPanel(call('<gv-in-call-button gv-test-id="mute-button"><div class="button-wrapper"><button aria-disabled="false"></button></div></gv-in-call-button>')).incoming).toBe(false);
    expect(readCallPanel(call('<gv-in-call-button gv-test-id="mute-button"><div class="button-wrapper disabled"><button></button></div></gv-in-call-button>')).incoming).toBeNull();
    expect(readCallPanel(call('<button aria-label="Mute call" disabled></button>')).incoming).toBeNull();
    expect(readCallPanel(call('')).incoming).toBeNull();
  });

  it('reads the English status words only as a fallback', () => {
    const withStatus = (words: string) =>
      doc(`<div class="active-call-wrapper"><gv-in-call-status><div class="status"><span>${words}</span></div></gv-in-call-status></div>`);
    expect(readCallPanel(withStatus('Incoming call')).incoming).toBe(true);
    expect(readCallPanel(withStatus('Calling \u2026')).incoming).toBe(false);
    expect(readCallPanel(withStatus('Llamando\u2026'))).toMatchObject({ incoming: null, connected: false });
    expect(readCallPanel(withStatus(''))).toMatchObject({ incoming: null, connected: true });
  });

  it('is not connected while the pickup button shows, even with a quiet status', () => {
    const d = doc('<div class="active-call"><gv-in-call-status><div class="status"><span></span></div></gv-in-call-status><button gv-test-id="in-call-pickup-call"></button></div>');
    expect(readCallPanel(d)).toMatchObject({ connected: false, incoming: true });
  });
});

describe('readDialledNumber', () => {
  const idle = () => parseFixture('idle.html');

  it('reads nothing on an empty dialler', () => {
    expect(readDialledNumber(idle(), '')).toBeNull();
  });

  it('reads the typed number', () => {
    const d = idle();
    (d.querySelector('input#il1') as HTMLInputElement).value = ' +7 (495) 123-45-67 ';
    expect(readDialledNumber(d, '')).toBe('+7 (495) 123-45-67');
  });

  it("falls back to the call button's aria-label (dialpad clicks)", () => {
    const d = idle();
    d.querySelector('button[gv-test-id="new-call-button"]')?.setAttribute('aria-label', 'Call + 1 1 2 3');
    expect(readDialledNumber(d, '')).toBe('+1123');
    // A name in the input is not a number: the label still is.
    (d.querySelector('input#il1') as HTMLInputElement).value = 'Ivan';
    expect(readDialledNumber(d, '')).toBe('+1123');
  });

  it('finds the dial input by its placeholder when the id changed', () => {
    const d = doc('<input id="other" placeholder="Enter a name or number" value="202 555 0143">');
    expect(readDialledNumber(d, '')).toBe('202 555 0143');
  });

  it('reads a deep link only while GV asks to confirm it', () => {
    const d = idle();
    expect(readDialledNumber(d, '?a=nc,%2B15551234567')).toBeNull();
    d.body.insertAdjacentHTML('beforeend', '<div role="dialog"><button gv-test-id="dialog-confirm-button">Call</button></div>');
    expect(readDialledNumber(d, '?a=nc,%2B15551234567')).toBe('+15551234567');
    expect(readDialledNumber(d, '?a=other,%2B15551234567')).toBeNull();
  });
});

describe('readAccountRegion (issue 12.5: whose country the national numbers are)', () => {
  it("is the country of the page's call-progress tones (US in the capture), else US", () => {
    expect(readAccountRegion(parseFixture('connected.html'))).toBe('US');
    expect(readAccountRegion(doc('<audio gv-id="inbound_ring"></audio><audio gv-id="GB_outbound_ring"></audio>'))).toBe('GB');
    expect(readAccountRegion(doc('<audio gv-id="CA_busy_tone"></audio>'))).toBe('CA');
    // No tone (the idle page), or one without a country: Google Voice numbers are US numbers.
    expect(readAccountRegion(parseFixture('idle.html'))).toBe('US');
    expect(readAccountRegion(doc('<audio gv-id="in_call"></audio><audio gv-id="usa_outbound_ring"></audio>'))).toBe('US');
  });
});
