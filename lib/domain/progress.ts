import type { Quotas } from './types';

// Today's progress against the job's quotas (DESIGN.md table), for the badge, its tooltip and the popup.

export interface Counts {
  emailOffers: number;
  phoneOffers: number;
  calls: number;
  /** This calendar month. */
  newContracts: number;
}

export interface ProgressItem {
  key: keyof Counts;
  label: string;
  done: number;
  quota: number;
  period: 'today' | 'this month';
}

export function progressItems(counts: Counts, quotas: Quotas): ProgressItem[] {
  return [
    { key: 'emailOffers', label: 'E-mail offers', done: counts.emailOffers, quota: quotas.emailOffersPerDay, period: 'today' },
    { key: 'phoneOffers', label: 'Phone offers', done: counts.phoneOffers, quota: quotas.phoneOffersPerDay, period: 'today' },
    { key: 'calls', label: 'Calls', done: counts.calls, quota: quotas.callsPerDay, period: 'today' },
    { key: 'newContracts', label: 'New-client contracts', done: counts.newContracts, quota: quotas.newContractsPerMonth, period: 'this month' },
  ];
}

export type Pace = 'behind' | 'on-the-way' | 'reached';

/** Under half the quota, under the quota, or reached (a quota of 0 counts as reached). */
export function pace(done: number, quota: number): Pace {
  if (done >= quota) return 'reached';
  return done * 2 < quota ? 'behind' : 'on-the-way';
}

export const PACE_COLORS: Record<Pace, string> = { behind: '#d93025', 'on-the-way': '#e37400', reached: '#188038' };

/** The toolbar tooltip: every counter against its quota. */
export function badgeTitle(items: readonly ProgressItem[]): string {
  return ['ClientDesk', ...items.map((i) => `${i.label} ${i.period}: ${i.done} / ${i.quota}`)].join('\n');
}
