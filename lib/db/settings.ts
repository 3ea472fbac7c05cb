import { dayKey } from '@/lib/domain/day-key';
import { DEFAULT_QUOTAS, type Settings } from '@/lib/domain/types';
import { defaultTemplates } from '@/lib/domain/template-seeds';
import { newId, type ClientDeskDb } from './database';
import { settingsFromStored } from './stored-settings';

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
    offerCounting: 'per-organisation',
    // tel: works everywhere a phone app or softphone is registered for it.
    calling: { method: 'tel', threecxUrl: '', customUrl: '' },
    softphoneHosts: [],
    softphoneRegions: {},
    workCalendar: { workingDays: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [] },
    reminderTime: '09:00',
    greetingMail: 'gmail',
    submittedReports: [],
    startedOn: '',
  };
}

/**
 * The settings. On first run (no settings yet) they are created with defaults and a new manager id,
 * and the default templates are seeded with them, editable afterwards.
 */
export async function getSettings(db: ClientDeskDb): Promise<Settings> {
  return db.transaction('rw', db.settings, db.templates, async () => {
    const row = await db.settings.get(SETTINGS_KEY);
    if (row) {
      // Field by field: a bad field (e.g. a zone this browser does not know) gets its default.
      const { settings, replaced } = settingsFromStored(row.value, defaultSettings());
      if (replaced.length) console.warn('[ClientDesk] stored settings had bad fields, their defaults are used:', replaced.join(', '));
      // The manager id owns every record: a replaced one is stored, so it stays the same from now on.
      if (replaced.includes('managerId') || replaced.includes('settings')) await db.settings.put({ key: SETTINGS_KEY, value: settings });
      return settings;
    }
    const settings = { ...defaultSettings(), startedOn: dayKey(new Date()) };
    await db.settings.put({ key: SETTINGS_KEY, value: settings });
    await db.templates.bulkAdd(defaultTemplates(settings.managerId));
    return settings;
  });
}

export async function saveSettings(db: ClientDeskDb, patch: Partial<Omit<Settings, 'managerId'>>): Promise<Settings> {
  return db.transaction('rw', db.settings, db.templates, async () => {
    const next = { ...(await getSettings(db)), ...patch };
    next.quotas = { ...DEFAULT_QUOTAS, ...next.quotas };
    await db.settings.put({ key: SETTINGS_KEY, value: next });
    return next;
  });
}
