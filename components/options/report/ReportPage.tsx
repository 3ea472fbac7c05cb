import { useEffect, useState } from 'react';
import { formatMoney } from '@/lib/domain/format';
import { reportToTable, type MonthlyReport, type PlanFigure } from '@/lib/domain/monthly-report';
import type { Settings } from '@/lib/domain/types';
import { nextMonth, previousMonth } from '@/lib/domain/work-calendar';
import { tableToCsv, tableToXlsx } from '@/lib/io/export-table';
import { sendToBackground } from '@/lib/messaging/send';
import { useAction } from '../../use-action';
import { downloadFile } from '../download';
import { ReportChart } from './ReportChart';
import './report.css';

// The monthly performance report (issue 7; due by the 3rd for the previous month): the plan's
// summary, every day of the month against the daily quotas, a chart, export, print, and the
// "submitted" mark that silences the reminder.

export interface ReportPageProps {
  /** YYYY-MM shown first: the previous month (the one whose report is due). */
  defaultMonth: string;
  /** Called with the settings after "Mark as submitted" (or its undo), for a due badge elsewhere. */
  onSettingsChanged?(settings: Settings): void;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const percent = (figure: PlanFigure) => (figure.percent === null ? '—' : `${figure.percent}%`);
const count = (n: number) => n.toLocaleString();

export function monthTitle(month: string): string {
  const date = new Date(`${month}-01T12:00:00`);
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}

type Loaded = { key: string; report: MonthlyReport; error?: undefined } | { key: string; report?: undefined; error: string };

/** The month's report, read again when the month changes or on "Try again". */
function useMonthlyReport(month: string) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${month}#${attempt}`;
  useEffect(() => {
    let live = true;
    sendToBackground<MonthlyReport>({ type: 'optionsToBackground.getMonthlyReport', month }).then(
      (report) => live && setLoaded({ key, report }),
      (error: unknown) => live && setLoaded({ key, error: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [month, key]);
  const current = loaded?.key === key ? loaded : null;
  return { report: current?.report ?? null, error: current?.error ?? null, loading: current === null, retry: () => setAttempt((n) => n + 1) };
}

function PlanRow({ label, figure, name, note }: { label: string; figure: PlanFigure; name: string; note?: string }) {
  const met = figure.percent !== null && figure.percent >= 100;
  return (
    <tr data-plan={name} className={met ? 'met' : undefined}>
      <th scope="row">
        {label}
        {note && <span className="muted small"> {note}</span>}
      </th>
      <td className="num">{count(figure.done)}</td>
      <td className="num">{count(figure.plan)}</td>
      <td className="num">{percent(figure)}</td>
    </tr>
  );
}

function Summary({ report }: { report: MonthlyReport }) {
  const { totals, contracts, clients, complaints, receivablesAtMonthEnd: receivables } = report;
  const figures: [string, string, string][] = [
    ['newClients', 'New clients', count(report.newClients)],
    ['contractsSigned', 'Contracts signed', count(contracts.signed)],
    ['clientsContacted', 'Clients contacted', count(clients.contacted)],
    ['clientsNotContacted', 'Clients not contacted', count(clients.notContacted)],
    ['complaintsOpened', 'Complaints opened', count(complaints.opened)],
    ['complaintsResolved', 'Complaints resolved', count(complaints.resolved)],
    ['complaintsOpen', 'Complaints open at month end', count(complaints.openAtMonthEnd)],
    ['receivables', 'Receivables at month end', formatMoney(receivables.amount)],
    ['overdue', 'Of which overdue', formatMoney(receivables.overdue)],
  ];
  return (
    <section aria-label="Plan summary" data-testid="report-summary" className="report-summary">
      <h3>Plan</h3>
      <table className="report-plan">
        <thead>
          <tr>
            <th scope="col">Against the plan</th>
            <th scope="col" className="num">Done</th>
            <th scope="col" className="num">Plan</th>
            <th scope="col" className="num">Percent</th>
          </tr>
        </thead>
        <tbody>
          <PlanRow label="Calls" figure={totals.calls} name="calls" />
          <PlanRow label="Phone offers" figure={totals.phoneOffers} name="phoneOffers" />
          <PlanRow label="E-mail offers" figure={totals.emailOffers} name="emailOffers" />
          <PlanRow label="Contracts with new clients" note="(monthly quota)" figure={contracts.withNewClients} name="newClientContracts" />
        </tbody>
      </table>
      <dl className="report-figures">
        {figures.map(([name, label, value]) => (
          <div key={name} data-summary={name}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Receivables are the cards' figures as they are now: their history is not kept.</p>
    </section>
  );
}

function DaysTable({ report }: { report: MonthlyReport }) {
  const { calls, phoneOffers, emailOffers } = report.totals;
  return (
    <section aria-label="Days" className="report-days-section">
      <h3>Day by day</h3>
      <table className="report-days" data-testid="report-days">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Day</th>
            <th scope="col" className="num">Calls</th>
            <th scope="col" className="num quota">quota</th>
            <th scope="col" className="num">Phone offers</th>
            <th scope="col" className="num quota">quota</th>
            <th scope="col" className="num">E-mail offers</th>
            <th scope="col" className="num quota">quota</th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((day) => (
            <tr key={day.day} className={day.working ? undefined : 'day-off'} data-day={day.day} data-working={day.working}>
              <th scope="row">{day.day}</th>
              <td>
                {WEEKDAYS[day.weekday]}
                {!day.working && <span className="small"> · day off</span>}
              </td>
              <td className="num">{day.calls}</td>
              <td className="num quota">{day.quota.calls}</td>
              <td className="num">{day.phoneOffers}</td>
              <td className="num quota">{day.quota.phoneOffers}</td>
              <td className="num">{day.emailOffers}</td>
              <td className="num quota">{day.quota.emailOffers}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="report-totals">
            <th scope="row">Total</th>
            <td>{report.workingDays} working days</td>
            <td className="num" data-figure="calls">{calls.done}</td>
            <td className="num quota">{calls.plan}</td>
            <td className="num" data-figure="phoneOffers">{phoneOffers.done}</td>
            <td className="num quota">{phoneOffers.plan}</td>
            <td className="num" data-figure="emailOffers">{emailOffers.done}</td>
            <td className="num quota">{emailOffers.plan}</td>
          </tr>
          <tr data-testid="report-percent">
            <th scope="row">Percent of plan</th>
            <td />
            <td className="num" colSpan={2}>{percent(calls)}</td>
            <td className="num" colSpan={2}>{percent(phoneOffers)}</td>
            <td className="num" colSpan={2}>{percent(emailOffers)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

export function ReportPage({ defaultMonth, onSettingsChanged }: ReportPageProps) {
  const [month, setMonth] = useState(defaultMonth);
  const [typed, setTyped] = useState(defaultMonth);
  const { report, error, loading, retry } = useMonthlyReport(month);
  const [submittedMonths, setSubmittedMonths] = useState<string[] | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const marking = useAction();

  useEffect(() => {
    sendToBackground<Settings>({ type: 'optionsToBackground.getSettings' }).then(
      (settings) => setSubmittedMonths(settings.submittedReports),
      (e: unknown) => setSettingsError(`Whether this report was submitted is unknown: ${errorText(e)}`),
    );
  }, []);

  const choose = (next: string) => {
    setTyped(next);
    // A browser without a month picker shows a text box: wait for a whole YYYY-MM.
    if (MONTH.test(next)) setMonth(next);
  };
  const submitted = submittedMonths?.includes(month) ?? false;
  const toggleSubmitted = () =>
    void marking.run<Settings>({ type: 'optionsToBackground.markReportSubmitted', month, submitted: !submitted }, (settings) => {
      setSubmittedMonths(settings.submittedReports);
      onSettingsChanged?.(settings);
    });

  const exportAs = (format: 'csv' | 'xlsx') => {
    if (!report) return;
    setExportError(null);
    try {
      const table = reportToTable(report);
      const name = `clientdesk-report-${report.month}.${format}`;
      if (format === 'csv') downloadFile(name, tableToCsv(table), 'text/csv;charset=utf-8');
      else downloadFile(name, tableToXlsx(table, { sheetName: `Report ${report.month}`, numbers: true }), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      setExportError(`The export failed: ${errorText(e)}`);
    }
  };

  return (
    <article className="report-page" aria-label="Monthly report" aria-busy={loading}>
      <header className="report-header">
        <h2>Monthly report: {monthTitle(month)}</h2>
        <div className="report-controls">
          <button type="button" className="secondary" aria-label="Previous month" onClick={() => choose(previousMonth(month))}>‹</button>
          <input type="month" aria-label="Month" value={typed} onChange={(e) => choose(e.target.value)} pattern="\d{4}-\d{2}" placeholder="YYYY-MM" />
          <button type="button" className="secondary" aria-label="Next month" onClick={() => choose(nextMonth(month))}>›</button>
        </div>
      </header>

      <div className="report-actions buttons">
        <button type="button" disabled={!report} onClick={() => exportAs('csv')}>Export CSV</button>
        <button type="button" disabled={!report} onClick={() => exportAs('xlsx')}>Export Excel</button>
        <button type="button" disabled={!report} onClick={() => window.print()}>Print</button>
        <button type="button" className={submitted ? 'secondary' : undefined} disabled={submittedMonths === null || marking.busy} onClick={toggleSubmitted}>
          {submitted ? 'Submitted ✓ (undo)' : 'Mark as submitted'}
        </button>
        {[exportError, marking.error, settingsError].map(
          (message) =>
            message && (
              <span key={message} className="error" role="alert">
                {message}
              </span>
            ),
        )}
      </div>

      {loading && (
        <p className="muted" role="status">
          Building the report for {monthTitle(month)}…
        </p>
      )}
      {error && (
        <div role="alert">
          <p className="error">The report could not be built: {error}</p>
          <button type="button" onClick={retry}>Try again</button>
        </div>
      )}
      {report && (
        <>
          <p className="muted small">
            {report.workingDays} working days · days off are shaded and carry no quota (what was done on them still counts)
            {report.timeZone && ` · time zone ${report.timeZone}`}
          </p>
          <Summary report={report} />
          <section aria-label="Chart" className="report-chart-section">
            <h3>Calls and offers by day</h3>
            <ReportChart report={report} />
          </section>
          <DaysTable report={report} />
        </>
      )}
    </article>
  );
}
