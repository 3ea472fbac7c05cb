import { saveSettings } from '@/lib/db/settings';
import { deleteTemplate, listTemplates, saveTemplate } from '@/lib/db/templates';
import { renderTemplate } from '@/lib/domain/templates';
import type { BaseStats } from '@/lib/messaging/views';
import { templateContextForClient } from '../template-context';
import { domainsOrThrow } from './cards';
import type { Handlers } from './context';

// Options: settings, base statistics, and the template editor (bulk jobs: bulk.ts; clients: workspace.ts).

export const optionsHandlers: Pick<
  Handlers,
  | 'optionsToBackground.getSettings'
  | 'optionsToBackground.saveSettings'
  | 'optionsToBackground.getBaseStats'
  | 'optionsToBackground.listTemplates'
  | 'optionsToBackground.saveTemplate'
  | 'optionsToBackground.deleteTemplate'
  | 'optionsToBackground.previewTemplate'
> = {
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
