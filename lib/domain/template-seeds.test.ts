import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './template-seeds';
import { renderTemplate, type TemplateContext } from './templates';
import type { Client, Contact } from './types';

const NOW = new Date('2026-11-27T09:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const emptyContext: TemplateContext = { client: null, contact: null, manager: { name: '', signatureHtml: '' }, today: NOW };

const record = { id: 'r1', ownerId: 'm1', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deletedAt: null };
const client: Client = {
  ...record, name: 'Acme', legalName: 'Acme LLC', taxId: '', status: 'active', domains: [], emails: [], phones: [],
  phoneE164s: [], industry: '', source: '', priceType: 'Dealer',
  contract: { paymentTerms: '14 days deferral', deferralDays: 14, discountPct: null, creditLimit: null },
  receivables: { amount: null, overdueAmount: null, dueDate: null }, reliabilityRating: null, reliabilityNote: '',
  needs: '', tags: [], notes: '', holidayDate: null, lastContactAt: null, nextContactAt: null,
};
const contact: Contact = {
  ...record, clientId: 'r1', name: 'Ivan Petrov', position: 'Buyer', emails: [], phones: [], phoneE164s: [],
  birthday: null, decisionMaker: true,
};
const fullContext: TemplateContext = {
  client, contact, manager: { name: 'Anna Smirnova', signatureHtml: '<i>Anna, sales</i>' }, today: NOW,
};

describe('defaultTemplates', () => {
  it('creates three complete, alive records owned by the user', () => {
    const seeds = defaultTemplates('owner-1', NOW);
    expect(seeds.map((t) => [t.name, t.kind, t.countsAsOffer])).toEqual([
      ['Commercial offer', 'offer', true],
      ['Follow-up after a call', 'follow-up', false],
      ['Birthday greeting', 'greeting', false],
    ]);
    for (const t of seeds) {
      expect(t.id).toMatch(UUID);
      expect(t).toMatchObject({
        ownerId: 'owner-1', createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T09:00:00.000Z',
        deletedAt: null, useCount: 0, lastUsedAt: null,
      });
    }
    expect(new Set(seeds.map((t) => t.id)).size).toBe(3);
    expect(defaultTemplates('owner-1', NOW)[0]?.id).not.toBe(seeds[0]?.id);
  });

  it('uses inline styles only, and no <style> block', () => {
    for (const t of defaultTemplates('o', NOW)) {
      expect(t.bodyHtml).not.toMatch(/<style|class=/i);
      expect(t.bodyHtml).toMatch(/^<div style="font-family:/);
    }
  });

  it('renders every seed with an empty context: no missing variable, no {{', () => {
    const rendered = defaultTemplates('o', NOW).map((t) => renderTemplate(t, emptyContext));
    expect(rendered.map((r) => r.subject)).toEqual([
      'Commercial offer for your company',
      'Following up on our call: terms for your company',
      'Happy birthday, colleague!',
    ]);
    for (const r of rendered) {
      expect(r.missing).toEqual([]);
      expect(r.subject + r.html).not.toContain('{{');
      expect(r.html).toContain('<p style="margin:0 0 12px">Dear colleague,</p>');
      expect(r.html).toContain('Best regards,<br>your manager</p>\n<div style="margin-top:8px"></div>');
    }
    expect(rendered[0]?.html).toContain('>Price type</td><td style="border:1px solid #cccccc;padding:6px 12px;text-align:left;vertical-align:top">standard</td>');
    expect(rendered[0]?.html).toContain('>by agreement</td>');
  });

  it('names the contact and the client terms with a full context', () => {
    const [offer, followUp, greeting] = defaultTemplates('o', NOW).map((t) => renderTemplate(t, fullContext));
    expect(offer?.subject).toBe('Commercial offer for Acme');
    expect(offer?.missing).toEqual([]);
    expect(offer?.html).toContain('Dear Ivan,</p>');
    expect(offer?.html).toContain('supply Acme with our full range');
    expect(offer?.html).toContain('>Dealer</td>');
    expect(offer?.html).toContain('>14 days deferral</td>');
    expect(offer?.html).toContain('Best regards,<br>Anna Smirnova</p>\n<div style="margin-top:8px"><i>Anna, sales</i></div>');
    expect(followUp?.html).toContain('<li>price type: Dealer;</li>');
    expect(greeting?.subject).toBe('Happy birthday, Ivan!');
  });
});
