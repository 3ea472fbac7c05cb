import { describe, expect, it, vi } from 'vitest';
import { buildClient, buildContact } from '@/lib/db/records';
import { saveTemplate } from '@/lib/db/templates';
import { freshDb, testSettings } from '@/lib/db/test-helpers';
import { messageSchema } from '@/lib/messaging/protocol';
import type { HandlerContext } from './context';
import { handleMessage } from './index';

describe('Send greeting (pageToBackground.greetingLink)', () => {
  it('opens the compose for a greeting whose template has an out-of-range character reference (issue 12.14b)', async () => {
    const db = freshDb();
    const settings = testSettings({ greetingMail: 'gmail' });
    const client = buildClient({ name: 'Polar Foods' }, settings.managerId);
    const erik = buildContact(client.id, { name: 'Erik Lund', emails: ['erik@polarfoods.example'] }, settings.managerId);
    await db.clients.add(client);
    await db.contacts.add(erik);
    // A template pasted from elsewhere, with references no character has.
    await saveTemplate(db, { name: 'Birthday', subject: 'Happy birthday', bodyHtml: '<p>Dear {{contact.name}} &#x110000; &#99999999;</p>', kind: 'greeting', countsAsOffer: false }, settings.managerId);
    const ctx = { db, settings: async () => settings, badgeChanged: vi.fn(), hub: { dataChanged: vi.fn() } } as unknown as HandlerContext;

    const reply = (await handleMessage(messageSchema.parse({ type: 'pageToBackground.greetingLink', clientId: client.id, contactId: erik.id }), ctx)) as { url: string; to: string };
    expect(reply.to).toBe('erik@polarfoods.example');
    // Exactly the compose it opens: "\uFFFD" where the bad references were.
    expect(new URL(reply.url).searchParams.get('body')).toBe('Dear Erik Lund \uFFFD \uFFFD');
  });
});
