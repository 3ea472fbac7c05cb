import { callUrl } from '@/lib/domain/calling-links';
import { callChannelRef, callSummary, callSummaryLine, countsAsContact, narrowByExtension, type MatchPhoneResult, type PhoneMatch } from '@/lib/domain/calls';
import { isDayKey } from '@/lib/domain/day-key';
import { normalizePhone } from '@/lib/domain/phone';
import type { Activity, CallActivityOutcome, CallDirection, CallOutcome, Client, PhoneNumber, Settings } from '@/lib/domain/types';
import { addActivity } from './clients';
import { newId, type ClientDeskDb } from './database';
import { findMatchesForPhone } from './lookup';
import { laterThan } from './records';
import { activitiesOnDay } from './sends';

// Calls on the timeline (issue 6): a click-to-call logs an attempt, the log form completes it;
// a call logged from a softphone is keyed by the softphone's call id, so it never counts twice.
// An offer made on a call adds one 'phone_offer' with the call's channel reference.

export interface LogCallInput {
  /** An existing 'call' activity to complete: the attempt of a click-to-call, or a call logged before. */
  callId?: string;
  /** The softphone's call id (`<site>:<id>`); a call logged twice with it is one call. */
  channelRef?: string;
  clientId: string | null;
  contactId: string | null;
  number: PhoneNumber | null;
  direction: CallDirection;
  outcome: CallOutcome;
  durationSec: number | null;
  offer: boolean;
  note: string;
  /** YYYY-MM-DD. */
  nextContactAt: string | null;
}

export interface LoggedCall {
  call: Activity;
  /** The phone offer of this call (made now or logged before), or null. */
  offer: Activity | null;
  /** The client as saved, or null for a number without a client. */
  client: Client | null;
}

/** A number as typed, read in the user's region; throws the reason it cannot be read. */
export function phoneOrThrow(raw: string, region: string): PhoneNumber {
  const result = normalizePhone(raw, region);
  if (!result.ok) throw new Error(result.reason);
  return result.phone;
}

/** Who has a number: every client (with the contact it came through); shared for a switchboard. */
export async function matchPhone(db: ClientDeskDb, rawNumber: string, settings: Pick<Settings, 'defaultPhoneRegion'>): Promise<MatchPhoneResult> {
  const parsed = normalizePhone(rawNumber, settings.defaultPhoneRegion);
  if (!parsed.ok) return { phone: null, error: parsed.reason, matches: [], shared: false };
  const matches = narrowByExtension(await findMatchesForPhone(db, parsed.phone.e164), parsed.phone).map(
    (m): PhoneMatch => ({ clientId: m.client.id, clientName: m.client.name, contactId: m.contact?.id ?? null, contactName: m.contact?.name ?? null }),
  );
  return { phone: parsed.phone, error: null, matches, shared: matches.length > 1 };
}

/** The call logged under a channel reference (a softphone's call id), if any. */
export function callByChannelRef(db: ClientDeskDb, channelRef: string): Promise<Activity | undefined> {
  return db.activities.where('channelRef').equals(channelRef).filter((a) => a.type === 'call' && !a.deletedAt).first();
}

interface Party {
  client: Client | null;
  contactId: string | null;
}

/**
 * Whom a call was with: the chosen client and contact (checked), or the one client the number
 * belongs to. Refuses a number shared by several clients when none was chosen (DESIGN.md: the
 * user picks, instead of logging to all of them). Runs inside the caller's transaction.
 */
type DialledNumber = Pick<PhoneNumber, 'e164' | 'ext'> & { raw?: string };

async function partyOf(db: ClientDeskDb, clientId: string | null, contactId: string | null, phone: DialledNumber | null): Promise<Party> {
  if (contactId) {
    const contact = await db.contacts.get(contactId);
    if (!contact || contact.deletedAt) throw new Error('This contact no longer exists.');
    if (clientId && contact.clientId !== clientId) throw new Error('This contact belongs to another client.');
    clientId = contact.clientId;
  }
  if (clientId) {
    const client = await db.clients.get(clientId);
    if (!client || client.deletedAt) throw new Error('This client card no longer exists.');
    return { client, contactId };
  }
  if (!phone) throw new Error('Choose a client or enter the number of the call.');
  const matches = narrowByExtension(await findMatchesForPhone(db, phone.e164), phone);
  if (matches.length > 1) {
    const names = matches.map((m) => m.client.name || '(no name)').join(', ');
    throw new Error(`${phone.raw ?? phone.e164} is the number of several clients (${names}): choose the client the call was with.`);
  }
  const only = matches[0];
  return only ? { client: only.client, contactId: only.contact?.id ?? null } : { client: null, contactId: null };
}

/** Logs a click-to-call before the call is placed: a 'call' whose outcome is not known yet. */
export async function startCallAttempt(
  db: ClientDeskDb,
  input: { clientId: string | null; contactId: string | null; number: PhoneNumber; direction: 'out' },
  settings: Settings,
  now = new Date(),
): Promise<Activity> {
  return db.transaction('rw', db.clients, db.contacts, db.activities, async () => {
    const party = await partyOf(db, input.clientId, input.contactId, input.number);
    const outcome: CallActivityOutcome = 'attempted';
    return addActivity(
      db,
      {
        type: 'call',
        clientId: party.client?.id ?? null,
        contactId: party.contactId,
        channelRef: callChannelRef(newId()),
        outcome,
        summary: callSummaryLine({ direction: input.direction, durationSec: null, outcome }),
        call: { direction: input.direction, number: input.number.e164, ext: input.number.ext, durationSec: null },
      },
      settings,
      now,
    );
  });
}

