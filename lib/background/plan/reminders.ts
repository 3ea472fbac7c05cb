import { browser } from 'wxt/browser';
import type { ClientDeskDb } from '@/lib/db/database';
import { reminderText } from '@/lib/domain/agenda';
import { dayKey } from '@/lib/domain/day-key';
import { reportDue } from '@/lib/domain/monthly-report';
import type { Settings } from '@/lib/domain/types';
import { loadAgenda } from './sources';

// The daily reminder (issue 7): a browser notification at the time of day the user set, saying
// what is due; clicking it opens Today. An alarm, not a timer: alarms survive the service worker
// being stopped and the browser restarting.

export const REMINDER_ALARM = 'clientdesk:reminder';
const NOTIFICATION_ID = 'clientdesk:today';

/** The next time `hhmm` (local to the browser) comes, from `now`. */
export function nextReminderAt(hhmm: string, now = new Date()): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return null;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}

export async function scheduleReminder(settings: Settings, now = new Date()): Promise<void> {
  const when = nextReminderAt(settings.reminderTime, now);
  const existing = await browser.alarms.get(REMINDER_ALARM);
  if (!when) {
    if (existing) await browser.alarms.clear(REMINDER_ALARM);
    return;
  }
  // Unchanged: keep it (the service worker starts often; rescheduling would drift nothing, but
  // would re-create the alarm on every start).
  if (existing && Math.abs(existing.scheduledTime - when.getTime()) < 60_000 && existing.periodInMinutes === 1440) return;
  await browser.alarms.create(REMINDER_ALARM, { when: when.getTime(), periodInMinutes: 1440 });
}

export async function showReminder(db: ClientDeskDb, settings: Settings, now = new Date()): Promise<void> {
  const agenda = await loadAgenda(db, settings, now);
  const due = reportDue(dayKey(now, settings.timeZone), settings.submittedReports, settings.startedOn);
  const lines = [reminderText(agenda), due.due ? `The ${due.month} performance report is ${due.overdue ? 'overdue' : `due on ${due.dueDay}`}.` : ''];
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'ClientDesk: your day',
    message: lines.filter(Boolean).join('\n'),
    priority: 1,
  });
}

export function keepReminders(db: ClientDeskDb, settings: () => Promise<Settings>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void settings().then((s) => showReminder(db, s)).catch((e: unknown) => console.warn('[ClientDesk] reminder failed:', e));
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#today') });
    void browser.notifications.clear(id);
  });
  void settings().then((s) => scheduleReminder(s));
}
