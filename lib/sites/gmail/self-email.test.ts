// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtures.testutil';
import { readSelfEmail } from './self-email';

function docWith(title: string, body = ''): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  doc.body.innerHTML = body;
  return doc;
}

describe('readSelfEmail', () => {
  it('reads the account from the title in English and Spanish', () => {
    expect(readSelfEmail(parseFixture('thread-known.html'))).toBe('alice@acme-supply.com');
    expect(readSelfEmail(parseFixture('thread-es.html'))).toBe('alice@acme-supply.com');
  });

  it('takes the last address when the subject in the title holds another one', () => {
    expect(readSelfEmail(docWith('Re: order from Bob@Client.com - Alice@Acme-Supply.com - Gmail'))).toBe(
      'alice@acme-supply.com',
    );
  });

  it('ignores bidi marks around the address (right-to-left UIs)', () => {
    expect(readSelfEmail(docWith('\u202bדואר נכנס\u202c - \u202aalice@acme-supply.com\u202c - Gmail'))).toBe(
      'alice@acme-supply.com',
    );
  });

  it('falls back to the account button label, in any wording', () => {
    const link =
      '<a href="https://accounts.google.com/SignOutOptions?hl=de" aria-label="Google-Konto: Alice Manager (alice@acme-supply.com)"></a>';
    expect(readSelfEmail(docWith('Gmail', link))).toBe('alice@acme-supply.com');
  });

  it('returns null when the page shows no address', () => {
    expect(readSelfEmail(docWith('Gmail'))).toBeNull();
    expect(readSelfEmail(docWith('Gmail', '<a href="https://accounts.google.com/SignOutOptions" aria-label="Account"></a>'))).toBeNull();
  });
});
