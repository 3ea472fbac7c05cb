import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';
import { useAction } from '../use-action';

// The plan's settings (issue 7): working days and days off (not held against the plan), the daily
// reminder's time, and where a greeting opens.

const WEEKDAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [0, 'Sun'],
] as const;

const days = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

export function PlanSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    void sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then(setSettings);
  }, []);
  if (!settings) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const patch = {
      workCalendar: {
        workingDays: WEEKDAYS.filter(([n]) => form.get(`weekday-${n}`) === 'on').map(([n]) => n as number),
        holidays: days(String(form.get('holidays') ?? '')),
        extraWorkingDays: days(String(form.get('extraWorkingDays') ?? '')),
      },
      reminderTime: String(form.get('reminderTime') ?? ''),
      greetingMail: form.get('greetingMail') === 'outlook' ? ('outlook' as const) : ('gmail' as const),
    };
    void action.run<Settings>({ type: 'optionsToBackground.saveSettings', patch }, (next) => {
      setSettings(next);
      setSaved(true);
    });
  };

  return (
    <section aria-label="Plan">
      <h2>Plan and reminders</h2>
      <form className="grid" onSubmit={submit} aria-label="Plan settings">
        <span>Working days</span>
        <span className="buttons">
          {WEEKDAYS.map(([n, label]) => (
            <label key={n}>
              <input type="checkbox" name={`weekday-${n}`} defaultChecked={settings.workCalendar.workingDays.includes(n)} /> {label}
            </label>
          ))}
        </span>
        <label htmlFor="holidays">Days off (holidays, vacation)</label>
        <textarea id="holidays" name="holidays" rows={2} defaultValue={settings.workCalendar.holidays.join(', ')} placeholder="2026-12-31, 2027-01-01" />
        <label htmlFor="extraWorkingDays">Extra working days</label>
        <input id="extraWorkingDays" name="extraWorkingDays" defaultValue={settings.workCalendar.extraWorkingDays.join(', ')} placeholder="2026-12-27 (a working Saturday)" />
        <label htmlFor="reminderTime">Daily reminder at</label>
        <input id="reminderTime" name="reminderTime" type="time" defaultValue={settings.reminderTime} />
        <label htmlFor="greetingMail">Greetings open in</label>
        <select id="greetingMail" name="greetingMail" defaultValue={settings.greetingMail}>
          <option value="gmail">Gmail</option>
          <option value="outlook">Outlook on the web</option>
        </select>
        <span />
        <div className="buttons">
          <button type="submit" disabled={action.busy}>Save plan settings</button>
          {saved && <span className="saved">Saved</span>}
          {action.error && <span className="error" role="alert">{action.error}</span>}
        </div>
      </form>
    </section>
  );
}
