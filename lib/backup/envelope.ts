import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64';

// The encrypted backup file (issue 12.9): the plain backup JSON, encrypted with AES-256-GCM under a
// key derived from the user's passphrase with PBKDF2-SHA-256 (600,000 iterations: OWASP's 2023
// password storage cheat sheet), a random 16-byte salt and a random 12-byte IV, in a JSON envelope
// whose `format` tells it from a plain backup. PBKDF2 gives 512 bits: the first 256 are the AES
// key, the next 128 a check value stored in the file, so a wrong passphrase is told apart from a
// damaged file (GCM alone fails the same way for both), as WinZip's AES password verifier does.

export const ENCRYPTED_FORMAT = 'clientdesk-backup-encrypted';
export const ENCRYPTED_FORMAT_VERSION = 1;
export const PBKDF2_ITERATIONS = 600_000;
// A file may name its own iteration count (a later version may raise it); a bound keeps a forged
// file from freezing the page with billions of rounds, or weakening the check with a handful.
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
export const MIN_PASSPHRASE_LENGTH = 8;
// Authenticated with the ciphertext: a header edited to another format or version fails to decrypt.
const ADDITIONAL_DATA = new TextEncoder().encode(`${ENCRYPTED_FORMAT}/${ENCRYPTED_FORMAT_VERSION}`);

export const WRONG_PASSPHRASE = 'Wrong passphrase: this backup was encrypted with another one. Nothing was changed.';
export const DAMAGED_BACKUP = 'This encrypted backup is damaged or was altered, so it cannot be decrypted. Nothing was changed.';

export class WrongPassphraseError extends Error {
  constructor() {
    super(WRONG_PASSPHRASE);
  }
}

export class DamagedBackupError extends Error {
  constructor(detail?: string) {
    super(detail ? `${DAMAGED_BACKUP} (${detail})` : DAMAGED_BACKUP);
  }
}

/** A key ready to encrypt backups, with what a reader needs to derive it again from the passphrase. */
export interface BackupKey {
  /** AES-GCM, not extractable: whoever holds it can encrypt and decrypt, but never read it out. */
  key: CryptoKey;
  salt: string;
  iterations: number;
  check: string;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
const envelopeSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  formatVersion: z.literal(ENCRYPTED_FORMAT_VERSION, { error: 'this encrypted backup format version is not known to this version of ClientDesk' }),
  createdAt: z.string().optional(),
  kdf: z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS), salt: base64 }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: base64 }),
  check: base64,
  data: base64,
});
export type EncryptedBackup = z.infer<typeof envelopeSchema>;

/** Why a new passphrase cannot be used, or null. */
export function passphraseProblem(passphrase: string, confirmation: string): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirmation) return 'The two passphrases are not the same.';
  return null;
}

// The same passphrase typed on two keyboards may arrive composed or decomposed (й, ё).
const passphraseBytes = (passphrase: string) => new TextEncoder().encode(passphrase.normalize('NFC'));

export async function deriveBackupKey(passphrase: string, salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(SALT_BYTES)), iterations = PBKDF2_ITERATIONS): Promise<BackupKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 384));
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const check = bytesToBase64(bits.slice(32, 48));
  bits.fill(0);
  return { key, salt: bytesToBase64(salt), iterations, check };
}

/** The envelope's JSON text. The header comes first, so `isEncryptedBackupText` sees it at once. */
export async function encryptBackupText(plainText: string, key: BackupKey, createdAt: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA }, key.key, new TextEncoder().encode(plainText)));
  const envelope: EncryptedBackup = {
    format: ENCRYPTED_FORMAT,
    formatVersion: ENCRYPTED_FORMAT_VERSION,
    createdAt,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: key.iterations, salt: key.salt },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    check: key.check,
    data: bytesToBase64(data),
  };
  return JSON.stringify(envelope);
}

/** True when the text is (or claims to be) an encrypted backup: its `format` is near the start. */
export function isEncryptedBackupText(text: string): boolean {
  return /"format"\s*:\s*"clientdesk-backup-encrypted"/.test(text.slice(0, 4096));
}

/** The envelope, checked; a malformed one is a DamagedBackupError naming the problem. */
export function parseEnvelope(text: string): EncryptedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DamagedBackupError('it is not valid JSON; it may have been cut short');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DamagedBackupError(`${issue?.path.map(String).join('.') || 'file'}: ${issue?.message ?? 'unexpected content'}`);
  }
  return parsed.data;
}

/** The plain backup JSON text. Throws WrongPassphraseError or DamagedBackupError, never returns garbage. */
export async function decryptBackupText(envelope: EncryptedBackup, passphrase: string): Promise<string> {
  let salt, iv, data;
  try {
    [salt, iv, data] = [base64ToBytes(envelope.kdf.salt), base64ToBytes(envelope.cipher.iv), base64ToBytes(envelope.data)];
  } catch {
    throw new DamagedBackupError('it holds invalid base64');
  }
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES) throw new DamagedBackupError('the salt or IV has the wrong length');
  const key = await deriveBackupKey(passphrase, salt, envelope.kdf.iterations);
  if (key.check !== envelope.check) throw new WrongPassphraseError();
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA }, key.key, data);
  } catch {
    throw new DamagedBackupError();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new DamagedBackupError('the decrypted content is not text');
  }
}
