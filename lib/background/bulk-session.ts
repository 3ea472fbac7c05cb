import type { ImportRow } from '@/lib/io/import-row';
import type { BulkEvent, ImportSummary, RestoreSummary } from '@/lib/messaging/views';
import { errorReplyText } from './error-reply';

// One bulk port (an Options or welcome page running an import or a restore): the chunks each job
// has received so far, the job running now, and how to tell the page. When the page closes, the
// running job is cancelled (its transaction rolls back) and the buffers are dropped.

// A file larger than this would not fit a manager's base anyway; refusing keeps the worker alive.
const MAX_ROWS = 1_000_000;
const MAX_TEXT_CHARS = 1_000_000_000;

export type JobWork = (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<ImportSummary | RestoreSummary>;

export class BulkSession {
  private readonly rows = new Map<string, ImportRow[]>();
  private readonly texts = new Map<string, { parts: string[]; chars: number }>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly post: (jobId: string, event: BulkEvent) => void) {}

  addRows(jobId: string, rows: readonly ImportRow[]): void {
    const held = this.rows.get(jobId) ?? [];
    if (held.length + rows.length > MAX_ROWS) throw new Error(`A file of more than ${MAX_ROWS.toLocaleString('en')} rows cannot be imported at once; split it.`);
    held.push(...rows);
    this.rows.set(jobId, held);
    this.post(jobId, { kind: 'received', count: held.length });
  }

  /** The rows received for a job; kept after a dry run, so that the real run needs no second upload. */
  rowsOf(jobId: string): ImportRow[] {
    return this.rows.get(jobId) ?? [];
  }

  addText(jobId: string, text: string): void {
    const held = this.texts.get(jobId) ?? { parts: [], chars: 0 };
    if (held.chars + text.length > MAX_TEXT_CHARS) throw new Error('This backup is too large to restore.');
    held.parts.push(text);
    held.chars += text.length;
    this.texts.set(jobId, held);
    this.post(jobId, { kind: 'received', count: held.chars });
  }

  textOf(jobId: string): string {
    return this.texts.get(jobId)?.parts.join('') ?? '';
  }

  /** Runs a job (one at a time per job id) and reports its progress, its summary or its failure. */
  async run(jobId: string, work: JobWork): Promise<void> {
    if (this.running.has(jobId)) throw new Error('This job is already running.');
    const controller = new AbortController();
    this.running.set(jobId, controller);
    let lastPost = 0;
    const progress = (done: number, total: number) => {
      // Enough for a smooth bar; each post also keeps the service worker awake.
      const now = Date.now();
      if (done < total && now - lastPost < 100) return;
      lastPost = now;
      this.post(jobId, { kind: 'progress', done, total });
    };
    try {
      const summary = await work(controller.signal, progress);
      this.post(jobId, { kind: 'done', summary });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      const message = errorReplyText(error);
      this.post(jobId, { kind: 'failed', error: cancelled ? 'Cancelled: nothing was changed.' : message, cancelled });
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Drops a finished job's buffers. */
  forget(jobId: string): void {
    this.rows.delete(jobId);
    this.texts.delete(jobId);
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  /** The page went away: cancel what runs, forget what was sent. */
  close(): void {
    for (const controller of this.running.values()) controller.abort();
    this.rows.clear();
    this.texts.clear();
  }
}
