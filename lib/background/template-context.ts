import { buildContact } from '@/lib/db/records';
import type { TemplateContext } from '@/lib/domain/templates';
import type { Client, Contact, Settings } from '@/lib/domain/types';
import type { CorrespondentView } from '@/lib/messaging/views';

// Whom a template addresses in a compose: the first To recipient with a client card (its matched
// contact), else the first recipient with any card, else the first recipient's display name.

const ROLE_ORDER = { to: 0, cc: 1, bcc: 2, from: 3 } as const;

export function templateContextFor(recipients: readonly CorrespondentView[], settings: Settings, now = new Date()): TemplateContext {
  const ordered = [...recipients].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const withContact = ordered.find((r) => r.cards.some((c) => c.matchedContactId));
  const withCard = withContact ?? ordered.find((r) => r.cards.length > 0);
  const card = withContact?.cards.find((c) => c.matchedContactId) ?? withCard?.cards[0];
  let contact: Contact | null = card?.contacts.find((c) => c.id === card.matchedContactId) ?? null;
  const named = withCard ?? ordered.find((r) => r.name.trim());
  // No contact on the card: greet the person by the name the site shows.
  if (!contact && named?.name.trim()) contact = buildContact('', { name: named.name.trim() }, settings.managerId);
  return { client: card?.client ?? null, contact, manager: managerOf(settings), today: now, timeZone: settings.timeZone || undefined };
}

/** For a preview in Options: a client and its decision maker, else its first contact (the one entered first). */
export function templateContextForClient(client: Client | null, contacts: readonly Contact[], settings: Settings, now = new Date()): TemplateContext {
  // Ids are random: order by how contacts were entered, never by id.
  const byEntry = [...contacts].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  const contact = byEntry.find((c) => c.decisionMaker) ?? byEntry[0] ?? null;
  return { client, contact, manager: managerOf(settings), today: now, timeZone: settings.timeZone || undefined };
}

function managerOf(settings: Settings) {
  return { name: settings.managerName, signatureHtml: settings.signatureHtml };
}
