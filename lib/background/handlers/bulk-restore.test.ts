import { describe, expect, it, vi } from 'vitest';
import { createBackup } from '@/lib/db/backup';
import { getSettings } from '@/lib/db/settings';
import { buildClient } from '@/lib/db/records';
import { allTables, freshDb } from '@/lib/db/test-helpers';
import { messageSchema } from '@/lib/messaging/protocol';
import type { BulkEvent } from '@/lib/messaging/views';
import { BulkSession } from '../bulk-session';
import type { HandlerContext } from './context';
import { handleMessage } from './index';

// The restore over the bulk port (issue 12.6): "restored", "restored, but…" (a step after the
// commit failed) and "nothing was changed" are three outcomes the page can tell apart.

async function setup({ badgeFails = false } = {}) {
  const db = freshDb();
  const settings = await getSettings(db);
  await db.clients.add(buildClient({ name: 'Rosstal' }, settings.managerId));
  const text = JSON.stringify(await createBackup(db));
  await db.clients.add(buildClient({ name: 'Added after the backup' }, settings.managerId));
  const events: BulkEvent[] = [];
  const bulk = new BulkSession((_jobId, event) => events.push(event));
  const ctx = {
    db,
    bulk,
    settings: async () => settings,
    reloadSettings: () => getSettings(db),
    settingsChanged: vi.fn(),
    badgeChanged: vi.fn(async () => {
      if (badgeFails) throw new Error('the badge is gone');
    }),
    hub: { dataChanged: vi.fn(async () => {}) },
  } as unknown as HandlerContext;
  const send = (raw: unknown) => handleMessage(messageSchema.parse(raw), ctx);
  /** Sends the text and runs the restore; resolves with the job's last event. */
  const restore = async (body: string) => {
    await send({ type: 'optionsToBackground.restoreChunk', jobId: 'j', text: body });
    await send({ type: 'optionsToBackground.restoreRun', jobId: 'j', mode: 'replace' });
    await vi.waitFor(() => expect(['done', 'failed']).toContain(events.at(-1)?.kind), { timeout: 20_000 });
    return events.at(-1)!;
  };
  return { db, text, restore, ctx };
}

describe('the restore handler', () => {
  it('restored: the counts of every table', async () => {
    const { db, text, restore } = await setup();
    const event = await restore(text);
    expect(event).toMatchObject({ kind: 'done', summary: { outcome: 'restored', byTable: { clients: { added: 1 } } } });
    expect(await db.clients.count()).toBe(1);
  });

  it('restored, but…: a step after the commit failed, and the base is the backup all the same', async () => {
    const { db, text, restore } = await setup({ badgeFails: true });
    const event = await restore(text);
    expect(event).toMatchObject({ kind: 'done', summary: { outcome: 'restored-but', problems: [expect.stringContaining('the toolbar badge could not be recounted (the badge is gone)')] } });
    expect((await db.clients.toArray()).map((c) => c.name)).toEqual(['Rosstal']);
  });

  it('nothing was changed: a file that does not check', async () => {
    const { db, text, restore } = await setup();
    const before = await allTables(db);
    const file = JSON.parse(text) as { tables: { settings: { key: string; value: Record<string, unknown> }[] } };
    file.tables.settings[0]!.value.timeZone = 'Europe/Moskva';
    const event = await restore(JSON.stringify(file));
    expect(event).toEqual({ kind: 'failed', cancelled: false, error: expect.stringMatching(/^Nothing was changed: this backup cannot be restored: settings, row 1, value\.timeZone: /) });
    expect(await allTables(db)).toEqual(before);
  });
});
