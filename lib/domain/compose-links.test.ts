import { describe, expect, it } from 'vitest';
import { codePointText, composeUrl, htmlToText } from './compose-links';

describe('composeUrl', () => {
  const fields = { to: 'ivan.petrov@rosstal.ru', subject: 'Happy birthday, Ivan!', body: 'Dear Ivan,\nall the best & good health.' };
  it('opens a Gmail compose with the fields', () => {
    const url = new URL(composeUrl('gmail', fields));
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ view: 'cm', fs: '1', to: fields.to, su: fields.subject, body: fields.body });
  });
  it('opens an Outlook compose with the fields', () => {
    const url = new URL(composeUrl('outlook', fields));
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/mail/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({ to: fields.to, subject: fields.subject, body: fields.body });
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs and breaks, drops tags, decodes entities', () => {
    expect(htmlToText('<p>Dear Ivan,</p><p>Happy birthday!<br>All the best &amp; good&nbsp;health.</p><ul><li>one</li></ul>')).toBe(
      'Dear Ivan,\nHappy birthday!\nAll the best & good health.\n• one',
    );
    expect(htmlToText('Tom &lt;3 &#1071; &#x44F;')).toBe('Tom <3 Я я');
  });
});

describe('numeric character references out of range (issue 12.14b)', () => {
  it('decode to U+FFFD as browsers do, instead of throwing', () => {
    expect(htmlToText('a&#x110000;b &#99999999; &#0; &#xD800; &#x0000000041; &#1071;')).toBe('a\uFFFDb \uFFFD \uFFFD \uFFFD A Я');
    expect(htmlToText(`&#${'9'.repeat(400)};`)).toBe('\uFFFD');
    expect(codePointText(0x10ffff)).toBe(String.fromCodePoint(0x10ffff));
    expect(codePointText(Number.NaN)).toBe('\uFFFD');
  });
});
