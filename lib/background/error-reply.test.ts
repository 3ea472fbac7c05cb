import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATABASE_CLOSED, DISK_FULL, errorReplyText } from './error-reply';

// Issue 12.14d: a full disk is said in plain words in every reply, however Dexie wraps it.

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('errorReplyText', () => {
  it('says the disk is full for a QuotaExceededError, bare or wrapped by Dexie', () => {
    expect(errorReplyText(quota())).toBe(DISK_FULL);
    expect(DISK_FULL).toBe('The disk is full: nothing was changed. Free some disk space and try again.');
    // A transaction aborted by its inner error, as Dexie reports it.
    expect(errorReplyText(new Dexie.AbortError('Transaction aborted', quota()))).toBe(DISK_FULL);
    expect(errorReplyText(new Dexie.QuotaExceededError('Quota exceeded'))).toBe(DISK_FULL);
    const bulk = new Dexie.BulkError('2 of 3 operations failed', [new Error('ok'), quota()]);
    expect(errorReplyText(bulk)).toBe(DISK_FULL);
    expect(errorReplyText(new Error('Saving failed', { cause: new Dexie.AbortError('aborted', quota()) }))).toBe(DISK_FULL);
  });

  it("keeps a handler's own message, and words a closed database plainly", () => {
    expect(errorReplyText(new Error('This client card no longer exists.'))).toBe('This client card no longer exists.');
    expect(errorReplyText(new Dexie.DatabaseClosedError())).toBe(DATABASE_CLOSED);
    expect(errorReplyText('boom')).toBe('boom');
  });
});
