import { useState } from 'react';
import type { ClientListRow } from '@/lib/domain/client-list';
import type { Client, Contact } from '@/lib/domain/types';
import { clientsToTable, tableToCsv, tableToXlsx } from '@/lib/io/export-table';
import { downloadFile, todayForFileName } from './download';

// "Export this list": the clients the list shows now (its search and filters), with their
// contacts, as CSV or XLSX in our own columns, so the file imports back as it was. Cells that a
// spreadsheet would run as a formula (= + - @) are neutralized by export-table.ts.

interface ExportButtonsProps {
  visible: readonly ClientListRow[];
  clients: ReadonlyMap<string, Client>;
  contactsByClient: ReadonlyMap<string, readonly Contact[]>;
}

export function ExportButtons({ visible, clients, contactsByClient }: ExportButtonsProps) {
  const [error, setError] = useState<string | null>(null);
  const exportAs = (format: 'csv' | 'xlsx') => {
    setError(null);
    try {
      const chosen = visible.map((row) => clients.get(row.id)).filter((c): c is Client => c !== undefined);
      const contacts = chosen.flatMap((c) => contactsByClient.get(c.id) ?? []);
      const table = clientsToTable(chosen, contacts);
      const name = `clientdesk-clients-${todayForFileName()}.${format}`;
      if (format === 'csv') downloadFile(name, tableToCsv(table), 'text/csv;charset=utf-8');
      else downloadFile(name, tableToXlsx(table) as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      setError(`The export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="buttons export-buttons">
      <span className="muted small">Export these {visible.length.toLocaleString()} clients:</span>
      <button type="button" disabled={visible.length === 0} onClick={() => exportAs('csv')}>CSV</button>
      <button type="button" disabled={visible.length === 0} onClick={() => exportAs('xlsx')}>Excel</button>
      {error && <span className="error" role="alert">{error}</span>}
    </span>
  );
}
