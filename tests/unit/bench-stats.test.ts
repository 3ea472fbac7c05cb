import { describe, expect, it } from 'vitest';
import { msUnder } from '../bench/mutation-cost';
import { addedFraction, trimmedMean } from '../bench/stats';

// The bench's estimators: wrong arithmetic here would print a wrong figure for issue 3's target.

describe('bench statistics', () => {
  it('trims the tails before averaging', () => {
    expect(trimmedMean([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000])).toBe(5.5);
    expect(trimmedMean([10, 20, 30])).toBe(20);
  });

  it('gives the added fraction and an interval around it', () => {
    const without = Array.from({ length: 100 }, (_, i) => 100 + (i % 10));
    const withExt = without.map((v) => v * 1.1);
    const { added, low, high } = addedFraction(withExt, without);
    expect(added).toBeCloseTo(0.1, 6);
    expect(low).toBeLessThanOrEqual(added);
    expect(high).toBeGreaterThanOrEqual(added);
    expect(high - low).toBeLessThan(0.05);
    expect(addedFraction(without, without).added).toBe(0);
  });

  it('counts a sample as the content script\'s when any frame of its stack is', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { url: '' }, children: [2, 4] },
        { id: 2, callFrame: { url: 'chrome-extension://abc/content-scripts/gmail.js' }, children: [3] },
        { id: 3, callFrame: { url: '' } }, // querySelectorAll called by it
        { id: 4, callFrame: { url: 'https://mail.google.com/_fixture/x.js' } },
      ],
      samples: [1, 2, 3, 4, 3],
      timeDeltas: [100, 200, 300, 400, 500],
    };
    expect(msUnder(profile, 'chrome-extension://abc/content-scripts/')).toBe(1);
  });
});
