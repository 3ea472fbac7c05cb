import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_VARIABLES,
  matchesTemplateSearch,
  renderTemplate,
  templateUsageOrder,
  variablesIn,
  variablesInAddresses,
  type TemplateContext,
} from './templates';
import type { Client, Contact, Template } from './types';

const record = { id: 'r1', ownerId: 'm1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null };

function client(overrides: Partial<Client> = {}): Client {
  return {
    ...record, name: 'Acme', legalName: 'Acme Trading LLC', taxId: '', status: 'active', domains: [], emails: [],
    phones: [], phoneE164s: [], industry: '', source: '', priceType: 'Wholesale',
    contract: { paymentTerms: 'Prepayment', deferralDays: 30, discountPct: 2.5, creditLimit: null },
    receivables: { amount: null, overdueAmount: null, dueDate: null },
    reliabilityRating: null, reliabilityNote: '', needs: '', tags: [], notes: '', holidayDate: null,
    lastContactAt: null, nextContactAt: null, ...overrides,
  };
}

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    ...record, clientId: 'r1', name: 'Petrov Ivan Sergeevich', position: 'Buyer', emails: [], phones: [],
    phoneE164s: [], birthday: null, decisionMaker: true, ...overrides,
  };
}

function context(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    client: client(),
    contact: contact(),
    manager: { name: 'Anna Smirnova', signatureHtml: '<b>Anna</b><br>+7 900 000-00-00' },
    today: new Date('2026-11-27T23:30:00Z'),
    timeZone: 'UTC',
    ...overrides,
  };
}

const empty: TemplateContext = { client: null, contact: null, manager: { name: '', signatureHtml: '' }, today: new Date('2026-11-27T12:00:00Z') };

const render = (bodyHtml: string, ctx: TemplateContext = context(), subject = '') => renderTemplate({ subject, bodyHtml }, ctx);

describe('renderTemplate values', () => {
  it('fills every known variable from the context', () => {
    const body = TEMPLATE_VARIABLES.map((v) => `${v.name}=[{{${v.name}}}]`).join('\n');
    expect(render(body)).toEqual({
      subject: '',
      missing: [],
      html: [
        'client.name=[Acme]', 'client.legal_name=[Acme Trading LLC]', 'client.price_type=[Wholesale]',
        'client.payment_terms=[Prepayment]', 'client.deferral_days=[30]', 'client.discount=[2.5]',
        'contact.name=[Petrov Ivan Sergeevich]', 'contact.first_name=[Petrov]', 'contact.last_name=[Sergeevich]',
        'contact.position=[Buyer]', 'manager.name=[Anna Smirnova]', 'manager.signature=[<b>Anna</b><br>+7 900 000-00-00]',
        'today=[27 November 2026]',
      ].join('\n'),
    });
  });

  it('tolerates whitespace around the name and the pipe, and keeps punctuation in defaults', () => {
    const ctx = context({ contact: null });
    expect(render('{{  contact.first_name  }}|{{ contact.first_name | dear colleague, hi! }}|{{client.name|x}}', ctx).html)
      .toBe('|dear colleague, hi!|Acme');
    expect(render('Hi {{contact.first_name|colleague}}', ctx).missing).toEqual([]);
  });

  it('splits the contact name into first and last words', () => {
    expect(render('{{contact.first_name}}/{{contact.last_name}}', context({ contact: contact({ name: '  Ivan   Petrov ' }) })).html)
      .toBe('Ivan/Petrov');
    const single = render('{{contact.first_name}}/{{contact.last_name|-}}', context({ contact: contact({ name: 'Ivan' }) }));
    expect(single).toEqual({ subject: '', html: 'Ivan/-', missing: [] });
  });

  it('treats an empty context value as no value, so the default applies', () => {
    const ctx = context({ client: client({ priceType: '', contract: { paymentTerms: ' ', deferralDays: null, discountPct: null, creditLimit: null } }) });
    expect(render('{{client.price_type|standard}}; {{client.payment_terms|by agreement}}; {{client.discount|0}}', ctx).html)
      .toBe('standard; by agreement; 0');
  });

  it('lets user values win over the context and fill unknown names', () => {
    const result = renderTemplate({ subject: '{{client.name}}', bodyHtml: '{{client.name}} {{client.nmae}}' }, context(), {
      'client.name': 'Acme & Sons',
      'client.nmae': 'typo filled',
    });
    expect(result).toEqual({ subject: 'Acme & Sons', html: 'Acme &amp; Sons typo filled', missing: [] });
  });

  it('formats today in the locale and time zone', () => {
    const today = new Date('2026-11-27T23:30:00Z');
    expect(render('{{today}}', context({ today, timeZone: 'Asia/Vladivostok' })).html).toBe('28 November 2026');
    expect(render('{{today}}', context({ today, timeZone: 'Pacific/Honolulu', locale: 'ru-RU' })).html).toBe('27 ноября 2026 г.');
    expect(render('{{client.discount}}', context({ locale: 'ru-RU' })).html).toBe('2,5');
  });
});

