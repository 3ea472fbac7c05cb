import { restoreBackupText } from '@/lib/db/backup';
import { applyImport } from '@/lib/db/import-clients';
import type { ImportSummary, RestoreSummary } from '@/lib/messaging/views';
import type { BulkSession } from '../bulk-session';
import type { HandlerContext, Handlers } from './context';

// Import and restore: the page sends the rows (or the backup text) in chunks over BULK_PORT, then
// asks for a dry run (the exact counts, rolled back) and the real run, each one transaction.
// Progress, the summary or the failure go back as bulk events; closing the page cancels.

function bulkOf(ctx: HandlerContext): BulkSession {
  if (!ctx.bulk) throw new Error('Bulk jobs run over the bulk port only.');
  return ctx.bulk;
}

/** After a real run: sidebars drop their cached cards, the badge recounts. */
async function baseChanged(ctx: HandlerContext): Promise<void> {
  await Promise.all([ctx.hub.dataChanged(), ctx.badgeChanged()]);
}

/** What follows a committed restore, each step on its own: one that fails does not stop the others. */
async function afterRestore(ctx: HandlerContext): Promise<string[]> {
  const steps: [string, () => Promise<unknown>][] = [
    ['the restored settings could not be applied', async () => ctx.settingsChanged(await ctx.reloadSettings())],
    ['open sidebars could not be refreshed', () => ctx.hub.dataChanged()],
    ['the toolbar badge could not be recounted', () => ctx.badgeChanged()],
  ];
  const problems: string[] = [];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      console.warn('[ClientDesk] after the restore:', what, error);
      problems.push(`${what} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return problems;
}

export const bulkHandlers: Pick<
  Handlers,
  | 'optionsToBackground.importChunk'
  | 'optionsToBackground.importRun'
  | 'optionsToBackground.restoreChunk'
  | 'optionsToBackground.restoreRun'
  | 'optionsToBackground.bulkCancel'
> = {
  async 'optionsToBackground.importChunk'(message, ctx) {
    bulkOf(ctx).addRows(message.jobId, message.rows);
    return null;
  },

  async 'optionsToBackground.importRun'(message, ctx) {
    const bulk = bulkOf(ctx);
    const rows = bulk.rowsOf(message.jobId);
    if (rows.length !== message.rowCount) {
      throw new Error(`Only ${rows.length} of ${message.rowCount} rows reached ClientDesk; nothing was changed. Try again.`);
    }
    const settings = await ctx.settings();
    // Not awaited: the page hears the outcome as bulk events, and may cancel meanwhile.
    void bulk.run(message.jobId, async (signal, onProgress): Promise<ImportSummary> => {
      const summary = await applyImport(ctx.db, rows, settings, { dryRun: message.dryRun, signal, onProgress });
      if (!message.dryRun) {
        bulk.forget(message.jobId);
        await baseChanged(ctx);
      }
      return summary;
    });
    return null;
  },

  async 'optionsToBackground.restoreChunk'(message, ctx) {
    bulkOf(ctx).addText(message.jobId, message.text);
    return null;
  },

  async 'optionsToBackground.restoreRun'(message, ctx) {
    const bulk = bulkOf(ctx);
    const text = bulk.textOf(message.jobId);
    void bulk.run(message.jobId, async (signal, onProgress): Promise<RestoreSummary> => {
      bulk.forget(message.jobId);
      // The page checked the file already; the background never trusts that: checked whole again.
      const result = await restoreBackupText(ctx.db, text, message.mode, { signal, onProgress });
      // Committed: the base IS the restored one now. What fails from here on is "restored, but…".
      const problems = await afterRestore(ctx);
      return problems.length ? { outcome: 'restored-but', ...result, problems } : { outcome: 'restored', ...result };
    });
    return null;
  },

  async 'optionsToBackground.bulkCancel'(message, ctx) {
    bulkOf(ctx).cancel(message.jobId);
    return null;
  },
};
