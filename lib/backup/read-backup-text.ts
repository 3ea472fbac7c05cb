import { WrongPassphraseError, decryptBackupText, isEncryptedBackupText, parseEnvelope } from './envelope';

// Restore reads both kinds of file: a plain backup passes through as it is (the restore checks
// it), an encrypted one asks for its passphrase (again after a wrong one) and is decrypted first.

export class PassphraseCancelledError extends Error {
  constructor() {
    super('No passphrase was given, so the encrypted backup was not opened. Nothing was changed.');
  }
}

/**
 * Asks the user for the passphrase of an encrypted file; `problem` says why it asks again
 * (the last one was wrong). Resolves null when the user cancels.
 */
export type AskPassphrase = (problem: string | null) => Promise<string | null>;

/** The plain backup JSON text of a file, plain or encrypted. */
export async function readBackupText(fileText: string, askPassphrase: AskPassphrase): Promise<string> {
  if (!isEncryptedBackupText(fileText)) return fileText;
  const envelope = parseEnvelope(fileText);
  let problem: string | null = null;
  for (;;) {
    const passphrase = await askPassphrase(problem);
    if (passphrase === null) throw new PassphraseCancelledError();
    try {
      return await decryptBackupText(envelope, passphrase);
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      problem = error.message;
    }
  }
}
