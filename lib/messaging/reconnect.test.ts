import { describe, expect, it } from 'vitest';
import { RECONNECT_MAX_FAILURES, reconnectDelay } from './reconnect';

describe('reconnectDelay', () => {
  it('reconnects at once after a working connection closed (the service worker was stopped)', () => {
    expect(reconnectDelay(0)).toBe(250);
  });

  it('doubles after each connection that closed without a view, up to a cap, then stops', () => {
    const delays = Array.from({ length: RECONNECT_MAX_FAILURES + 2 }, (_, failures) => reconnectDelay(failures));
    expect(delays).toEqual([250, 250, 500, 1000, 2000, null, null]);
    // At most a handful of tries in all, and none after the last: no loop that keeps the worker awake.
    expect(delays.filter((d) => d !== null).length).toBeLessThanOrEqual(5);
  });
});