/**
 * Click-to-call: reads the number, builds the link first (a calling method never set up logs
 * nothing), then logs the attempt. The page opens `url`; the log form completes the call.
 */
export async function startCall(
  db: ClientDeskDb,
  input: { number: string; clientId: string | null; contactId: string | null },
  settings: Settings,
  now = new Date(),
): Promise<{ call: Activity; url: string }> {
  const phone = phoneOrThrow(input.number, settings.defaultPhoneRegion);
  const url = callUrl(phone, settings.calling);
  const call = await startCallAttempt(db, { clientId: input.clientId, contactId: input.contactId, number: phone, direction: 'out' }, settings, now);
  return { call, url };
}

async function existingCall(db: ClientDeskDb, input: LogCallInput): Promise<Activity | undefined> {
  if (input.callId) {
    const call = await db.activities.get(input.callId);
    if (!call || call.deletedAt || call.type !== 'call') throw new Error('This call is no longer on the timeline.');
    return call;
  }
  return input.channelRef ? callByChannelRef(db, input.channelRef) : undefined;
}

function checkInput(input: LogCallInput): void {
  if (input.durationSec !== null && !(Number.isFinite(input.durationSec) && input.durationSec >= 0)) throw new Error('The duration must be a number of seconds.');
  if (input.nextContactAt !== null && !isDayKey(input.nextContactAt)) throw new Error('The next contact date must be a date as YYYY-MM-DD.');
}

/**
 * Logs a call in one transaction: completes the attempt or the call already logged under the same
 * softphone id (the same call, not a new fact), or adds it; adds one phone offer for it if an
 * offer was made; moves the client's last and next contact.
 */
export async function logCall(db: ClientDeskDb, input: LogCallInput, settings: Settings, now = new Date()): Promise<LoggedCall> {
  checkInput(input);
  return db.transaction('rw', db.clients, db.contacts, db.activities, async () => {
    const existing = await existingCall(db, input);
    const number: DialledNumber | null = input.number ?? (existing?.call?.number ? { e164: existing.call.number, ext: existing.call.ext } : null);
    // Completing a call without naming the client keeps the client it was logged with.
    const chosen = input.clientId || input.contactId || !existing ? input : { clientId: existing.clientId, contactId: existing.contactId };
    const party = await partyOf(db, chosen.clientId, chosen.contactId, number);
    const fields = {
      clientId: party.client?.id ?? null,
      contactId: party.contactId,
      outcome: input.outcome,
      summary: callSummary(callSummaryLine(input), input.note),
      call: { direction: input.direction, number: number?.e164 ?? '', ext: number?.ext ?? null, durationSec: input.durationSec },
    };
    let call: Activity;
    if (existing) {
      call = { ...existing, ...fields, updatedAt: laterThan(existing.updatedAt) };
      await db.activities.put(call);
    } else {
      call = await addActivity(db, { type: 'call', channelRef: input.channelRef ?? callChannelRef(newId()), ...fields }, settings, now);
    }
    const offer = await recordOffer(db, call, input.offer, settings);
    const client = party.client ? await touchClient(db, party.client, call, input) : null;
    return { call, offer, client };
  });
}

/** The call's one phone offer: added when first made, following the call's client; never a second. */
async function recordOffer(db: ClientDeskDb, call: Activity, offered: boolean, settings: Settings): Promise<Activity | null> {
  const ref = call.channelRef ?? callChannelRef(call.id);
  const previous = await db.activities.where('channelRef').equals(ref).filter((a) => a.type === 'phone_offer' && !a.deletedAt).first();
  // Logging a call again without the offer does not erase one recorded (activities are facts;
  // an undone offer would be a retraction).
  if (previous) {
    if (previous.clientId === call.clientId && previous.contactId === call.contactId) return previous;
    const moved = { ...previous, clientId: call.clientId, contactId: call.contactId, updatedAt: laterThan(previous.updatedAt) };
    await db.activities.put(moved);
    return moved;
  }
  if (!offered) return null;
  // On the call's day, so that an attempt completed after midnight counts where the call was.
  return addActivity(db, { type: 'phone_offer', clientId: call.clientId, contactId: call.contactId, channelRef: ref, summary: 'Commercial offer made by phone' }, settings, new Date(call.at));
}

/** Last contact (only for a call that reached someone or carried an offer) and next contact. */
async function touchClient(db: ClientDeskDb, client: Client, call: Activity, input: LogCallInput): Promise<Client> {
  const patch: Partial<Client> = {};
  if (countsAsContact(input.outcome, input.offer) && (client.lastContactAt ?? '') < call.at) patch.lastContactAt = call.at;
  if (input.nextContactAt) patch.nextContactAt = input.nextContactAt;
  if (Object.keys(patch).length === 0) return client;
  // A new version, so the client list (which follows the updatedAt index) shows the change.
  const next = { ...client, ...patch, updatedAt: laterThan(client.updatedAt) };
  await db.clients.put(next);
  return next;
}

/** Today's calls for the popup, newest first, with the client's name when known. */
export async function callsOnDay(db: ClientDeskDb, day: string): Promise<{ activity: Activity; clientName: string | null }[]> {
  const calls = await activitiesOnDay(db, 'call', day);
  const clients = await db.clients.bulkGet([...new Set(calls.flatMap((a) => (a.clientId ? [a.clientId] : [])))]);
  const names = new Map(clients.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  return calls.reverse().map((activity) => ({ activity, clientName: activity.clientId ? (names.get(activity.clientId) ?? null) : null }));
}
