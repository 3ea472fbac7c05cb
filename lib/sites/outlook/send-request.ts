// Outlook's own send request, read by the background from webRequest (outlook-2026.md 1b.3; site-dom-facts 2.4):
// `POST …/service.svc?action=CreateItem` for a new message, or `action=UpdateItem`
// (UpdateMessageForComposeSend) for a draft that was autosaved, with MessageDisposition
// "SendAndSaveCopy". Drafts are saved with "SaveOnly" and are not sends. The body carries the exact
// recipient addresses, which the compose's pills often do not show. Pure: no browser APIs.

import { normalizeEmail } from '@/lib/domain/address';
import type { Correspondent } from '../types';

export interface OwaSend {
  action: 'CreateItem' | 'UpdateItem';
  /** The draft's item id for UpdateItem; null for CreateItem. */
  itemId: string | null;
  subject: string | null;
  recipients: Correspondent[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), value);

const ROLES = [
  ['ToRecipients', 'to'],
  ['CcRecipients', 'cc'],
  ['BccRecipients', 'bcc'],
] as const;

/** The action of a service.svc URL, when it is one that can send. */
export function owaSendAction(url: string): OwaSend['action'] | null {
  const match = /\/service\.svc\?(?:.*&)?action=(CreateItem|UpdateItem)(?:&|$)/i.exec(url);
  if (!match) return null;
  return match[1]!.toLowerCase() === 'createitem' ? 'CreateItem' : 'UpdateItem';
}

function recipientsOf(item: unknown): Correspondent[] {
  const people: Correspondent[] = [];
  for (const [key, role] of ROLES) {
    const list = field(item, key);
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const email = normalizeEmail(String(field(entry, 'EmailAddress') ?? ''));
      if (email) people.push({ email, name: String(field(entry, 'Name') ?? '').trim(), role });
    }
  }
  return people;
}

/**
 * The send in a request, or null when the request is not a send (a draft save, another action,
 * a body that does not parse). Never throws: the input comes from the network.
 */
export function parseOwaSendRequest(url: string, bodyText: string | null): OwaSend | null {
  const action = owaSendAction(url);
  if (!action || !bodyText) return null;
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return null;
  }
  const body = field(json, 'Body') ?? json;
  if (field(body, 'MessageDisposition') !== 'SendAndSaveCopy') return null;

  if (action === 'CreateItem') {
    const items = field(body, 'Items');
    const item = Array.isArray(items) ? items[0] : undefined;
    if (!isObject(item)) return null;
    const subject = field(item, 'Subject');
    return { action, itemId: null, subject: typeof subject === 'string' ? subject : null, recipients: recipientsOf(item) };
  }

  const changes = field(body, 'ItemChanges');
  const change = Array.isArray(changes) ? changes[0] : undefined;
  if (!isObject(change)) return null;
  const itemId = field(change, 'ItemId', 'Id');
  const updates = field(change, 'Updates');
  let subject: string | null = null;
  const recipients: Correspondent[] = [];
  for (const update of Array.isArray(updates) ? updates : []) {
    const item = field(update, 'Item');
    const s = field(item, 'Subject');
    if (typeof s === 'string') subject = s;
    recipients.push(...recipientsOf(item));
  }
  return { action, itemId: typeof itemId === 'string' ? itemId : null, subject, recipients };
}
