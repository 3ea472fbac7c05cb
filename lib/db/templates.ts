import { removeRemoteContent } from '@/lib/domain/remote-content';
import type { Template, TemplateKind } from '@/lib/domain/types';
import { nowIso, type ClientDeskDb } from './database';
import { newRecord } from './records';

// Offer templates: the user's own, seeded with three defaults on first run (see settings.ts).

export interface TemplateFields {
  name: string;
  subject: string;
  bodyHtml: string;
  kind: TemplateKind;
  countsAsOffer: boolean;
}

export function listTemplates(db: ClientDeskDb): Promise<Template[]> {
  return db.templates.filter((t) => !t.deletedAt).sortBy('name');
}

export async function getTemplate(db: ClientDeskDb, id: string): Promise<Template> {
  const template = await db.templates.get(id);
  if (!template || template.deletedAt) throw new Error('This template no longer exists.');
  return template;
}

/** Creates a template (no id) or saves an existing one. */
export async function saveTemplate(db: ClientDeskDb, input: TemplateFields, ownerId: string, id?: string): Promise<Template> {
  // Whoever sends it, nothing remote is stored (the editor says so before it sends; issue 12.10).
  const fields = { ...input, bodyHtml: removeRemoteContent(input.bodyHtml).html };
  return db.transaction('rw', db.templates, async () => {
    if (!id) {
      const template: Template = { ...newRecord(ownerId), ...fields, useCount: 0, lastUsedAt: null };
      await db.templates.add(template);
      return template;
    }
    const next = { ...(await getTemplate(db, id)), ...fields, updatedAt: nowIso() };
    await db.templates.put(next);
    return next;
  });
}

export async function deleteTemplate(db: ClientDeskDb, id: string): Promise<void> {
  await db.templates.update(id, { deletedAt: nowIso(), updatedAt: nowIso() });
}

/** Counts a use: the sidebar lists the most used first. */
export async function markTemplateUsed(db: ClientDeskDb, id: string): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const template = await getTemplate(db, id);
    await db.templates.update(id, { useCount: template.useCount + 1, lastUsedAt: nowIso() });
  });
}
