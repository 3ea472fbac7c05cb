// The agenda in numbers: counts for the popup, and the text of the reminder notification.
import type { Agenda } from './agenda-types';

export interface AgendaSummary {
  /** Follow-ups due today or overdue. */
  followUps: number;
  followUpsOverdue: number;
  notContacted: number;
  birthdays: number;
  holidays: number;
  /** Greetings falling today. */
  greetingsToday: number;
  receivablesOverdue: number;
  receivablesOverdueTotal: number;
  /** Undone obligations already past their due date, and all those listed (due within a week). */
  obligationsOverdue: number;
  obligationsDue: number;
  openComplaints: number;
  /** Every item of every section. */
  total: number;
}

export function agendaSummary(agenda: Agenda): AgendaSummary {
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.reduce((n, item) => (test(item) ? n + 1 : n), 0);
  return {
    followUps: agenda.followUps.length,
    followUpsOverdue: count(agenda.followUps, (item) => item.daysOverdue > 0),
    notContacted: agenda.notContacted.length,
    birthdays: count(agenda.greetings, (item) => item.kind === 'birthday'),
    holidays: count(agenda.greetings, (item) => item.kind === 'holiday'),
    greetingsToday: count(agenda.greetings, (item) => item.daysUntil === 0),
    receivablesOverdue: agenda.receivablesOverdue.length,
    receivablesOverdueTotal: agenda.receivablesOverdue.reduce((sum, item) => sum + item.amount, 0),
    obligationsOverdue: count(agenda.obligationsDue, (item) => item.daysOverdue > 0),
    obligationsDue: agenda.obligationsDue.length,
    openComplaints: agenda.openComplaints.length,
    total:
      agenda.followUps.length +
      agenda.notContacted.length +
      agenda.greetings.length +
      agenda.receivablesOverdue.length +
      agenda.obligationsDue.length +
      agenda.openComplaints.length,
  };
}

function counted(n: number, one: string, many: string): string | null {
  return n === 0 ? null : `${n} ${n === 1 ? one : many}`;
}

function line(parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(', ');
}

/**
 * The reminder: people first ("3 follow-ups due, 5 clients not contacted for 30+ days, 1
 * birthday"), then money and paperwork on a second line; empty sections are left out.
 * 'Nothing due today.' when the agenda is empty (the caller may then skip the notification).
 */
export function reminderText(agenda: Agenda): string {
  const s = agendaSummary(agenda);
  const every = agenda.contactEveryDays;
  const people = line([
    counted(s.followUps, 'follow-up due', 'follow-ups due'),
    counted(s.notContacted, `client not contacted for ${every}+ days`, `clients not contacted for ${every}+ days`),
    counted(s.birthdays, 'birthday', 'birthdays'),
    counted(s.holidays, 'professional holiday', 'professional holidays'),
  ]);
  const business = line([
    counted(s.receivablesOverdue, 'client with overdue receivables', 'clients with overdue receivables'),
    counted(s.obligationsDue, 'contract obligation due', 'contract obligations due'),
    counted(s.openComplaints, 'open complaint', 'open complaints'),
  ]);
  const text = [people, business].filter((part) => part !== '').join('\n');
  return text === '' ? 'Nothing due today.' : text;
}
