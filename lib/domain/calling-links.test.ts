import { describe, expect, it } from 'vitest';
import { callingSettingsError, callUrl, customUrlError, dialsExtension, httpsOrigin, isBareHostname } from './calling-links';
import type { CallingSettings } from './types';

const moscow = { e164: '+74951234567', ext: null };
const withExt = { e164: '+74951234567', ext: '123' };
const calling = (patch: Partial<CallingSettings>): CallingSettings => ({ method: 'tel', threecxUrl: '', customUrl: '', ...patch });

describe('callUrl', () => {
  it('tel: the E.164 number, with the extension as RFC 3966 ;ext=', () => {
    expect(callUrl(moscow, calling({}))).toBe('tel:+74951234567');
    expect(callUrl(withExt, calling({}))).toBe('tel:+74951234567;ext=123');
  });

  it('Google Voice: the deep link that opens its call dialog, without the extension', () => {
    expect(callUrl(moscow, calling({ method: 'google-voice' }))).toBe('https://voice.google.com/u/0/calls?a=nc,%2B74951234567');
    expect(callUrl(withExt, calling({ method: 'google-voice' }))).toBe('https://voice.google.com/u/0/calls?a=nc,%2B74951234567');
  });

  it('3CX: the web client route on the PBX origin, whatever the user pasted', () => {
    const expected = 'https://pbx.example.com/webclient/#/call?phone=%2B74951234567';
    expect(callUrl(moscow, calling({ method: '3cx', threecxUrl: 'https://pbx.example.com' }))).toBe(expected);
    expect(callUrl(moscow, calling({ method: '3cx', threecxUrl: 'https://pbx.example.com/' }))).toBe(expected);
    expect(callUrl(withExt, calling({ method: '3cx', threecxUrl: ' https://pbx.example.com/webclient/#/people ' }))).toBe(expected);
    expect(callUrl(moscow, calling({ method: '3cx', threecxUrl: 'https://pbx.example.com:5001' }))).toBe('https://pbx.example.com:5001/webclient/#/call?phone=%2B74951234567');
  });

  it('custom: {number} URL-encoded, {digits} without +, {ext} when given', () => {
    expect(callUrl(moscow, calling({ method: 'custom', customUrl: 'https://phone.example.com/dial?to={number}' }))).toBe('https://phone.example.com/dial?to=%2B74951234567');
    expect(callUrl(moscow, calling({ method: 'custom', customUrl: 'sip:{digits}@pbx.example.com' }))).toBe('sip:74951234567@pbx.example.com');
    expect(callUrl(withExt, calling({ method: 'custom', customUrl: 'callto:{number}?ext={ext}' }))).toBe('callto:%2B74951234567?ext=123');
    expect(callUrl(moscow, calling({ method: 'custom', customUrl: 'callto:{number}?ext={ext}' }))).toBe('callto:%2B74951234567?ext=');
  });

  it('refuses settings that cannot place a call, naming the problem', () => {
    expect(() => callUrl(moscow, calling({ method: 'custom', customUrl: 'https://phone.example.com/dial' }))).toThrow('must contain {number}');
    expect(() => callUrl(moscow, calling({ method: 'custom' }))).toThrow('Enter the custom calling link');
    expect(() => callUrl(moscow, calling({ method: '3cx' }))).toThrow('Enter the address of your 3CX web client');
    expect(() => callUrl(moscow, calling({ method: '3cx', threecxUrl: 'http://pbx.example.com' }))).toThrow('is not an https address');
  });

  it('says which methods dial the extension themselves', () => {
    expect(dialsExtension('tel')).toBe(true);
    expect(dialsExtension('custom')).toBe(true);
    expect(dialsExtension('google-voice')).toBe(false);
    expect(dialsExtension('3cx')).toBe(false);
  });
});

describe('customUrlError', () => {
  it.each(['https://phone.example.com/dial?to={number}', 'http://10.0.0.5/call/{digits}', 'tel:{number}', 'SIP:{digits}@pbx', 'callto:{number}'])(
    'accepts %s',
    (url) => {
      expect(customUrlError(url)).toBeNull();
    },
  );

  it.each([
    ['https://phone.example.com/dial', 'must contain {number}'],
    ['javascript:alert({number})', 'must start with http://, https://'],
    ['data:text/html,{number}', 'must start with http://, https://'],
    ['{number}', 'must start with http://, https://'],
    ['phone.example.com/?n={number}', 'must start with http://, https://'],
    ['https://exa mple.com/{number}', 'is not a web address'],
    // Not a URL scheme (it starts with a digit): the browser would open it as a relative path.
    ['3cx://call/{digits}', 'must start with http://, https://'],
  ])('refuses %s', (url, error) => {
    expect(customUrlError(url)).toContain(error);
  });
});

describe('callingSettingsError', () => {
  it('accepts the defaults and complete settings', () => {
    expect(callingSettingsError(calling({}))).toBeNull();
    expect(callingSettingsError(calling({ method: 'google-voice' }))).toBeNull();
    expect(callingSettingsError(calling({ method: '3cx', threecxUrl: 'https://pbx.example.com' }))).toBeNull();
  });

  it('checks an address kept for another method too (it is saved, and used when the method changes)', () => {
    expect(callingSettingsError(calling({ threecxUrl: 'pbx.example.com' }))).toContain('is not an https address');
    expect(callingSettingsError(calling({ customUrl: 'https://x.example.com/' }))).toContain('must contain {number}');
  });
});

describe('httpsOrigin and isBareHostname', () => {
  it('reads the origin of an https address only', () => {
    expect(httpsOrigin('https://pbx.example.com/webclient/')).toBe('https://pbx.example.com');
    expect(httpsOrigin('http://pbx.example.com')).toBeNull();
    expect(httpsOrigin('pbx.example.com')).toBeNull();
  });

  it.each([
    ['pbx.example.com', true],
    ['PBX.Example.com', true],
    ['10.0.0.5', true],
    ['pbx', true],
    ['https://pbx.example.com', false],
    ['pbx.example.com:5001', false],
    ['pbx.example.com/webclient', false],
    ['*.example.com', false],
    ['-pbx.example.com', false],
    ['', false],
  ])('%s is a bare host name: %s', (host, expected) => {
    expect(isBareHostname(host)).toBe(expected);
  });
});
