import { addNote, createClientWithContact, updateClient } from '@/lib/db/clients';
import { searchClients } from '@/lib/db/search';
import { normalizeEmail } from '@/lib/domain/address';
import { normalizeDomain } from '@/lib/domain/email';
import { parsePhoneList } from '@/lib/domain/phone';
import type { ClientSearchHit } from '@/lib/messaging/views';
import type { Handlers } from './context';
import { emailsOrThrow, phonesOrThrow } from './workspace';

// Client cards: what the page shows, and the card actions of the sidebar.

export function domainsOrThrow(values: readonly string[]): string[] {
  return values.map((value) => {
    const domain = normalizeDomain(value);
    if (!domain) throw new Error(`"${value}" is not a domain such as example.com`);
    return domain;
  });
}

export const cardHandlers: Pick<
  Handlers,
  'contentToBackground.pageSnapshot' | 'sidebarToBackground.createClient' | 'pageToBackground.updateClient' | 'pageToBackground.addNote' | 'pageToBackground.searchClients'
> = {
  async 'contentToBackground.pageSnapshot'(message, ctx) {
    if (ctx.tabId === undefined) throw new Error('No tab');
    await ctx.hub.setSnapshot(ctx.tabId, message.snapshot, message.emittedAt);
    return null;
  },

  async 'sidebarToBackground.createClient'(message, ctx) {
    const settings = await ctx.settings();
    const contact = message.contact;
    let contactFields = null;
    if (contact) {
      const email = contact.email ? normalizeEmail(contact.email) : null;
      if (contact.email && !email) throw new Error(`"${contact.email}" is not an e-mail address`);
      const { phones, errors } = parsePhoneList(contact.phone, settings.defaultPhoneRegion);
      if (errors.length) throw new Error(errors.join('; '));
      contactFields = { name: contact.name.trim(), position: contact.position.trim(), emails: email ? [email] : [], phones };
    }
    const card = await createClientWithContact(
      ctx.db,
      { name: message.client.name.trim(), status: message.client.status, domains: domainsOrThrow(message.client.domains) },
      contactFields,
      settings,
    );
    await ctx.hub.dataChanged();
    return card.client;
  },

  async 'pageToBackground.updateClient'(message, ctx) {
    const { domains, emails, phones, tags, ...rest } = message.patch;
    const region = (await ctx.settings()).defaultPhoneRegion;
    const client = await updateClient(
      ctx.db,
      message.clientId,
      {
        ...rest,
        ...(domains ? { domains: domainsOrThrow(domains) } : {}),
        ...(emails ? { emails: emailsOrThrow(emails) } : {}),
        ...(phones ? { phones: phonesOrThrow(phones, region) } : {}),
        ...(tags ? { tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))] } : {}),
      },
      message.expectedUpdatedAt,
    );
    await ctx.hub.dataChanged();
    return client;
  },

  async 'pageToBackground.addNote'(message, ctx) {
    const note = await addNote(ctx.db, message.clientId, message.contactId, message.text.trim(), await ctx.settings());
    await ctx.hub.dataChanged();
    return note;
  },

  async 'pageToBackground.searchClients'(message, ctx): Promise<ClientSearchHit[]> {
    return searchClients(ctx.db, message.query, (await ctx.settings()).defaultPhoneRegion);
  },

};
