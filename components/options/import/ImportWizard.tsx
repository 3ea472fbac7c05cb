import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { autoMapColumns } from '@/lib/io/column-mapping';
import { TEXT_ENCODING_LABELS, type TextEncodingName } from '@/lib/io/decode-text';
import type { ImportField, ImportRowsResult } from '@/lib/io/import-row';
import { readImportRows } from '@/lib/io/import-rows';
import type { ImportFileRead } from '@/lib/io/read-import-file';
import type { RawTable } from '@/lib/io/table';
import { BulkJob, type BulkProgress } from '@/lib/messaging/bulk-client';
import type { ImportSummary } from '@/lib/messaging/views';
import { ColumnMapping } from './ColumnMapping';
import { ImportCheck, ImportResult, ProgressBar } from './ImportReport';
import { isAbort, useFileReader } from './use-file-reader';

// Import, step by step: choose a file (CSV, XLSX, vCard) → map its columns (known headers are
// mapped already) with a preview → check: the exact numbers of clients added and updated and the
// rows rejected, computed by a dry run that changes nothing → import, with progress and Cancel.
// A cancelled or failed import leaves the base as it was (one transaction in the background).
// The file is read in a worker (the page keeps answering; Cancel ends it).

interface MapStep {
  kind: 'map';
  file: string;
  /** The file itself, to read again in another encoding. */
  source: File;
  read: ImportFileRead;
  mapping: (ImportField | null)[];
  rereading: TextEncodingName | null;
  encodingError: string | null;
}

type Step =
  | { kind: 'pick'; error: string | null }
  | { kind: 'reading'; file: string }
  | MapStep
  | { kind: 'working'; file: string; progress: BulkProgress }
  | { kind: 'confirm'; file: string; parsed: ImportRowsResult; summary: ImportSummary }
  | { kind: 'done'; file: string; parsed: ImportRowsResult; summary: ImportSummary }
  | { kind: 'stopped'; file: string; message: string; cancelled: boolean };

