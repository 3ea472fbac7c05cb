import { describe, expect, it } from 'vitest';
import { dayKey } from '@/lib/domain/day-key';
import { getSettings, saveSettings } from './settings';
import { freshDb } from './test-helpers';

describe('settings', () => {
  it('keeps the day ClientDesk first ran, and never moves it', async () => {
    const db = freshDb();
    const first = await getSettings(db);
    expect(first.startedOn).toBe(dayKey(new Date()));
    const saved = await saveSettings(db, { managerName: 'Alice' });
    expect(saved.startedOn).toBe(first.startedOn);
    expect((await getSettings(db)).managerId).toBe(first.managerId);
  });

  it('reads settings stored before that day was kept as "unknown", so every report stays due', async () => {
    const db = freshDb();
    const { startedOn: _notKept, ...older } = await getSettings(db);
    await db.settings.put({ key: 'settings', value: older });
    expect((await getSettings(db)).startedOn).toBe('');
  });
});
