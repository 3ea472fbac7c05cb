import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AgendaSummary } from '@/lib/domain/agenda';
import type { ReportDue } from '@/lib/domain/monthly-report';
import { sendToBackground } from '@/lib/messaging/send';

// The popup's view of the plan (issue 7): what is due today, one line each, linking to Today; and,
// from the 1st until it is marked submitted, last month's report.

const workspace = (hash: string) => `${browser.runtime.getURL('/options.html')}${hash}`;

export function PlanSummary({ version }: { version: number }) {
  const [summary, setSummary] = useState<AgendaSummary | null>(null);
  const [due, setDue] = useState<ReportDue | null>(null);
  useEffect(() => {
    void sendToBackground<{ summary: AgendaSummary }>({ type: 'pageToBackground.getAgenda', limit: 0 }).then((r) => setSummary(r.summary));
    void sendToBackground<ReportDue>({ type: 'pageToBackground.getReportDue' }).then(setDue);
  }, [version]);
  if (!summary) return null;
  const lines = [
    summary.followUps && `${summary.followUps} follow-up${summary.followUps > 1 ? 's' : ''} due`,
    summary.notContacted && `${summary.notContacted} not contacted for a month`,
    summary.birthdays + summary.holidays && `${summary.birthdays + summary.holidays} birthday${summary.birthdays + summary.holidays > 1 ? 's' : ''} / holidays this week`,
    summary.receivablesOverdue && `${summary.receivablesOverdue} overdue receivable${summary.receivablesOverdue > 1 ? 's' : ''}`,
    summary.obligationsDue && `${summary.obligationsDue} contract obligation${summary.obligationsDue > 1 ? 's' : ''} due`,
    summary.openComplaints && `${summary.openComplaints} open complaint${summary.openComplaints > 1 ? 's' : ''}`,
  ].filter(Boolean);
  return (
    <section className="pad plan-summary" aria-label="Your day">
      {due?.due && (
        <p className={due.overdue ? 'error' : 'warning'} data-testid="report-due">
          The {due.month} performance report is {due.overdue ? 'overdue' : `due on ${due.dueDay}`}.{' '}
          <a href={workspace('#report')} target="_blank" rel="noreferrer">Open the report</a>
        </p>
      )}
      {lines.length === 0 ? (
        <p className="muted small">Nothing else due today.</p>
      ) : (
        <p className="small" data-testid="agenda-summary">
          {lines.join(' · ')} — <a href={workspace('#today')} target="_blank" rel="noreferrer">Today</a>
        </p>
      )}
    </section>
  );
}
