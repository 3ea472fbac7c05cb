import { urlAttributeSpans } from './remote-content';
import type { Client, Contact, Template } from './types';

// Offer templates: `{{ name }}` or `{{ name | default text }}` in the subject and the body.
// Pure (no DOM): it runs in the service worker. The body is sanitized with DOMPurify later,
// so here we only escape values and guarantee no `{{` survives into a sent mail.

export const TEMPLATE_VARIABLES: { name: string; description: string }[] = [
  { name: 'client.name', description: 'Client name as shown on the card' },
  { name: 'client.legal_name', description: 'Client legal name' },
  { name: 'client.price_type', description: 'Price type of the client (e.g. wholesale, dealer)' },
  { name: 'client.payment_terms', description: 'Payment terms from the contract' },
  { name: 'client.deferral_days', description: 'Payment deferral in days (number only)' },
  { name: 'client.discount', description: 'Contract discount in percent (number only; write the % sign yourself)' },
  { name: 'contact.name', description: 'Full name of the contact person' },
  { name: 'contact.first_name', description: 'First word of the contact name' },
  { name: 'contact.last_name', description: 'Last word of the contact name (when it has two words or more)' },
  { name: 'contact.position', description: 'Position of the contact person' },
  { name: 'manager.name', description: 'Your name from Options' },
  { name: 'manager.signature', description: 'Your signature from Options (inserted as HTML)' },
  { name: 'today', description: "Today's date, e.g. 27 November 2026" },
];

export interface TemplateContext {
  client: Client | null;
  contact: Contact | null;
  manager: { name: string; signatureHtml: string };
  today: Date;
  locale?: string;
  timeZone?: string;
}

/** Values the user typed for missing variables; they win over the context. */
export type TemplateValues = Record<string, string>;

export interface RenderedTemplate {
  subject: string;
  html: string;
  /** Variables with no value and no default, in order of first appearance (subject, then body). */
  missing: string[];
}

/** Signature is the user's own HTML: inserted unescaped, sanitized with the whole body later. */
const RAW_HTML_VARIABLES = new Set(['manager.signature']);

// Name: letters, digits, `_`, `.`, `-`. Default: any text up to `}}` that opens no new `{{`.
const VARIABLE_PATTERN = /\{\{\s*([\p{L}\p{N}_.-]+)\s*(?:\|((?:(?!\}\}|\{\{)[\s\S])*?))?\s*\}\}/gu;

interface VariableUse {
  name: string;
  /** Text after the pipe, trimmed; null when there is no pipe. `{{x|}}` has the default ''. */
  fallback: string | null;
}

function toUse(name: string | undefined, fallback: string | undefined): VariableUse {
  return { name: name ?? '', fallback: fallback === undefined ? null : fallback.trim() };
}

/** Distinct variable names used in `text`, in order of first appearance. */
export function variablesIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(VARIABLE_PATTERN)) names.add(toUse(match[1], match[2]).name);
  return [...names];
}

/** Variables written inside a link or image address: they are left out, never filled in. */
export function variablesInAddresses(html: string): string[] {
  const spans = urlAttributeSpans(html);
  const names = new Set<string>();
  for (const match of html.matchAll(VARIABLE_PATTERN)) {
    if (spans.some((span) => match.index >= span.start && match.index < span.end)) names.add(toUse(match[1], match[2]).name);
  }
  return [...names];
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function words(name: string): string[] {
  return name.trim().split(/\s+/).filter(Boolean);
}

function formatNumber(value: number | null, locale: string): string {
  return value === null ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function formatToday(date: Date, locale: string, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: timeZone || undefined }).format(date);
  } catch {
    // An unknown zone or locale from old settings must not block sending: fall back to defaults.
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(date);
  }
}

