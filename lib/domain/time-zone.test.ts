import { describe, expect, it } from 'vitest';
import { isTimeZone } from './time-zone';

describe('isTimeZone', () => {
  it('accepts the browser’s own zone and IANA zones', () => {
    expect(isTimeZone('')).toBe(true);
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('refuses what Intl cannot format in', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Moscow')).toBe(false);
    expect(isTimeZone(' ')).toBe(false);
  });
});
