import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import { DAMAGED_BACKUP, PBKDF2_ITERATIONS, WRONG_PASSPHRASE, decryptBackupText, deriveBackupKey, encryptBackupText, isEncryptedBackupText, parseEnvelope, passphraseProblem } from './envelope';
import { PassphraseCancelledError, readBackupText } from './read-backup-text';

const PLAIN = JSON.stringify({ format: 'clientdesk-backup', formatVersion: 1, tables: { clients: [{ name: 'Росстальмонтаж', notes: 'ёлка' }] } });
const AT = '2026-12-02T18:30:00.000Z';

async function encrypted(passphrase = 'correct horse battery', iterations = 100_000): Promise<string> {
  return encryptBackupText(PLAIN, await deriveBackupKey(passphrase, undefined, iterations), AT);
}

/** The envelope with one byte of its ciphertext flipped. */
function tampered(text: string): string {
  const envelope = JSON.parse(text) as { data: string };
  const bytes = base64ToBytes(envelope.data);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  return JSON.stringify({ ...envelope, data: bytesToBase64(bytes) });
}

describe('the encrypted backup envelope', () => {
  it('round-trips the plain text with the default PBKDF2-SHA-256 600,000 iterations, AES-256-GCM, random salt and IV', async () => {
    const key = await deriveBackupKey('correct horse battery');
    expect(key.iterations).toBe(PBKDF2_ITERATIONS);
    expect(key.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(key.key.extractable).toBe(false);
    const first = await encryptBackupText(PLAIN, key, AT);
    const second = await encryptBackupText(PLAIN, key, AT);
    const envelope = parseEnvelope(first);
    expect(envelope).toMatchObject({ format: 'clientdesk-backup-encrypted', formatVersion: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 }, cipher: { name: 'AES-GCM' } });
    expect(base64ToBytes(envelope.kdf.salt)).toHaveLength(16);
    expect(base64ToBytes(envelope.cipher.iv)).toHaveLength(12);
    expect(parseEnvelope(second).cipher.iv).not.toBe(envelope.cipher.iv);
    expect(first).not.toContain('Росстальмонтаж');
    expect(isEncryptedBackupText(first)).toBe(true);
    expect(await decryptBackupText(envelope, 'correct horse battery')).toBe(PLAIN);
  });

  it('a new key gets a new salt', async () => {
    const [a, b] = await Promise.all([deriveBackupKey('same passphrase', undefined, 100_000), deriveBackupKey('same passphrase', undefined, 100_000)]);
    expect(a.salt).not.toBe(b.salt);
  });

  it('a passphrase typed composed or decomposed opens the same file', async () => {
    const file = await encrypted('ёжик в тумане'.normalize('NFD'));
    expect(await decryptBackupText(parseEnvelope(file), 'ёжик в тумане'.normalize('NFC'))).toBe(PLAIN);
  });

  it('a wrong passphrase is a clear error, not garbage', async () => {
    const file = await encrypted();
    await expect(decryptBackupText(parseEnvelope(file), 'wrong horse battery')).rejects.toThrow(WRONG_PASSPHRASE);
  });

  it('a tampered ciphertext, IV or header is "damaged or altered", not garbage', async () => {
    const file = await encrypted();
    await expect(decryptBackupText(parseEnvelope(tampered(file)), 'correct horse battery')).rejects.toThrow(DAMAGED_BACKUP);
    const iv = JSON.parse(file) as { cipher: { iv: string } };
    const otherIv = { ...iv, cipher: { ...iv.cipher, iv: bytesToBase64(crypto.getRandomValues(new Uint8Array(12))) } };
    await expect(decryptBackupText(parseEnvelope(JSON.stringify(otherIv)), 'correct horse battery')).rejects.toThrow(DAMAGED_BACKUP);
    expect(() => parseEnvelope(file.slice(0, file.length - 40))).toThrow(DAMAGED_BACKUP);
    expect(() => parseEnvelope(file.replace('"formatVersion":1', '"formatVersion":9'))).toThrow(/format version is not known/);
  });

  it('refuses an iteration count a forged file could use to freeze the page or weaken the check', async () => {
    const file = JSON.parse(await encrypted()) as { kdf: { iterations: number } };
    for (const iterations of [10, 2_000_000_000]) {
      expect(() => parseEnvelope(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations } }))).toThrow(DAMAGED_BACKUP);
    }
  });

  it('checks a new passphrase and its confirmation', () => {
    expect(passphraseProblem('short', 'short')).toMatch(/at least 8 characters/);
    expect(passphraseProblem('long enough', 'long enougH')).toMatch(/not the same/);
    expect(passphraseProblem('long enough', 'long enough')).toBeNull();
  });
});

describe('readBackupText', () => {
  it('passes a plain backup through without asking for a passphrase', async () => {
    const ask = vi.fn(() => Promise.resolve('x'));
    expect(await readBackupText(PLAIN, ask)).toBe(PLAIN);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks for the passphrase of an encrypted one, again after a wrong one, and returns the plain text', async () => {
    const file = await encrypted();
    const ask = vi.fn<(problem: string | null) => Promise<string | null>>().mockResolvedValueOnce('wrong one!').mockResolvedValueOnce('correct horse battery');
    expect(await readBackupText(file, ask)).toBe(PLAIN);
    expect(ask.mock.calls).toEqual([[null], [WRONG_PASSPHRASE]]);
  });

  it('stops when the user cancels the prompt, and on a damaged file without asking twice', async () => {
    const file = await encrypted();
    await expect(readBackupText(file, () => Promise.resolve(null))).rejects.toBeInstanceOf(PassphraseCancelledError);
    const ask = vi.fn(() => Promise.resolve('correct horse battery'));
    await expect(readBackupText(tampered(file), ask)).rejects.toThrow(DAMAGED_BACKUP);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
