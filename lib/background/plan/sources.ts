import type { ClientDeskDb } from '@/lib/db/database';
import { buildAgenda, lastContactDays, type Agenda } from '@/lib/domain/agenda';
import { dayKey } from '@/lib/domain/day-key';
import { buildMonthlyReport, type MonthlyReport } from '@/lib/domain/monthly-report';
import type { Settings } from '@/lib/domain/types';
import { monthRange } from '@/lib/domain/work-calendar';

// Reads what the plan's pure rules need (lib/domain/agenda.ts, monthly-report.ts) in one read
// transaction each. The agenda reads only the activities recent enough to reset the "not contacted"
// clock; the report, the month's activities (by the `at` range of the month in the user's zone).

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

export async function loadAgenda(db: ClientDeskDb, settings: Settings, now = new Date()): Promise<Agenda> {
  const today = dayKey(now, settings.timeZone);
  // A day of margin either side of the window: day keys are local, `at` is UTC.
  const since = new Date(now.getTime() - (settings.quotas.contactEveryDays + 2) * 86_400_000).toISOString();
  const { clients, contacts, recent, contracts, complaints } = await db.transaction('r', [db.clients, db.contacts, db.activities, db.contracts, db.complaints], async () => ({
    clients: alive(await db.clients.toArray()),
    contacts: alive(await db.contacts.toArray()),
    recent: await db.activities.where('at').aboveOrEqual(since).toArray(),
    contracts: alive(await db.contracts.toArray()),
    complaints: alive(await db.complaints.toArray()),
  }));
  return buildAgenda({ clients, contacts, lastActivityDayByClient: lastContactDays(recent, settings.timeZone), contracts, complaints }, today, settings);
}

export async function loadMonthlyReport(db: ClientDeskDb, settings: Settings, month: string): Promise<MonthlyReport> {
  const range = monthRange(month, settings.timeZone);
  const { activities, clients, contracts, complaints } = await db.transaction('r', [db.clients, db.activities, db.contracts, db.complaints], async () => ({
    activities: await db.activities.where('at').between(range.startIso, range.endIso, true, false).toArray(),
    clients: await db.clients.toArray(),
    contracts: await db.contracts.toArray(),
    complaints: await db.complaints.toArray(),
  }));
  return buildMonthlyReport({ month, timeZone: settings.timeZone, calendar: settings.workCalendar, quotas: settings.quotas, activities, clients, contracts, complaints });
}

/** Each section cut to `limit` items (the popup needs counts, a page a screenful), with the full counts. */
export function limitAgenda(agenda: Agenda, limit: number): { agenda: Agenda; totals: Record<string, number> } {
  const sections = ['followUps', 'notContacted', 'greetings', 'receivablesOverdue', 'obligationsDue', 'openComplaints'] as const;
  const totals = Object.fromEntries(sections.map((s) => [s, agenda[s].length]));
  const cut = { ...agenda };
  for (const s of sections) (cut[s] as unknown[]) = agenda[s].slice(0, limit);
  return { agenda: cut, totals };
}