/** The context's value of a known variable; '' when it has none (or the name is unknown). */
function contextValue(name: string, context: TemplateContext): string {
  const { client, contact, manager } = context;
  const locale = context.locale ?? 'en-GB';
  const contactWords = words(contact?.name ?? '');
  switch (name) {
    case 'client.name': return client?.name ?? '';
    case 'client.legal_name': return client?.legalName ?? '';
    case 'client.price_type': return client?.priceType ?? '';
    case 'client.payment_terms': return client?.contract.paymentTerms ?? '';
    case 'client.deferral_days': return formatNumber(client?.contract.deferralDays ?? null, locale);
    case 'client.discount': return formatNumber(client?.contract.discountPct ?? null, locale);
    case 'contact.name': return contact?.name.trim() ?? '';
    case 'contact.first_name': return contactWords[0] ?? '';
    case 'contact.last_name': return contactWords.length >= 2 ? (contactWords[contactWords.length - 1] ?? '') : '';
    case 'contact.position': return contact?.position ?? '';
    case 'manager.name': return manager.name;
    case 'manager.signature': return manager.signatureHtml;
    case 'today': return formatToday(context.today, locale, context.timeZone);
    default: return '';
  }
}

function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

type Resolved = { value: string; source: 'given' | 'default' } | null;

function resolve(use: VariableUse, context: TemplateContext, values: TemplateValues): Resolved {
  // Own-property check: a value named "constructor" must not read Object.prototype.
  const typed = Object.hasOwn(values, use.name) ? values[use.name] : undefined;
  if (hasText(typed)) return { value: typed, source: 'given' };
  const fromContext = contextValue(use.name, context);
  if (hasText(fromContext)) return { value: fromContext, source: 'given' };
  if (use.fallback !== null) return { value: use.fallback, source: 'default' };
  return null;
}

function substitute(
  text: string,
  context: TemplateContext,
  values: TemplateValues,
  missing: Set<string>,
  encode: (value: string, use: VariableUse, resolved: NonNullable<Resolved>) => string,
  inAddress: (offset: number) => boolean = () => false,
): string {
  // One pass: a value containing `{{…}}` is never expanded again.
  return text.replace(VARIABLE_PATTERN, (_match: string, name: string, fallback: string | undefined, offset: number) => {
    // Never client data in a link or image address: it would reach that server (issue 12.10).
    if (inAddress(offset)) return '';
    const use = toUse(name, fallback);
    const resolved = resolve(use, context, values);
    if (!resolved) {
      missing.add(use.name);
      return '';
    }
    return encode(resolved.value, use, resolved);
  });
}

export function renderTemplate(
  template: Pick<Template, 'subject' | 'bodyHtml'>,
  context: TemplateContext,
  values: TemplateValues = {},
): RenderedTemplate {
  const missing = new Set<string>();

  const subject = substitute(template.subject, context, values, missing, (value) => value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    // Plain text cannot escape: stray braces (an unterminated `{{`) are dropped.
    .replace(/\{{2,}/g, '')
    .trim();

  const addresses = urlAttributeSpans(template.bodyHtml);
  const inAddress = (offset: number) => addresses.some((span) => offset >= span.start && offset < span.end);
  const html = substitute(
    template.bodyHtml,
    context,
    values,
    missing,
    (value, use, resolved) => (RAW_HTML_VARIABLES.has(use.name) && resolved.source === 'given' ? value : escapeHtml(value)),
    inAddress,
  )
    // Whatever is left (unterminated `{{`, braces in a value or signature) is shown, not parsed.
    .replace(/\{{2,}/g, (braces) => '&#123;'.repeat(braces.length));

  return { subject, html, missing: [...missing] };
}

function byNewest(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** Sidebar order: offers first, then most used, most recently used, then by name. Deleted ones are left out. */
export function templateUsageOrder<T extends Template>(templates: readonly T[]): T[] {
  return templates
    .filter((t) => t.deletedAt === null)
    .sort(
      (a, b) =>
        Number(b.countsAsOffer) - Number(a.countsAsOffer) ||
        b.useCount - a.useCount ||
        byNewest(a.lastUsedAt, b.lastUsedAt) ||
        a.name.localeCompare(b.name),
    );
}

/** Case-insensitive substring match on name, subject or kind; an empty query matches all. */
export function matchesTemplateSearch(template: Pick<Template, 'name' | 'subject' | 'kind'>, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [template.name, template.subject, template.kind].some((field) => field.toLocaleLowerCase().includes(needle));
}
