import { addNote, createClientWithContact, updateClient } from '@/lib/db/clients';
import type { ClientDeskDb } from '@/lib/db/database';
import { applyClientImport } from '@/lib/db/import-clients';
import { saveSettings } from '@/lib/db/settings';
import { normalizeEmail } from '@/lib/domain/address';
import { normalizeDomain } from '@/lib/domain/email';
import { parsePhoneList } from '@/lib/domain/phone';
import type { Settings } from '@/lib/domain/types';
import { parseClientCsv } from '@/lib/io/client-csv';
import type { Message, MessageOf, MessageType } from '@/lib/messaging/protocol';
import type { BaseStats, ImportReport } from '@/lib/messaging/views';
import type { SidebarHub } from './sidebar-hub';

// One handler per accepted message. Handlers run after lib/messaging/accept.ts has checked the
// message and its sender; they throw Error with a message the caller can show.

export interface HandlerContext {
  db: ClientDeskDb;
  hub: SidebarHub;
  settings(): Promise<Settings>;
  settingsChanged(settings: Settings): void;
  tabId: number | undefined;
}

type Handlers = { [T in MessageType]: (message: MessageOf<T>, ctx: HandlerContext) => Promise<unknown> };

function domainsOrThrow(values: readonly string[]): string[] {
  return values.map((value) => {
    const domain = normalizeDomain(value);
    if (!domain) throw new Error(`"${value}" is not a domain such as example.com`);
    return domain;
  });
}

const handlers: Handlers = {
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

  async 'sidebarToBackground.updateClient'(message, ctx) {
    const { domains, nextContactAt, ...rest } = message.patch;
    const client = await updateClient(
      ctx.db,
      message.clientId,
      { ...rest, ...(domains ? { domains: domainsOrThrow(domains) } : {}), ...(nextContactAt !== undefined ? { nextContactAt } : {}) },
      message.expectedUpdatedAt,
    );
    await ctx.hub.dataChanged();
    return client;
  },

  async 'sidebarToBackground.addNote'(message, ctx) {
    const note = await addNote(ctx.db, message.clientId, message.contactId, message.text.trim(), await ctx.settings());
    await ctx.hub.dataChanged();
    return note;
  },

  async 'optionsToBackground.getSettings'(_message, ctx) {
    return ctx.settings();
  },

  async 'optionsToBackground.saveSettings'(message, ctx) {
    const patch = { ...message.patch };
    if (patch.ownDomains) patch.ownDomains = domainsOrThrow(patch.ownDomains);
    const settings = await saveSettings(ctx.db, patch);
    ctx.settingsChanged(settings);
    await ctx.hub.dataChanged();
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
};

export function handleMessage(message: Message, ctx: HandlerContext): Promise<unknown> {
  const handler = handlers[message.type] as (m: Message, c: HandlerContext) => Promise<unknown>;
  return handler(message, ctx);
}
