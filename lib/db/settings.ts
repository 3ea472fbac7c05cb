import { DEFAULT_QUOTAS, type Settings } from '@/lib/domain/types';
import { newId, type ClientDeskDb } from './database';

const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return {
    managerId: newId(),
    managerName: '',
    signatureHtml: '',
    ownDomains: [],
    defaultPhoneRegion: 'RU',
    timeZone: '',
    quotas: { ...DEFAULT_QUOTAS },
  };
}

/** The settings, created with defaults (and a new manager id) on first use. */
export async function getSettings(db: ClientDeskDb): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(SETTINGS_KEY);
    if (row) return { ...defaultSettings(), ...(row.value as Partial<Settings>) } as Settings;
    const settings = defaultSettings();
    await db.settings.put({ key: SETTINGS_KEY, value: settings });
    return settings;
  });
}

export async function saveSettings(db: ClientDeskDb, patch: Partial<Omit<Settings, 'managerId'>>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db)), ...patch };
    next.quotas = { ...DEFAULT_QUOTAS, ...next.quotas };
    await db.settings.put({ key: SETTINGS_KEY, value: next });
    return next;
  });
}
