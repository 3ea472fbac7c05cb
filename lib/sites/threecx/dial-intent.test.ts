// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanPhone, intentContext, isDialInput, nextIntent, phoneFromHash, phoneFromHref, type DialIntent } from './dial-intent';

describe('3CX dial fallbacks: parsing', () => {
  it('reads the click-to-call route, an encoded + kept, a literal + not turned into a space', () => {
    expect(phoneFromHash('#/call?phone=%2B74951234567')).toBe('+74951234567');
    expect(phoneFromHash('#/call?phone=+74951234567')).toBe('+74951234567');
    expect(phoneFromHash('#/call?foo=1&phone=8%20(495)%20123-45-67')).toBe('8 (495) 123-45-67');
    expect(phoneFromHash('#/dialer?number=205')).toBe('205');
    expect(phoneFromHash('#/call?dest=205')).toBe('205');
    expect(phoneFromHash('#/people?phone=205')).toBeNull();
    expect(phoneFromHash('#/call?phone=Ivan')).toBeNull();
    expect(phoneFromHash('#/call?phone=%E0%A4%A')).toBeNull();
    expect(phoneFromHash('')).toBeNull();
  });

  it('says what looks like a phone number: 3 to 15 digits with the usual separators', () => {
    expect(cleanPhone(' \u202A+7 (495)  123-45-67\u202C ')).toBe('+7 (495) 123-45-67');
    expect(cleanPhone('205')).toBe('205');
    expect(cleanPhone('20')).toBeNull();
    expect(cleanPhone('1234567890123456')).toBeNull();
    expect(cleanPhone('Ivan 205')).toBeNull();
    expect(cleanPhone('*77#')).toBeNull();
    expect(cleanPhone('')).toBeNull();
  });

  it('reads calling links', () => {
    expect(phoneFromHref('tel:+74951234567')).toBe('+74951234567');
    expect(phoneFromHref('tel:+7-495-123-45-67;ext=12')).toBe('+7-495-123-45-67');
    expect(phoneFromHref('callto://+74951234567')).toBe('+74951234567');
    expect(phoneFromHref('sip:205@pbx.example.com')).toBe('205');
    expect(phoneFromHref('sip:ivan@pbx.example.com')).toBeNull();
    expect(phoneFromHref('3cx://call/%2B74951234567')).toBe('+74951234567');
    expect(phoneFromHref('https://pbx.example.com/webclient/#/call?phone=%2B74951234567')).toBe('+74951234567');
    expect(phoneFromHref('#/call?phone=205')).toBe('205');
    expect(phoneFromHref('https://example.com/tel:123')).toBeNull();
    expect(phoneFromHref('mailto:ivan@example.com')).toBeNull();
  });

  it('recognizes a dial field by its aria-label, placeholder or name', () => {
    const input = (attrs: string) => {
      document.body.innerHTML = `<input ${attrs}>`;
      return document.body.firstElementChild!;
    };
    expect(isDialInput(input('aria-label="Enter name or number"'))).toBe(true);
    expect(isDialInput(input('placeholder="Phone"'))).toBe(true);
    expect(isDialInput(input('name="dialString" type="tel"'))).toBe(true);
    expect(isDialInput(input('placeholder="Введите номер"'))).toBe(true);
    expect(isDialInput(input('placeholder="Search"'))).toBe(false);
    expect(isDialInput(input('type="password" name="phone"'))).toBe(false);
    document.body.innerHTML = '<textarea aria-label="number"></textarea>';
    expect(isDialInput(document.body.firstElementChild!)).toBe(false);
  });
});

describe('3CX dial fallbacks: intents', () => {
  let n = 0;
  const newId = () => `dial-${++n}`;

  it('one number dialled several ways stays one intent; a different number is a new one', () => {
    const typed = nextIntent(null, '+7 495 123', 'typed', 1000, { newId });
    expect(typed).toEqual({ id: 'dial-1', phone: '+7 495 123', source: 'typed', startedAt: 1000 });
    const same = nextIntent(typed, '+7495123', 'makeCall', 2000, { newId });
    expect(same).toMatchObject({ id: 'dial-1', phone: '+7495123', startedAt: 1000 });
    expect(nextIntent(same, '205', 'link', 3000, { newId })).toMatchObject({ id: 'dial-2', phone: '205', source: 'link', startedAt: 3000 });
  });

  it('typing that goes on edits the intent; typing after the field was emptied starts another', () => {
    const first = nextIntent(null, '+7 49', 'typed', 1000, { newId: () => 'a' });
    expect(nextIntent(first, '+7 495 1', 'typed', 1300, { continuesTyping: true, newId: () => 'b' })).toMatchObject({ id: 'a', phone: '+7 495 1' });
    expect(nextIntent(first, '+7 812', 'typed', 1300, { continuesTyping: false, newId: () => 'b' })).toMatchObject({ id: 'b', phone: '+7 812' });
    // A route or link is never an edit of typing.
    expect(nextIntent(first, '+7 812', 'route', 1300, { continuesTyping: true, newId: () => 'c' })).toMatchObject({ id: 'c' });
  });

  it('shows as an outgoing call being dialled', () => {
    const intent: DialIntent = { id: 'dial-x', phone: '205', source: 'route', startedAt: 5 };
    expect(intentContext(intent)).toEqual({
      kind: 'call',
      id: 'dial-x',
      subject: '',
      correspondents: [{ email: null, name: '', role: 'to', phone: '205' }],
      call: { direction: 'out', state: 'dialing', startedAt: 5, connectedAt: null, endedAt: null, durationSec: null },
    });
  });
});
