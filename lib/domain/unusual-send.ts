import { offerTargets, type CountingRule, type SendTarget } from './offer-count';

// DESIGN.md "What counts, and what must never count": one send that would count an unusual number
// of organisations is not counted silently (issue 12.4: 25 offers from one forged send). Its mail
// goes on the timeline as usual, but its offers wait, stored, for the user to count them or not.

/**
 * The most offers one send counts without asking. A commercial offer is written to one client,
 * perhaps with a few colleagues or partner companies in copy; a mail to more than 10 organisations
 * is a mailing, not 10 offers, and against the default quota of 50 a day it would be a fifth of the
 * day's plan in one click. 10 leaves every ordinary offer mail alone and catches the rest.
 */
export const UNUSUAL_SEND_ORGANISATIONS = 10;

export interface OfferPlan {
  /** Target keys recorded as `email_offer` now. */
  countedKeys: string[];
  /** Targets whose offers wait for the user's confirmation (recorded as `email` meanwhile). */
  held: SendTarget[];
}

/**
 * Which of a send's organisations count as offers now, and which wait for the user: all or
 * nothing, so that one send is never half counted.
 */
export function planOffers(targets: readonly SendTarget[], isOffer: boolean, rule: CountingRule, limit = UNUSUAL_SEND_ORGANISATIONS): OfferPlan {
  if (!isOffer) return { countedKeys: [], held: [] };
  const offers = offerTargets(targets, rule);
  if (offers.length > limit) return { countedKeys: [], held: offers };
  return { countedKeys: offers.map((t) => t.key), held: [] };
}
