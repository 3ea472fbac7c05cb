import type { z } from 'zod';
import type { Settings } from '@/lib/domain/types';
import { storedSettingsSchema } from '@/lib/messaging/fields';

// The stored settings row, read field by field: a field that does not check (a time zone this
// browser does not know, a quota that is text) gets its default, and the other fields stay. So
// no stored row, whatever a restore or an old version left there, can make reading the settings
// throw, or take every page that formats a day with it down (issue 12.6).

/** Objects whose fields are checked one by one; `calling` is checked whole (its method needs its address). */
const BY_SUBFIELD = ['quotas', 'workCalendar'] as const;

export interface StoredSettingsRead {
  settings: Settings;
  /** The fields that were replaced by their default, e.g. "timeZone". */
  replaced: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The checked value, or undefined when `value` is missing or does not check. */
function checked(schema: z.ZodType, value: unknown): { value: unknown } | null {
  if (value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success && parsed.data !== undefined ? { value: parsed.data } : null;
}

export function settingsFromStored(stored: unknown, defaults: Settings): StoredSettingsRead {
  const row = isRecord(stored) ? stored : {};
  const shape = storedSettingsSchema.shape as Record<string, z.ZodType>;
  // Fields this version does not know are kept as they are (a newer version's settings).
  const result: Record<string, unknown> = { ...row };
  const replaced: string[] = isRecord(stored) ? [] : ['settings'];
  for (const [key, fallback] of Object.entries(defaults)) {
    if ((BY_SUBFIELD as readonly string[]).includes(key)) {
      const inner = (storedSettingsSchema.shape[key as (typeof BY_SUBFIELD)[number]].unwrap() as z.ZodObject).shape as Record<string, z.ZodType>;
      const storedObject = isRecord(row[key]) ? row[key] : {};
      if (row[key] !== undefined && !isRecord(row[key])) replaced.push(key);
      result[key] = Object.fromEntries(
        Object.entries(fallback as Record<string, unknown>).map(([sub, subFallback]) => {
          const ok = checked(inner[sub]!, storedObject[sub]);
          if (!ok && storedObject[sub] !== undefined) replaced.push(`${key}.${sub}`);
          return [sub, ok ? ok.value : subFallback];
        }),
      );
      continue;
    }
    const schema = shape[key];
    const ok = schema ? checked(schema, row[key]) : null;
    if (!ok && row[key] !== undefined) replaced.push(key);
    result[key] = ok ? ok.value : fallback;
  }
  return { settings: result as unknown as Settings, replaced };
}
