import { applyClientImport } from '@/lib/db/import-clients';
import { saveSettings } from '@/lib/db/settings';
import { deleteTemplate, listTemplates, saveTemplate } from '@/lib/db/templates';
import { renderTemplate } from '@/lib/domain/templates';
import { parseClientCsv } from '@/lib/io/client-csv';
import type { BaseStats, ImportReport } from '@/lib/messaging/views';
import { templateContextForClient } from '../template-context';
import { domainsOrThrow } from './cards';
import type { Handlers } from './context';

// Options: settings, the CSV import, and the template editor.

export const optionsHandlers: Pick<Handlers, `optionsToBackground.${string}` & keyof Handlers> = {
  async 'optionsToBackground.getSettings'(_message, ctx) {
    return ctx.settings();
  },

  async 'optionsToBackground.saveSettings'(message, ctx) {
    const patch = { ...message.patch };
    if (patch.ownDomains) patch.ownDomains = domainsOrThrow(patch.ownDomains);
    const settings = await saveSettings(ctx.db, patch);
    ctx.settingsChanged(settings);
    await Promise.all([ctx.hub.dataChanged(), ctx.badgeChanged()]);
    return settings;
  },

  async 'optionsToBackground.importClientsCsv'(message, ctx): Promise<ImportReport> {
    const settings = await ctx.settings();
    const parsed = parseClientCsv(message.text, { defaultRegion: settings.defaultPhoneRegion });
    const empty = { clientsAdded: 0, clientsUpdated: 0, contactsAdded: 0, contactsUpdated: 0 };
    if (parsed.fatal) return { ...empty, fatal: parsed.fatal, rejected: parsed.rejected, warnings: parsed.warnings };
    const counts = await applyClientImport(ctx.db, parsed.rows, settings);
    await ctx.hub.dataChanged();
    return { ...counts, fatal: null, rejected: parsed.rejected, warnings: parsed.warnings };
  },

  async 'optionsToBackground.getBaseStats'(_message, ctx): Promise<BaseStats> {
    const [clients, contacts] = await Promise.all([ctx.db.clients.count(), ctx.db.contacts.count()]);
    return { clients, contacts };
  },

  async 'optionsToBackground.listTemplates'(_message, ctx) {
    return listTemplates(ctx.db);
  },

  async 'optionsToBackground.saveTemplate'(message, ctx) {
    const template = await saveTemplate(ctx.db, message.fields, (await ctx.settings()).managerId, message.id);
    await ctx.hub.dataChanged();
    return template;
  },

  async 'optionsToBackground.deleteTemplate'(message, ctx) {
    await deleteTemplate(ctx.db, message.id);
    await ctx.hub.dataChanged();
    return null;
  },

  async 'optionsToBackground.previewTemplate'(message, ctx) {
    const settings = await ctx.settings();
    const client = message.clientId ? ((await ctx.db.clients.get(message.clientId)) ?? null) : null;
    const contacts = client ? await ctx.db.contacts.where('clientId').equals(client.id).filter((c) => !c.deletedAt).toArray() : [];
    return renderTemplate(message.fields, templateContextForClient(client, contacts, settings), message.values);
  },
};
