// The monthly report as rows of cells, for the CSV and XLSX export (lib/io neutralizes formula
// injection when writing them). Numbers are written plainly, without locale separators, so a
// spreadsheet reads them as numbers.
import type { MonthlyReport, PlanFigure } from './monthly-report';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const percentText = (figure: PlanFigure) => (figure.percent === null ? '' : `${figure.percent}%`);

/**
 * A header, one row per day of the month, a totals row and the percent of plan, then the summary
 * lines as label and value (a blank row between).
 */
export function reportToTable(report: MonthlyReport): string[][] {
  const header = ['Date', 'Weekday', 'Working day', 'Calls', 'Calls quota', 'Phone offers', 'Phone offers quota', 'E-mail offers', 'E-mail offers quota'];
  const dayRows = report.days.map((day) => [
    day.day,
    WEEKDAYS[day.weekday]!,
    day.working ? 'yes' : 'no',
    String(day.calls),
    String(day.quota.calls),
    String(day.phoneOffers),
    String(day.quota.phoneOffers),
    String(day.emailOffers),
    String(day.quota.emailOffers),
  ]);
  const { calls, phoneOffers, emailOffers } = report.totals;
  const totals = ['Total', '', String(report.workingDays), String(calls.done), String(calls.plan), String(phoneOffers.done), String(phoneOffers.plan), String(emailOffers.done), String(emailOffers.plan)];
  const percent = ['Percent of plan', '', '', percentText(calls), '', percentText(phoneOffers), '', percentText(emailOffers), ''];

  const contracts = report.contracts.withNewClients;
  const summary: string[][] = [
    ['Month', report.month],
    ['Working days', String(report.workingDays)],
    ['New clients', String(report.newClients)],
    ['Contracts signed', String(report.contracts.signed)],
    ['Contracts with new clients', String(contracts.done), 'plan', String(contracts.plan), percentText(contracts)],
    ['Clients contacted', String(report.clients.contacted)],
    ['Clients not contacted', String(report.clients.notContacted)],
    ['Complaints opened', String(report.complaints.opened)],
    ['Complaints resolved', String(report.complaints.resolved)],
    ['Complaints open at month end', String(report.complaints.openAtMonthEnd)],
    ['Receivables', String(report.receivablesAtMonthEnd.amount), 'as of the report date'],
    ['Overdue receivables', String(report.receivablesAtMonthEnd.overdue), 'as of the report date'],
  ];
  return [header, ...dayRows, totals, percent, [], ...summary];
}
