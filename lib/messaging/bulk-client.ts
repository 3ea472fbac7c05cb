import { browser, type Browser } from 'wxt/browser';
import type { ImportRow } from '@/lib/io/import-row';
import { BULK_PORT } from './ports';
import { IMPORT_CHUNK_ROWS, RESTORE_CHUNK_CHARS, type Message } from './protocol';
import type { BackgroundToOptionsBulkEvent, BulkEvent, ImportSummary, RestoreSummary } from './views';

// The page side of a bulk job (Options, welcome): one port per job, chunks sent one at a time
// (each acknowledged, so a large file never queues up in memory twice), progress reported, and
// cancel() rolls the job back. Closing the page closes the port, which cancels too.

export interface BulkProgress {
  phase: 'sending' | 'checking' | 'importing' | 'restoring';
  done: number;
  total: number;
}

export class BulkJobCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was changed.');
    this.name = 'AbortError';
  }
}

export class BulkJob {
  private readonly port: Browser.runtime.Port;
  private readonly jobId = crypto.randomUUID();
  private waiting: { resolve: (event: BulkEvent) => void; reject: (error: Error) => void; accept: (event: BulkEvent) => boolean } | null = null;
  private progressListener: ((done: number, total: number) => void) | null = null;
  private closed = false;
  private cancelled = false;

  constructor() {
    this.port = browser.runtime.connect({ name: BULK_PORT });
    this.port.onMessage.addListener((raw: unknown) => this.receive(raw as BackgroundToOptionsBulkEvent));
    this.port.onDisconnect.addListener(() => {
      this.closed = true;
      this.waiting?.reject(new Error('ClientDesk stopped answering during the job; nothing was changed. Try again.'));
      this.waiting = null;
    });
  }

  private receive(message: BackgroundToOptionsBulkEvent): void {
    if (message?.type !== 'backgroundToOptions.bulkEvent' || message.jobId !== this.jobId) return;
    const { event } = message;
    if (event.kind === 'progress') this.progressListener?.(event.done, event.total);
    const waiting = this.waiting;
    if (!waiting) return;
    if (event.kind === 'failed') {
      this.waiting = null;
      waiting.reject(event.cancelled ? new BulkJobCancelled() : new Error(event.error));
    } else if (waiting.accept(event)) {
      this.waiting = null;
      waiting.resolve(event);
    }
  }

  /** Posts a message and waits for the event that answers it. */
  private request(message: Message, accept: (event: BulkEvent) => boolean): Promise<BulkEvent> {
    if (this.closed) return Promise.reject(new Error('This job is over.'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject, accept };
      this.port.postMessage(message);
    });
  }

  private async run<T>(message: Message, onProgress: (done: number, total: number) => void): Promise<T> {
    if (this.cancelled) throw new BulkJobCancelled();
    this.progressListener = onProgress;
    const done = await this.request(message, (e) => e.kind === 'done');
    return (done as Extract<BulkEvent, { kind: 'done' }>).summary as T;
  }

  /** Sends the rows (once; a dry run and the real run share them). */
  async sendRows(rows: readonly ImportRow[], onProgress: (p: BulkProgress) => void): Promise<void> {
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
      if (this.cancelled) throw new BulkJobCancelled();
      const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
      await this.request({ type: 'optionsToBackground.importChunk', jobId: this.jobId, rows: chunk }, (e) => e.kind === 'received');
      onProgress({ phase: 'sending', done: start + chunk.length, total: rows.length });
    }
  }

  /** The exact counts the import would give (rolled back), or the real import. */
  importRows(rowCount: number, dryRun: boolean, onProgress: (p: BulkProgress) => void): Promise<ImportSummary> {
    const phase = dryRun ? 'checking' : 'importing';
    return this.run({ type: 'optionsToBackground.importRun', jobId: this.jobId, dryRun, rowCount }, (done, total) => onProgress({ phase, done, total }));
  }

  async restore(text: string, mode: 'replace' | 'merge', onProgress: (p: BulkProgress) => void): Promise<RestoreSummary> {
    for (let start = 0; start < text.length; start += RESTORE_CHUNK_CHARS) {
      if (this.cancelled) throw new BulkJobCancelled();
      await this.request({ type: 'optionsToBackground.restoreChunk', jobId: this.jobId, text: text.slice(start, start + RESTORE_CHUNK_CHARS) }, (e) => e.kind === 'received');
      onProgress({ phase: 'sending', done: Math.min(text.length, start + RESTORE_CHUNK_CHARS), total: text.length });
    }
    return this.run({ type: 'optionsToBackground.restoreRun', jobId: this.jobId, mode }, (done, total) => onProgress({ phase: 'restoring', done, total }));
  }

  /** Stops sending chunks, and rolls back a job that runs. */
  cancel(): void {
    this.cancelled = true;
    if (!this.closed) this.port.postMessage({ type: 'optionsToBackground.bulkCancel', jobId: this.jobId } satisfies Message);
  }

  close(): void {
    this.closed = true;
    this.port.disconnect();
  }
}
