import type { Settings } from '@/lib/domain/types';
import { openDb, type ClientDeskDb } from './database';
import { defaultSettings } from './settings';

/** A fresh, uniquely named database (fake-indexeddb in unit tests). */
export function freshDb(): ClientDeskDb {
  return openDb(`test-${crypto.randomUUID()}`);
}

export function testSettings(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ownDomains: ['acme-supply.com'], ...patch };
}
