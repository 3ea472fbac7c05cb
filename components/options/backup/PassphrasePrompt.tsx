import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { AskPassphrase } from '@/lib/backup/read-backup-text';

// Asks for the passphrase of an encrypted backup file being restored (issue 12.9):
// `ask` (lib/backup/read-backup-text.ts's AskPassphrase) shows the prompt and resolves with what
// the user typed, or null when they cancel; after a wrong passphrase it shows why it asks again.

interface Pending {
  problem: string | null;
  resolve(passphrase: string | null): void;
}

export function usePassphrasePrompt(): { ask: AskPassphrase; prompt: React.ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback<AskPassphrase>((problem) => new Promise((resolve) => setPending({ problem, resolve })), []);
  const answer = (passphrase: string | null) => {
    pending?.resolve(passphrase);
    setPending(null);
  };
  return { ask, prompt: pending && <PassphrasePrompt key={pending.problem ?? ''} problem={pending.problem} onAnswer={answer} /> };
}

function PassphrasePrompt({ problem, onAnswer }: { problem: string | null; onAnswer(passphrase: string | null): void }) {
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAnswer(input.current?.value ?? '');
  };
  return (
    <form onSubmit={submit} aria-label="Passphrase of the backup" data-testid="passphrase-prompt">
      <p>This backup is encrypted. Enter the passphrase it was made with.</p>
      <label>
        Passphrase: <input ref={input} type="password" autoComplete="current-password" autoFocus aria-label="Passphrase" />
      </label>{' '}
      <span className="buttons">
        <button type="submit">Open the backup</button>
        <button type="button" className="link" onClick={() => onAnswer(null)}>Cancel</button>
      </span>
      {problem && <p className="error" role="alert" data-testid="passphrase-error">{problem}</p>}
    </form>
  );
}
