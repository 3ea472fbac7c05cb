import freeMailDomains from 'email-providers/all.json';

// Free-mail providers from the maintained `email-providers` list (8,700+ domains, incl. mail.ru,
// yandex.ru, gmail.com). Never a company domain: DESIGN.md "Matching an e-mail address".
const FREE_MAIL = new Set<string>(freeMailDomains);


/** Lower-cased domain of a company website or address: "https://www.Rosstal.ru/x" → "rosstal.ru". */
export function normalizeDomain(raw: string): string | null {
  const domain = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^.*@/, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
  return /^[a-z0-9\u00a0-\uffff-]+(\.[a-z0-9\u00a0-\uffff-]+)+$/.test(domain) ? domain : null;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain);
}

/** The domain and its parents down to two labels: "msk.rosstal.ru" → ["msk.rosstal.ru", "rosstal.ru"]. */
export function domainWithParents(domain: string): string[] {
  const labels = domain.split('.');
  const result: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) result.push(labels.slice(i).join('.'));
  return result;
}

/** True for the user's own company domains and their sub-domains. */
export function isOwnDomain(domain: string, ownDomains: readonly string[]): boolean {
  return domainWithParents(domain).some((d) => ownDomains.includes(d));
}

/**
 * The domains under which a client may be found for this address, best first;
 * empty for free-mail and own-company addresses (those are matched by exact address only).
 */
export function matchableDomains(email: string, ownDomains: readonly string[]): string[] {
  const domain = emailDomain(email);
  if (isFreeMailDomain(domain) || isOwnDomain(domain, ownDomains)) return [];
  return domainWithParents(domain).filter((d) => !isFreeMailDomain(d));
}

/** "maria.garcia@nordfrost.de" → "Maria Garcia": a name guess when the site shows none. */
export function nameFromAddress(email: string): string {
  const local = email.slice(0, email.indexOf('@')).replace(/[._-]+/g, ' ').replace(/\d+/g, '').trim();
  return local.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** "nordfrost.de" → "Nordfrost": a company name guess for a new card. */
export function companyFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
