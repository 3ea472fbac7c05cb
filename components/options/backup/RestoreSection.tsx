import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { parseBackupText, type Backup } from '@/lib/db/backup';
import { formatDay } from '@/lib/domain/format';
import { BulkJob, type BulkProgress } from '@/lib/messaging/bulk-client';
import type { RestoreSummary } from '@/lib/messaging/views';
import { readBackupText } from '@/lib/backup/read-backup-text';
import { ProgressBar } from '../import/ImportReport';
import { usePassphrasePrompt } from './PassphrasePrompt';
import { CANCELLED, CLOSING_CANCELS, CONFIRM_REPLACE, refusedMessage, restoredMessage, type RestoreMode } from './restore-messages';

// Restoring a backup: the whole file is checked here first (and again in the background), then it
// replaces the base or is merged into it, as a bulk job with progress and Cancel. Until its
// transaction commits, Cancel or closing the page leaves the base as it was.

type Step =
  | { kind: 'idle' }
  | { kind: 'chosen'; file: string; text: string; backup: Backup }
  | { kind: 'working'; progress: BulkProgress; cancelling: boolean }
  | { kind: 'restored'; summary: RestoreSummary; mode: RestoreMode }
  | { kind: 'refused'; message: string; problems: string[] }
  | { kind: 'stopped'; message: string; cancelled: boolean };

export function RestoreSection({ onRestored }: { onRestored(): void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const job = useRef<BulkJob | null>(null);
  const passphrase = usePassphrasePrompt();
  useEffect(() => () => job.current?.close(), []);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      // An encrypted file asks for its passphrase and is decrypted here, before the checks (issue 12.9).
      text = await readBackupText(await file.text(), passphrase.ask);
    } catch (e) {
      return setStep({ kind: 'refused', message: `${file.name}: ${e instanceof Error ? e.message : String(e)}`, problems: [] });
    }
    checkText(file.name, text);
  };

  /** From the file's text on (a reader that decrypts a file hands its text here). */
  const checkText = (file: string, text: string) => {
    const parsed = parseBackupText(text);
    if (!parsed.ok) return setStep({ kind: 'refused', message: refusedMessage(file), problems: parsed.errors.slice(0, 10) });
    setStep({ kind: 'chosen', file, text, backup: parsed.backup });
  };

  const restore = async (text: string, mode: RestoreMode) => {
    if (mode === 'replace' && !confirm(CONFIRM_REPLACE)) return;
    const bulk = new BulkJob();
    job.current = bulk;
    try {
      const summary = await bulk.restore(text, mode, (progress) => setStep((s) => ({ kind: 'working', progress, cancelling: s.kind === 'working' && s.cancelling })));
      setStep({ kind: 'restored', summary, mode });
      onRestored();
    } catch (e) {
      const cancelled = e instanceof Error && e.name === 'AbortError';
      setStep({ kind: 'stopped', cancelled, message: cancelled ? CANCELLED : e instanceof Error ? e.message : String(e) });
    } finally {
      bulk.close();
      job.current = null;
    }
  };

  const cancel = () => {
    job.current?.cancel();
    setStep((s) => (s.kind === 'working' ? { ...s, cancelling: true } : s));
  };

  const tables = step.kind === 'chosen' ? step.backup.tables : null;
  return (
    <>
      <h3>Restore</h3>
      {(step.kind === 'idle' || step.kind === 'refused' || step.kind === 'stopped' || step.kind === 'restored') && (
        <label>
          Restore from a backup file: <input type="file" accept=".json,application/json" aria-label="Backup file" onChange={(e) => void chooseFile(e)} />
        </label>
      )}
      {passphrase.prompt}
      {step.kind === 'refused' && (
        <div className="error" role="alert" data-testid="restore-error">
          <p>{step.message}</p>
          <ul>
            {step.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {step.kind === 'chosen' && tables && (
        <div data-testid="restore-check">
          <p>
            {step.file}: backup of {formatDay(step.backup.createdAt)} with {tables.clients.length.toLocaleString()} clients, {tables.contacts.length.toLocaleString()} contacts,{' '}
            {tables.activities.length.toLocaleString()} activities, {tables.templates.length.toLocaleString()} templates, {tables.contracts.length.toLocaleString()} contracts and{' '}
            {tables.complaints.length.toLocaleString()} complaints. The whole file was checked.
          </p>
          <span className="buttons">
            <button type="button" onClick={() => void restore(step.text, 'replace')}>Replace my base</button>
            <button type="button" onClick={() => void restore(step.text, 'merge')}>Merge into my base</button>
            <button type="button" className="link" onClick={() => setStep({ kind: 'idle' })}>Cancel</button>
          </span>
          <p className="muted small">Merge keeps the newer version of each record and everything that is only in your base; your settings stay.</p>
        </div>
      )}
      {step.kind === 'working' && (
        <div data-testid="restore-working">
          <ProgressBar progress={step.progress} />
          <button type="button" disabled={step.cancelling} onClick={cancel}>{step.cancelling ? 'Cancelling…' : 'Cancel'}</button>
          <p className="muted small">{CLOSING_CANCELS}</p>
        </div>
      )}
      {step.kind === 'restored' && (
        <p className={step.summary.outcome === 'restored' ? 'saved' : 'warning'} role={step.summary.outcome === 'restored' ? 'status' : 'alert'} data-testid="restore-report" data-outcome={step.summary.outcome}>
          {restoredMessage(step.summary, step.mode)}
        </p>
      )}
      {step.kind === 'stopped' && (
        <p className={step.cancelled ? 'warning' : 'error'} role="alert" data-testid="restore-error">
          {step.message}
        </p>
      )}
    </>
  );
}
