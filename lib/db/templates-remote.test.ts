import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, restoreBackup } from './backup';
import { saveTemplate } from './templates';
import { freshDb } from './test-helpers';

// Issue 12.10: no template is stored with a remote image or CSS url(), whether saved or restored.

const TRACKED = '<p>Dear {{contact.first_name}}</p><img src="https://tracker.example/p.gif?c={{client.name}}"><div style="background:url(https://tracker.example/b.gif)">Prices</div>';
const CLEAN = '<p>Dear {{contact.first_name}}</p><div >Prices</div>';
const fields = { name: 'Offer', subject: 'Offer', kind: 'offer' as const, countsAsOffer: true };

describe('templates with remote content', () => {
  it('are stored without it when saved', async () => {
    const db = freshDb();
    const saved = await saveTemplate(db, { ...fields, bodyHtml: TRACKED }, 'm1');
    expect((await db.templates.get(saved.id))?.bodyHtml).toBe(CLEAN);
    await saveTemplate(db, { ...fields, bodyHtml: `${CLEAN}<img src="//tracker.example/x.gif">` }, 'm1', saved.id);
    expect((await db.templates.get(saved.id))?.bodyHtml).toBe(CLEAN);
  });

  it.each(['replace', 'merge'] as const)('are cleaned and counted by a restore (%s); clean templates are restored as they are', async (mode) => {
    const source = freshDb();
    const tracked = await saveTemplate(source, { ...fields, bodyHtml: '<p>x</p>' }, 'm1');
    const plain = await saveTemplate(source, { ...fields, name: 'Plain', bodyHtml: '<p>Hello {{client.name}}</p>' }, 'm1');
    // A file written elsewhere (an older version, another tool) holds the tracker.
    await source.templates.update(tracked.id, { bodyHtml: TRACKED });
    const parsed = parseBackup(JSON.parse(JSON.stringify(await createBackup(source))));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

    const target = freshDb();
    const counts = await restoreBackup(target, parsed.backup, mode);
    expect(counts.templatesCleaned).toBe(1);
    expect((await target.templates.get(tracked.id))?.bodyHtml).toBe(CLEAN);
    expect((await target.templates.get(plain.id))?.bodyHtml).toBe('<p>Hello {{client.name}}</p>');
  });
});
