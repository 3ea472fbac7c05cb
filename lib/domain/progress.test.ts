import { describe, expect, it } from 'vitest';
import { badgeTitle, pace, progressItems } from './progress';
import { DEFAULT_QUOTAS } from './types';

describe('progress', () => {
  it('colours by pace: under half, under the quota, reached', () => {
    expect(pace(0, 50)).toBe('behind');
    expect(pace(24, 50)).toBe('behind');
    expect(pace(25, 50)).toBe('on-the-way');
    expect(pace(49, 50)).toBe('on-the-way');
    expect(pace(50, 50)).toBe('reached');
    expect(pace(61, 50)).toBe('reached');
    expect(pace(0, 0)).toBe('reached');
  });

  it('lists every counter against its quota in the tooltip', () => {
    const title = badgeTitle(progressItems({ emailOffers: 12, phoneOffers: 3, calls: 10, newContracts: 1 }, DEFAULT_QUOTAS));
    expect(title.split('\n')).toEqual([
      'ClientDesk',
      'E-mail offers today: 12 / 50',
      'Phone offers today: 3 / 20',
      'Calls today: 10 / 30',
      'New-client contracts this month: 1 / 4',
    ]);
  });
});
