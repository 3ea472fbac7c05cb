import type { ImportRowsResult } from '@/lib/io/import-row';
import type { BulkProgress } from '@/lib/messaging/bulk-client';
import type { ImportSummary } from '@/lib/messaging/views';

// What the check found and what the import did: added, updated, unchanged, rejected with reasons.

const PHASE_LABEL: Record<BulkProgress['phase'], string> = {
  sending: 'Reading the file',
  checking: 'Checking against your base',
  importing: 'Importing',
  restoring: 'Restoring',
};

export function ProgressBar({ progress }: { progress: BulkProgress }) {
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="progress">
      <progress aria-label={PHASE_LABEL[progress.phase]} max={progress.total || 1} value={progress.done} data-testid="bulk-progress" />
      <span className="small">
        {PHASE_LABEL[progress.phase]}… {progress.done.toLocaleString()} of {progress.total.toLocaleString()} ({pct}%)
      </span>
    </div>
  );
}

function Rejected({ parsed }: { parsed: ImportRowsResult }) {
  if (parsed.rejected.length === 0) return null;
  const shown = parsed.rejected.slice(0, 200);
  return (
    <details open={parsed.rejected.length <= 20}>
      <summary>{parsed.rejected.length.toLocaleString()} rows rejected (nothing from them is saved)</summary>
      <table data-testid="import-rejected">
        <thead>
          <tr><th>Line</th><th>Why</th></tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.line}><td>{r.line}</td><td>{r.reason}</td></tr>
          ))}
        </tbody>
      </table>
      {parsed.rejected.length > shown.length && <p className="muted small">…and {parsed.rejected.length - shown.length} more.</p>}
    </details>
  );
}

function Counts({ summary }: { summary: ImportSummary }) {
  return (
    <>
      Clients: {summary.clientsAdded.toLocaleString()} added, {summary.clientsUpdated.toLocaleString()} updated
      {summary.unchanged > 0 && `, ${summary.unchanged.toLocaleString()} rows already up to date`}. Contacts: {summary.contactsAdded.toLocaleString()} added,{' '}
      {summary.contactsUpdated.toLocaleString()} updated.
    </>
  );
}

export function ImportCheck({ file, parsed, summary }: { file: string; parsed: ImportRowsResult; summary: ImportSummary }) {
  return (
    <div data-testid="import-check">
      <p>
        <strong>{file}</strong>: nothing is saved yet. Importing will give: <Counts summary={summary} />
      </p>
      {parsed.warnings.map((w) => (
        <p key={w} className="warning small">{w}</p>
      ))}
      <Rejected parsed={parsed} />
    </div>
  );
}

export function ImportResult({ file, parsed, summary }: { file: string; parsed: ImportRowsResult; summary: ImportSummary }) {
  return (
    <div data-testid="import-report">
      <p className="saved">
        {file} imported. <Counts summary={summary} />
      </p>
      <Rejected parsed={parsed} />
    </div>
  );
}