export function ImportWizard({ defaultRegion, onImported }: { defaultRegion: string; onImported(): void }) {
  const [step, setStep] = useState<Step>({ kind: 'pick', error: null });
  const job = useRef<BulkJob | null>(null);
  const parsedRef = useRef<ImportRowsResult | null>(null);
  const reader = useFileReader();
  useEffect(() => () => job.current?.close(), []);

  const reset = () => {
    reader.cancel();
    job.current?.close();
    job.current = null;
    setStep({ kind: 'pick', error: null });
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setStep({ kind: 'reading', file: file.name });
    try {
      const read = await reader.read(file);
      if (read.table.fatal) return setStep({ kind: 'pick', error: `${file.name}: ${read.table.fatal}. Nothing was imported.` });
      setStep({ kind: 'map', file: file.name, source: file, read, mapping: autoMapColumns(read.table.header), rereading: null, encodingError: null });
    } catch (error) {
      if (isAbort(error)) return;
      setStep({ kind: 'pick', error: `${file.name}: ${messageOf(error)}. Nothing was imported.` });
    }
  };

  const switchEncoding = async (from: MapStep, encoding: TextEncodingName) => {
    setStep({ ...from, rereading: encoding, encodingError: null });
    const label = TEXT_ENCODING_LABELS[encoding];
    const keep = (why: string) => setStep({ ...from, rereading: null, encodingError: `As ${label}: ${why}. The file is still read as ${from.read.encoding ? TEXT_ENCODING_LABELS[from.read.encoding] : 'before'}.` });
    try {
      const read = await reader.read(from.source, encoding);
      if (read.table.fatal) return keep(read.table.fatal);
      // The user's choices stay when the header reads the same (only the values changed).
      const sameHeader = read.table.header.join('\n') === from.read.table.header.join('\n');
      setStep({ ...from, read, mapping: sameHeader ? from.mapping : autoMapColumns(read.table.header), rereading: null, encodingError: null });
    } catch (error) {
      if (!isAbort(error)) keep(messageOf(error));
    }
  };

  const stop = (file: string, error: unknown) => {
    const cancelled = error instanceof Error && error.name === 'AbortError';
    setStep({ kind: 'stopped', file, cancelled, message: messageOf(error) });
    job.current?.close();
    job.current = null;
  };

  const check = async (file: string, table: RawTable, mapping: (ImportField | null)[]) => {
    const parsed = readImportRows(table, mapping, { defaultRegion });
    if (parsed.fatal) return stop(file, new Error(parsed.fatal));
    parsedRef.current = parsed;
    job.current?.close();
    const bulk = new BulkJob();
    job.current = bulk;
    const progress = (p: BulkProgress) => setStep({ kind: 'working', file, progress: p });
    try {
      progress({ phase: 'sending', done: 0, total: parsed.rows.length });
      await bulk.sendRows(parsed.rows, progress);
      const summary = await bulk.importRows(parsed.rows.length, true, progress);
      setStep({ kind: 'confirm', file, parsed, summary });
    } catch (error) {
      stop(file, error);
    }
  };

  const runImport = async (file: string, parsed: ImportRowsResult) => {
    const bulk = job.current;
    if (!bulk) return stop(file, new Error('The check expired; choose the file again.'));
    try {
      const summary = await bulk.importRows(parsed.rows.length, false, (p) => setStep({ kind: 'working', file, progress: p }));
      setStep({ kind: 'done', file, parsed, summary });
      onImported();
    } catch (error) {
      stop(file, error);
    } finally {
      bulk.close();
      job.current = null;
    }
  };

  return (
    <section aria-label="Import clients" className="import-wizard">
      <h2>Import clients</h2>
      {step.kind === 'pick' && (
        <>
          <label>
            Choose a file: <input type="file" aria-label="Import file" accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,.vcf,.vcard,text/csv,text/vcard" onChange={chooseFile} />
          </label>
          <p className="muted small">
            CSV (from Excel, Google Sheets, 1C, HubSpot, Bitrix24, Google Contacts or Outlook), Excel workbooks (.xlsx, .xls) and vCard contacts (.vcf).
            Rows that match a client you have (by e-mail, phone or tax id) update it instead of making a duplicate. You see the numbers before anything is saved.
          </p>
          {step.error && <p className="error" role="alert" data-testid="import-error">{step.error}</p>}
        </>
      )}
      {step.kind === 'reading' && (
        <div data-testid="import-reading">
          <p>{step.file}</p>
          <div className="progress">
            <progress aria-label="Reading the file" />
            <span className="small">Reading the file…</span>
          </div>
          <button type="button" onClick={reset}>Cancel</button>
        </div>
      )}
      {step.kind === 'map' && (
        <ColumnMapping
          file={step.file}
          read={step.read}
          mapping={step.mapping}
          encodingSwitch={{ rereading: step.rereading, error: step.encodingError, onChange: (encoding) => void switchEncoding(step, encoding) }}
          onChange={(mapping) => setStep({ ...step, mapping })}
          onCheck={() => void check(step.file, step.read.table, step.mapping)}
          onCancel={reset}
        />
      )}
      {step.kind === 'working' && (
        <div>
          <p>{step.file}</p>
          <ProgressBar progress={step.progress} />
          <button type="button" onClick={() => (job.current ? job.current.cancel() : reset())}>Cancel</button>
        </div>
      )}
      {step.kind === 'confirm' && (
        <>
          <ImportCheck file={step.file} parsed={step.parsed} summary={step.summary} />
          <span className="buttons">
            <button type="button" disabled={step.parsed.rows.length === 0} onClick={() => void runImport(step.file, step.parsed)}>
              Import {step.parsed.rows.length.toLocaleString()} rows
            </button>
            <button type="button" className="link" onClick={reset}>Cancel</button>
          </span>
        </>
      )}
      {step.kind === 'done' && (
        <>
          <ImportResult file={step.file} parsed={step.parsed} summary={step.summary} />
          <button type="button" onClick={reset}>Import another file</button>
        </>
      )}
      {step.kind === 'stopped' && (
        <>
          <p className={step.cancelled ? 'warning' : 'error'} role="alert" data-testid="import-stopped">
            {step.file}: {step.cancelled ? 'Cancelled: nothing was changed.' : `Nothing was imported: ${step.message}`}
          </p>
          <button type="button" onClick={reset}>Choose a file</button>
        </>
      )}
    </section>
  );
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
