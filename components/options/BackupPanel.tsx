import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { createBackup, getLastBackupAt, parseBackup, type Backup } from '@/lib/db/backup';
import { getDb } from '@/lib/db/database';
import { BACKUP_REMINDER_DAYS, backupIsDue } from '@/lib/domain/backup-reminder';
import { formatDay } from '@/lib/domain/format';
import { BulkJob, type BulkProgress } from '@/lib/messaging/bulk-client';
import { sendToBackground } from '@/lib/messaging/send';
import type { RestoreSummary } from '@/lib/messaging/views';
import { downloadFile, todayForFileName } from './download';
import { ProgressBar } from './import/ImportReport';
import { AutoBackupSettings } from './backup/AutoBackupSettings';
import { usePassphrasePrompt } from './backup/PassphrasePrompt';
import { readBackupText } from '@/lib/backup/read-backup-text';

// A full backup (every table, with a format version) to one JSON file, and restoring one: the whole
// file is checked first, then it replaces the base or is merged into it (newer records win).


type RestoreStep =
  | { kind: 'idle'; error: string | null }
  | { kind: 'chosen'; file: string; text: string; backup: Backup }
  | { kind: 'working'; progress: BulkProgress }
  | { kind: 'done'; summary: RestoreSummary; mode: 'replace' | 'merge' };

export function BackupPanel({ onRestored }: { onRestored(): void }) {
  const [lastBackupAt, setLastBackupAt] = useState<string | null | undefined>(undefined);
  const [backupError, setBackupError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const [step, setStep] = useState<RestoreStep>({ kind: 'idle', error: null });
  const job = useRef<BulkJob | null>(null);
  const passphrase = usePassphrasePrompt();

  useEffect(() => {
    void getLastBackupAt(getDb()).then(setLastBackupAt);
    return () => job.current?.close();
  }, []);

  const makeBackup = async () => {
    setMaking(true);
    setBackupError(null);
    try {
      const backup = await createBackup(getDb());
      downloadFile(`clientdesk-backup-${todayForFileName()}.json`, JSON.stringify(backup), 'application/json');
      await sendToBackground({ type: 'optionsToBackground.backupMade', at: backup.createdAt });
      setLastBackupAt(backup.createdAt);
    } catch (e) {
      setBackupError(`The backup failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setMaking(false);
    }
  };

  const chooseBackup = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      // An encrypted file asks for its passphrase and is decrypted here, before the checks below.
      text = await readBackupText(await file.text(), passphrase.ask);
    } catch (e) {
      return setStep({ kind: 'idle', error: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return setStep({ kind: 'idle', error: `${file.name} is not a ClientDesk backup (it is not JSON, or it was cut short). Nothing was changed.` });
    }
    const parsed = parseBackup(json);
    if (!parsed.ok) return setStep({ kind: 'idle', error: `${file.name} cannot be restored; nothing was changed: ${parsed.errors.slice(0, 10).join('; ')}` });
    setStep({ kind: 'chosen', file: file.name, text, backup: parsed.backup });
  };

  const restore = async (text: string, mode: 'replace' | 'merge') => {
    if (mode === 'replace' && !confirm('Replace your whole base (clients, contacts, activities, templates and settings) with this backup?')) return;
    const bulk = new BulkJob();
    job.current = bulk;
    try {
      const summary = await bulk.restore(text, mode, (progress) => setStep({ kind: 'working', progress }));
      setStep({ kind: 'done', summary, mode });
      onRestored();
    } catch (e) {
      setStep({ kind: 'idle', error: `${e instanceof Error ? e.message : String(e)}` });
    } finally {
      bulk.close();
      job.current = null;
    }
  };

  const tables = step.kind === 'chosen' ? step.backup.tables : null;
  return (
    <section aria-label="Backup">
      <h2>Backup and restore</h2>
      <p data-testid="last-backup" className={lastBackupAt !== undefined && backupIsDue(lastBackupAt) ? 'warning' : 'muted'}>
        {lastBackupAt === undefined ? '…' : lastBackupAt === null ? 'No backup made yet.' : `Last backup: ${formatDay(lastBackupAt)}.`}
        {lastBackupAt !== undefined && backupIsDue(lastBackupAt) && ` Your base lives only in this browser: make a backup at least every ${BACKUP_REMINDER_DAYS} days.`}
      </p>
      <button type="button" disabled={making} onClick={() => void makeBackup()}>{making ? 'Making the backup…' : 'Download a full backup'}</button>
      {backupError && <p className="error" role="alert">{backupError}</p>}
      <AutoBackupSettings onBackedUp={setLastBackupAt} />

      <h3>Restore</h3>
      {step.kind === 'idle' && (
        <>
          <label>
            Restore from a backup file: <input type="file" accept=".json,application/json" aria-label="Backup file" onChange={(e) => void chooseBackup(e)} />
          </label>
          {passphrase.prompt}
          {step.error && <p className="error" role="alert" data-testid="restore-error">{step.error}</p>}
        </>
      )}
      {step.kind === 'chosen' && tables && (
        <div data-testid="restore-check">
          <p>
            {step.file}: backup of {formatDay(step.backup.createdAt)} with {tables.clients.length.toLocaleString()} clients, {tables.contacts.length.toLocaleString()} contacts,{' '}
            {tables.activities.length.toLocaleString()} activities and {tables.templates.length.toLocaleString()} templates. The whole file was checked.
          </p>
          <span className="buttons">
            <button type="button" onClick={() => void restore(step.text, 'replace')}>Replace my base</button>
            <button type="button" onClick={() => void restore(step.text, 'merge')}>Merge into my base</button>
            <button type="button" className="link" onClick={() => setStep({ kind: 'idle', error: null })}>Cancel</button>
          </span>
          <p className="muted small">Merge keeps the newer version of each record and everything that is only in your base; your settings stay.</p>
        </div>
      )}
      {step.kind === 'working' && (
        <>
          <ProgressBar progress={step.progress} />
          <button type="button" onClick={() => job.current?.cancel()}>Cancel</button>
        </>
      )}
      {step.kind === 'done' && (
        <p className="saved" data-testid="restore-report">
          Restored ({step.mode === 'replace' ? 'replaced' : 'merged'}): {step.summary.added.toLocaleString()} records added, {step.summary.updated.toLocaleString()} updated,{' '}
          {step.summary.kept.toLocaleString()} kept.
        </p>
      )}
    </section>
  );
}
