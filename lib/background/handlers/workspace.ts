import { deleteClient, deleteContact, saveContact } from '@/lib/db/contact-edits';
import { recordBackup } from '@/lib/db/backup';
import { mergeClients } from '@/lib/db/merge-clients';
import { addSampleData, removeSampleData } from '@/lib/db/sample-data';
import { normalizeEmail } from '@/lib/domain/address';
import { parsePhoneList } from '@/lib/domain/phone';
import type { PhoneNumber } from '@/lib/domain/types';
import type { Handlers } from './context';

// The client workspace in Options: contacts, removal, merging duplicates, backups made, sample data.

/** Phones as the user typed them, each checked; every bad one is named. */
export function phonesOrThrow(typed: readonly string[], region: string): PhoneNumber[] {
  const { phones, errors } = parsePhoneList(typed.join('\n'), region);
  if (errors.length) throw new Error(errors.join('; '));
  return phones;
}

export function emailsOrThrow(typed: readonly string[]): string[] {
  return [
    ...new Set(
      typed.map((value) => {
        const email = normalizeEmail(value);
        if (!email) throw new Error(`"${value}" is not an e-mail address`);
        return email;
      }),
    ),
  ];
}

export const workspaceHandlers: Pick<
  Handlers,
  | 'optionsToBackground.saveContact'
  | 'optionsToBackground.deleteContact'
  | 'optionsToBackground.deleteClient'
  | 'optionsToBackground.mergeClients'
  | 'optionsToBackground.backupMade'
  | 'optionsToBackground.addSampleData'
  | 'optionsToBackground.removeSampleData'
> = {
  async 'optionsToBackground.saveContact'(message, ctx) {
    const settings = await ctx.settings();
    const { fields } = message;
    const contact = await saveContact(
      ctx.db,
      message.clientId,
      message.contactId,
      {
        name: fields.name.trim(),
        position: fields.position.trim(),
        emails: emailsOrThrow(fields.emails),
        phones: phonesOrThrow(fields.phones, settings.defaultPhoneRegion),
        birthday: fields.birthday,
        decisionMaker: fields.decisionMaker,
      },
      settings,
      message.expectedUpdatedAt,
    );
    await ctx.hub.dataChanged();
    return contact;
  },

  async 'optionsToBackground.deleteContact'(message, ctx) {
    await deleteContact(ctx.db, message.contactId);
    await ctx.hub.dataChanged();
    return null;
  },

  async 'optionsToBackground.deleteClient'(message, ctx) {
    await deleteClient(ctx.db, message.clientId);
    await ctx.hub.dataChanged();
    return null;
  },

  async 'optionsToBackground.mergeClients'(message, ctx) {
    const result = await mergeClients(ctx.db, message.keepId, message.mergeId, await ctx.settings());
    await ctx.hub.dataChanged();
    return result.client;
  },

  async 'optionsToBackground.backupMade'(message, ctx) {
    await recordBackup(ctx.db, message.at);
    return null;
  },

  async 'optionsToBackground.addSampleData'(_message, ctx) {
    const count = await addSampleData(ctx.db, await ctx.settings());
    await ctx.hub.dataChanged();
    return count;
  },

  async 'optionsToBackground.removeSampleData'(_message, ctx) {
    const count = await removeSampleData(ctx.db);
    await Promise.all([ctx.hub.dataChanged(), ctx.badgeChanged()]);
    return count;
  },
};
