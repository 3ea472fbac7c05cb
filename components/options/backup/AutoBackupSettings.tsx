import { useEffect, useState, type FormEvent } from 'react';
import { passphraseProblem } from '@/lib/backup/envelope';
import { BACKUP_FOLDER, MAX_KEEP, MIN_KEEP, type AutoBackupPrefs, type BackupFrequency } from '@/lib/backup/schedule';
import type { AutoBackupView } from '@/lib/db/auto-backup-store';
import { useAction } from '../../use-action';

// Automatic backups (issue 12.9): the schedule, how many files to keep, the passphrase that
// encrypts them, "Back up now", and the last result (its error stays shown until a backup works).

const FREQUENCY_LABELS: Record<BackupFrequency, string> = { off: 'Off', daily: 'Every day', weekly: 'Every week' };
const KEY_WHERE =
  'ClientDesk does not keep your passphrase: it keeps a key made from it, in this browser profile’s extension storage, so automatic backups are encrypted without asking you. Restoring a file asks for the passphrase.';
const LOST_PASSPHRASE = 'A lost passphrase cannot be recovered: files encrypted with it can never be opened again.';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `onBackedUp`: a backup was saved at this time (the panel's "Last backup" line counts from it). */
export function AutoBackupSettings({ onBackedUp }: { onBackedUp?(at: string): void }) {
  const [view, setView] = useState<AutoBackupView | null>(null);
  const action = useAction();
  const { run } = action;
  useEffect(() => {
    void run<AutoBackupView>({ type: 'optionsToBackground.getAutoBackup' }, setView);
  }, [run]);
  if (!view) return action.error ? <p className="error" role="alert">{action.error}</p> : null;

  const savePrefs = (prefs: AutoBackupPrefs) => void action.run<AutoBackupView>({ type: 'optionsToBackground.saveAutoBackupPrefs', ...prefs }, setView);
  const backedUp = (next: AutoBackupView) => {
    setView(next);
    if (next.status.lastAt && !next.status.lastError) onBackedUp?.(next.status.lastAt);
  };
  const { status } = view;
  return (
    <section aria-label="Automatic backups" data-testid="auto-backup">
      <h3>Automatic backups</h3>
      <p className="muted small">
        Saved without asking to the <code>{BACKUP_FOLDER}</code> folder in your Downloads folder; the oldest of ClientDesk’s own files there are removed so that only the
        newest {view.prefs.keep} stay. A missed backup (the browser was closed) is made soon after the browser starts.
      </p>
      <div className="grid">
        <label htmlFor="auto-backup-frequency">Back up</label>
        <select id="auto-backup-frequency" value={view.prefs.frequency} disabled={action.busy} onChange={(e) => savePrefs({ ...view.prefs, frequency: e.target.value as BackupFrequency })}>
          {Object.entries(FREQUENCY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
        <label htmlFor="auto-backup-keep">Files to keep</label>
        <input
          id="auto-backup-keep"
          type="number"
          min={MIN_KEEP}
          max={MAX_KEEP}
          defaultValue={view.prefs.keep}
          key={view.prefs.keep}
          onBlur={(e) => {
            const keep = Number(e.target.value);
            if (keep !== view.prefs.keep) savePrefs({ ...view.prefs, keep });
          }}
        />
      </div>
      <p>
        <button type="button" disabled={action.busy} onClick={() => void action.run<AutoBackupView>({ type: 'optionsToBackground.backupNow' }, backedUp)}>
          {action.busy ? 'Working…' : 'Back up now'}
        </button>
      </p>
      <p data-testid="auto-backup-last" className="muted">
        {status.lastAt ? <>Last automatic backup: {when(status.lastAt)}, <code>{status.lastFileName}</code>{view.encrypted ? ' (encrypted)' : ''}.</> : 'No automatic backup yet.'}
      </p>
      {status.lastError && (
        <p className="error" role="alert" data-testid="auto-backup-error">
          {when(status.lastError.at)}: {status.lastError.message}
        </p>
      )}
      {action.error && <p className="error" role="alert">{action.error}</p>}
      <PassphraseSettings encrypted={view.encrypted} busy={action.busy} onChange={(message) => void action.run<AutoBackupView>(message, setView)} />
    </section>
  );
}

type PassphraseMessage = { type: 'optionsToBackground.setBackupPassphrase'; passphrase: string } | { type: 'optionsToBackground.removeBackupPassphrase' };

function PassphraseSettings({ encrypted, busy, onChange }: { encrypted: boolean; busy: boolean; onChange(message: PassphraseMessage): void }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const passphrase = String(form.get('passphrase') ?? '');
    const wrong = passphraseProblem(passphrase, String(form.get('confirmation') ?? ''));
    setProblem(wrong);
    if (wrong) return;
    onChange({ type: 'optionsToBackground.setBackupPassphrase', passphrase });
    setEditing(false);
  };
  const remove = () => {
    if (!confirm('Stop encrypting backups? The next backup files will be readable by anyone who gets them. Files already encrypted still need their passphrase.')) return;
    onChange({ type: 'optionsToBackground.removeBackupPassphrase' });
  };

  return (
    <div data-testid="backup-passphrase">
      <h4>Encryption</h4>
      <p data-testid="backup-encryption-state">
        {encrypted ? 'Backup files are encrypted with your passphrase (AES-256).' : 'Backup files are not encrypted: anyone who gets a file can read your base.'}
      </p>
      {editing ? (
        <form className="grid" onSubmit={submit} aria-label="Backup passphrase">
          <label htmlFor="backup-passphrase">{encrypted ? 'New passphrase' : 'Passphrase'}</label>
          <input id="backup-passphrase" name="passphrase" type="password" autoComplete="new-password" />
          <label htmlFor="backup-passphrase-confirmation">The same again</label>
          <input id="backup-passphrase-confirmation" name="confirmation" type="password" autoComplete="new-password" />
          <span />
          <span className="buttons">
            <button type="submit" disabled={busy}>Save passphrase</button>
            <button type="button" className="link" onClick={() => (setEditing(false), setProblem(null))}>Cancel</button>
          </span>
          {problem && <p className="error" role="alert">{problem}</p>}
        </form>
      ) : (
        <span className="buttons">
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>{encrypted ? 'Change passphrase…' : 'Encrypt with a passphrase…'}</button>
          {encrypted && <button type="button" className="danger" disabled={busy} onClick={remove}>Remove passphrase…</button>}
        </span>
      )}
      <p className="muted small">{KEY_WHERE} {LOST_PASSPHRASE}</p>
    </div>
  );
}