describe('renderTemplate escaping', () => {
  it('escapes values and defaults in the body but inserts the signature as HTML', () => {
    const ctx = context({ client: client({ name: `<img src=x onerror="alert('1')"> & Co` }), contact: null });
    expect(render('<p>{{client.name}}</p><p>{{contact.name|"A" & <B>}}</p>{{manager.signature}}', ctx).html).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; Co</p><p>&quot;A&quot; &amp; &lt;B&gt;</p><b>Anna</b><br>+7 900 000-00-00',
    );
  });

  it('leaves the subject unescaped and collapses its line breaks', () => {
    const ctx = context({ client: client({ name: 'R&D <Lab>\r\n  North' }) });
    expect(render('', ctx, '  Offer for {{client.name}}\nfrom {{manager.name}} ').subject).toBe('Offer for R&D <Lab> North from Anna Smirnova');
  });

  it('does not expand a value that itself looks like a variable', () => {
    const ctx = context({ client: client({ name: '{{manager.name}}' }) });
    const result = render('{{client.name}}', ctx, '{{client.name}}');
    expect(result.html).toBe('&#123;&#123;manager.name}}');
    expect(result.subject).toBe('manager.name}}');
  });
});

describe('renderTemplate missing and stray braces', () => {
  it('lists missing and unknown names once, subject first, and renders them empty', () => {
    const result = renderTemplate(
      { subject: 'Offer {{client.nmae}} {{contact.name}}', bodyHtml: '<p>{{ contact.name }}, {{client.nmae}} {{client.legal_name}} {{x|ok}}</p>' },
      empty,
    );
    expect(result).toEqual({ subject: 'Offer', html: '<p>,   ok</p>', missing: ['client.nmae', 'contact.name', 'client.legal_name'] });
  });

  it('counts an explicit empty default as a value', () => {
    expect(render('[{{manager.signature|}}]', empty)).toEqual({ subject: '', html: '[]', missing: [] });
  });

  it('never outputs {{, even for unterminated or malformed variables', () => {
    const result = render('<p>Hi {{contact.name</p><p>{{ }} {{{client.name}}} {{a|b {{client.name}}</p>', context(), 'Re {{client.name {{}} x');
    expect(result.html).toBe('<p>Hi &#123;&#123;contact.name</p><p>&#123;&#123; }} {Acme} &#123;&#123;a|b Acme</p>');
    expect(result.subject).toBe('Re client.name }} x');
    expect(result.missing).toEqual([]);
    expect(result.html + result.subject).not.toContain('{{');
  });

  it('escapes braces arriving through the signature', () => {
    const ctx = context({ manager: { name: 'A', signatureHtml: '<i>{{{x}}</i>' } });
    expect(render('{{manager.signature}}', ctx).html).toBe('<i>&#123;&#123;&#123;x}}</i>');
  });
});

describe('variablesIn', () => {
  it('lists distinct names in order of appearance, ignoring malformed ones', () => {
    expect(variablesIn('{{ b }} {{a|x}} {{b|y}} {{ }} {{c')).toEqual(['b', 'a']);
  });
});

function template(name: string, overrides: Partial<Template> = {}): Template {
  return {
    ...record, id: name, name, subject: '', bodyHtml: '', kind: 'other', countsAsOffer: false, useCount: 0, lastUsedAt: null,
    ...overrides,
  };
}

describe('templateUsageOrder', () => {
  it('puts offers first, then by use count, last use and name, without deleted ones', () => {
    const input = [
      template('Zeta'),
      template('Alpha'),
      template('Used old', { useCount: 5, lastUsedAt: '2026-01-01T00:00:00Z' }),
      template('Used new', { useCount: 5, lastUsedAt: '2026-02-01T00:00:00Z' }),
      template('Offer rare', { countsAsOffer: true, useCount: 1 }),
      template('Offer often', { countsAsOffer: true, useCount: 9 }),
      template('Deleted offer', { countsAsOffer: true, useCount: 99, deletedAt: '2026-03-01T00:00:00Z' }),
      template('Used never', { useCount: 5 }),
    ];
    expect(templateUsageOrder(input).map((t) => t.name)).toEqual([
      'Offer often', 'Offer rare', 'Used new', 'Used old', 'Used never', 'Alpha', 'Zeta',
    ]);
    expect(input[0]?.name).toBe('Zeta');
  });
});

describe('matchesTemplateSearch', () => {
  const offer = template('Price list', { subject: 'Commercial OFFER for you', kind: 'follow-up' });
  it('matches name, subject or kind, case-insensitively', () => {
    expect(matchesTemplateSearch(offer, 'PRICE')).toBe(true);
    expect(matchesTemplateSearch(offer, ' offer ')).toBe(true);
    expect(matchesTemplateSearch(offer, 'Follow')).toBe(true);
    expect(matchesTemplateSearch(offer, 'birthday')).toBe(false);
    expect(matchesTemplateSearch(offer, '')).toBe(true);
  });
});

// Issue 12.10: client data never goes into an address: a link scanner or a click sends it to that server.
describe('variables inside link and image addresses', () => {
  it('are left out of href and src (not filled in, not asked for); the same variable in the text is filled in', () => {
    const out = render('<a href="https://shop.example/{{client.name}}?p={{client.price_type}}" title="{{client.name}}">{{client.name}}</a><img src="data:image/png;base64,AA=={{contact.position}}">', context({ contact: null }));
    expect(out.html).toBe('<a href="https://shop.example/?p=" title="Acme">Acme</a><img src="data:image/png;base64,AA==">');
    expect(out.missing).toEqual([]);
  });

  it('are listed for the editor', () => {
    expect(variablesInAddresses('<a href="https://shop.example/{{client.name}}">{{contact.name}}</a><form action="https://x.example/{{ today }}"></form>')).toEqual(['client.name', 'today']);
    expect(variablesInAddresses('<p>{{client.name}}</p>')).toEqual([]);
  });
});
