import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordMeasure } from './user-timing';

afterEach(() => vi.unstubAllGlobals());

describe('recordMeasure (issue 12.14c)', () => {
  it('records a measure between two times', () => {
    performance.clearMeasures('test:ok');
    const now = performance.now();
    recordMeasure('test:ok', Math.max(0, now - 5), now);
    expect(performance.getEntriesByName('test:ok', 'measure')).toHaveLength(1);
  });

  it('never throws: a start before the time origin or in the future, a throwing measure, no performance at all', () => {
    // A sidebar opened after the snapshot it shows was emitted: the start is negative.
    expect(() => recordMeasure('test:negative', -1500)).not.toThrow();
    expect(() => recordMeasure('test:future', performance.now() + 60_000)).not.toThrow();
    expect(() => recordMeasure('test:nan', Number.NaN)).not.toThrow();
    vi.spyOn(performance, 'measure').mockImplementation(() => {
      throw new DOMException("The mark 'x' does not exist.", 'SyntaxError');
    });
    expect(() => recordMeasure('test:throws', 0)).not.toThrow();
    vi.stubGlobal('performance', undefined);
    expect(() => recordMeasure('test:absent', 0)).not.toThrow();
  });
});
