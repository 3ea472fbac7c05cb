import { describe, expect, it } from 'vitest';
import { sendTargets } from './offer-count';
import { planOffers, UNUSUAL_SEND_ORGANISATIONS } from './unusual-send';

/** A send to `n` organisations: companies by their own domains. */
const toCompanies = (n: number) =>
  sendTargets(
    Array.from({ length: n }, (_, i) => ({ email: `buyer@zavod-${i + 1}.ru`, clientId: null, contactId: null })),
    ['acme-supply.com'],
  );

describe('planOffers: a send to an unusual number of organisations waits for the user', () => {
  it('counts an ordinary offer at once, one per organisation', () => {
    const targets = toCompanies(3);
    expect(planOffers(targets, true, 'per-organisation')).toEqual({ countedKeys: ['domain:zavod-1.ru', 'domain:zavod-2.ru', 'domain:zavod-3.ru'], held: [] });
  });

  it('counts up to the limit at once, and holds every offer of a send above it (never half counted)', () => {
    expect(UNUSUAL_SEND_ORGANISATIONS).toBe(10);
    expect(planOffers(toCompanies(10), true, 'per-organisation').countedKeys).toHaveLength(10);
    const plan = planOffers(toCompanies(25), true, 'per-organisation');
    expect(plan.countedKeys).toEqual([]);
    expect(plan.held.map((t) => t.key)).toEqual(toCompanies(25).map((t) => t.key));
  });

  it('holds nothing when the mail is not an offer: it is only an e-mail on the timeline', () => {
    expect(planOffers(toCompanies(25), false, 'per-organisation')).toEqual({ countedKeys: [], held: [] });
  });

  it('counts one offer per message under that setting, whatever the number of recipients', () => {
    const plan = planOffers(toCompanies(25), true, 'per-message');
    expect(plan).toEqual({ countedKeys: ['domain:zavod-1.ru'], held: [] });
  });

  it('takes another limit when given one', () => {
    expect(planOffers(toCompanies(3), true, 'per-organisation', 2).held).toHaveLength(3);
  });
});
