import type { Template, TemplateKind } from './types';

// Templates a new user starts with. Every variable has a default, so each renders with an empty
// context and never blocks a send. Inline styles only: mail clients strip <style> blocks.

const TEXT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222';
const CELL = 'border:1px solid #cccccc;padding:6px 12px;text-align:left;vertical-align:top';
const LABEL = `${CELL};background-color:#f5f5f5;font-weight:bold`;

const SIGN_OFF = [
  '<p style="margin:16px 0 0">Best regards,<br>{{manager.name|your manager}}</p>',
  '<div style="margin-top:8px">{{manager.signature|}}</div>',
].join('\n');

function termsRow(label: string, value: string): string {
  return `<tr><td style="${LABEL}">${label}</td><td style="${CELL}">${value}</td></tr>`;
}

const OFFER_BODY = `<div style="${TEXT}">
<p style="margin:0 0 12px">Dear {{contact.first_name|colleague}},</p>
<p style="margin:0 0 12px">Thank you for your interest in working with us. We would be glad to supply {{client.name|your company}} with our full range from stock, on the following terms:</p>
<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px">
<tbody>
${termsRow('Price type', '{{client.price_type|standard}}')}
${termsRow('Payment terms', '{{client.payment_terms|by agreement}}')}
${termsRow('Delivery', 'from our warehouse or to your address by a carrier of your choice')}
</tbody>
</table>
<p style="margin:0 0 12px">I will send you the current price list for your range and prepare a quote for your volumes on request. Just reply to this e-mail or call me at a convenient time.</p>
${SIGN_OFF}
</div>`;

const FOLLOW_UP_BODY = `<div style="${TEXT}">
<p style="margin:0 0 12px">Dear {{contact.first_name|colleague}},</p>
<p style="margin:0 0 12px">Thank you for taking the time to talk today. As agreed, here is a short summary of the terms we discussed for {{client.name|your company}}:</p>
<ul style="margin:0 0 12px;padding-left:20px">
<li>price type: {{client.price_type|standard}};</li>
<li>payment terms: {{client.payment_terms|by agreement}}.</li>
</ul>
<p style="margin:0 0 12px">If anything needs to be clarified, or you would like a quote for specific items, please let me know and I will get back to you the same day.</p>
${SIGN_OFF}
</div>`;

const GREETING_BODY = `<div style="${TEXT}">
<p style="margin:0 0 12px">Dear {{contact.first_name|colleague}},</p>
<p style="margin:0 0 12px">On behalf of our whole team, happy birthday! We wish you good health, success in everything you do and plenty of reasons to smile.</p>
<p style="margin:0 0 12px">Thank you for the pleasure of working with you — we value our partnership with {{client.name|your company}} very much.</p>
${SIGN_OFF}
</div>`;

interface Seed {
  name: string;
  subject: string;
  bodyHtml: string;
  kind: TemplateKind;
  countsAsOffer: boolean;
}

const SEEDS: readonly Seed[] = [
  { name: 'Commercial offer', subject: 'Commercial offer for {{client.name|your company}}', bodyHtml: OFFER_BODY, kind: 'offer', countsAsOffer: true },
  { name: 'Follow-up after a call', subject: 'Following up on our call: terms for {{client.name|your company}}', bodyHtml: FOLLOW_UP_BODY, kind: 'follow-up', countsAsOffer: false },
  { name: 'Birthday greeting', subject: 'Happy birthday, {{contact.first_name|colleague}}!', bodyHtml: GREETING_BODY, kind: 'greeting', countsAsOffer: false },
];

/** The three starter templates, as complete new records owned by `ownerId`. */
export function defaultTemplates(ownerId: string, now = new Date()): Template[] {
  const at = now.toISOString();
  return SEEDS.map((seed) => ({
    id: crypto.randomUUID(),
    ownerId,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...seed,
    useCount: 0,
    lastUsedAt: null,
  }));
}
