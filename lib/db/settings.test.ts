import { describe, expect, it } from 'vitest';
import { dayKey } from '@/lib/domain/day-key';
import { settingsPatch } from '@/lib/messaging/fields';
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

describe('settings read field by field (issue 12.6)', () => {
  it('a stored row with one bad field keeps the others and uses the default for that one', async () => {
    const db = freshDb();
    const first = await saveSettings(db, { managerName: 'Alice', timeZone: 'Europe/Moscow', reminderTime: '08:30' });
    const stored = { ...first, timeZone: 'Mars/Olympus_Mons', quotas: { ...first.quotas, callsPerDay: 'many', emailOffersPerDay: 70 }, reminderTime: 7 };
    await db.settings.put({ key: 'settings', value: stored });
    const read = await getSettings(db);
    expect(read.timeZone).toBe('');
    expect(read.reminderTime).toBe('09:00');
    expect(read.quotas).toEqual({ ...first.quotas, callsPerDay: 30, emailOffersPerDay: 70 });
    expect(read).toMatchObject({ managerName: 'Alice', managerId: first.managerId, startedOn: first.startedOn });
    // A day can be formatted in what was read (a bad zone would throw here).
    expect(dayKey(new Date(), read.timeZone)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never throws on a stored row that is not settings at all, and keeps the manager id it makes', async () => {
    const db = freshDb();
    await getSettings(db);
    await db.settings.put({ key: 'settings', value: 'garbage' });
    const read = await getSettings(db);
    expect(read).toMatchObject({ managerName: '', timeZone: '', defaultPhoneRegion: 'RU' });
    expect((await getSettings(db)).managerId).toBe(read.managerId);
  });

  it('keeps fields a newer version stored', async () => {
    const db = freshDb();
    const first = await getSettings(db);
    await db.settings.put({ key: 'settings', value: { ...first, language: 'ru' } });
    expect(await getSettings(db)).toMatchObject({ language: 'ru' });
  });

  it('the settings message refuses a time zone this browser does not know', () => {
    expect(settingsPatch.safeParse({ timeZone: 'Europe/Moskva' }).success).toBe(false);
    expect(settingsPatch.safeParse({ timeZone: 'Europe/Moscow' }).success).toBe(true);
    expect(settingsPatch.safeParse({ timeZone: '' }).success).toBe(true);
  });
});
