import { useEffect, useState, type ChangeEvent } from 'react';
import type { BaseStats, ImportReport } from '@/lib/messaging/views';
import { sendToBackground } from '@/lib/messaging/send';

const COLUMNS = 'company, contact, position, email, phone, status, domains, price_type, payment_terms, receivables, birthday, notes';

/** Reads a file as UTF-8, or as Windows-1251 when it is not valid UTF-8 (Russian Excel exports). */
async function readCsvText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

export function ImportClients({ onImported, baseVersion }: { onImported: () => void; baseVersion: number }) {
  const [stats, setStats] = useState<BaseStats | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void sendToBackground<BaseStats>({ type: 'optionsToBackground.getBaseStats' }).then(setStats);
  }, [baseVersion]);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const text = await readCsvText(file);
      setReport(await sendToBackground<ImportReport>({ type: 'optionsToBackground.importClientsCsv', fileName: file.name, text }));
      onImported();
    } catch (e) {
      setError(`The import failed and nothing was changed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Client base">
      <h2>Client base</h2>
      {stats && (
        <p data-testid="base-stats">
          {stats.clients} clients, {stats.contacts} contacts.
        </p>
      )}
      <label>
        Import clients (CSV): <input type="file" accept=".csv,text/csv" onChange={importFile} disabled={busy} aria-label="Import clients CSV" />
      </label>
      <p className="muted small">
        Header row with these columns (any order): <code>{COLUMNS}</code>. Several e-mails or phones in one cell are separated by <code>;</code>.
      </p>
      {busy && <p>Importing…</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {report && <ImportReportView report={report} />}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  if (report.fatal) return <p className="error" role="alert" data-testid="import-report">Nothing was imported: {report.fatal}</p>;
  return (
    <div data-testid="import-report">
      <p className="saved">
        Clients: {report.clientsAdded} added, {report.clientsUpdated} updated. Contacts: {report.contactsAdded} added, {report.contactsUpdated} updated.
        {report.rejected.length > 0 && ` ${report.rejected.length} rows rejected (nothing from them was saved):`}
      </p>
      {report.warnings.map((w) => (
        <p key={w} className="warning small">{w}</p>
      ))}
      {report.rejected.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Line</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.map((r) => (
              <tr key={r.line} data-line={r.line}>
                <td>{r.line}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
