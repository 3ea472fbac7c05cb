import { describe, expect, it, vi } from 'vitest';
import { todayCounts } from '@/lib/background/badge';
import { callHandlers } from '@/lib/background/handlers/calls';
import type { HandlerContext } from '@/lib/background/handlers/context';
import { countCalls, countPhoneOffers } from '@/lib/domain/calls';
import { normalizePhone } from '@/lib/domain/phone';
import type { PhoneNumber, Settings } from '@/lib/domain/types';
import { acceptMessage } from '@/lib/messaging/accept';
import type { MessageOf } from '@/lib/messaging/protocol';
import { callsOnDay, logCall, matchPhone, startCall, type LogCallInput } from './calls';
import { buildClient, buildContact } from './records';
import { freshDb, testSettings } from './test-helpers';

function phone(raw: string): PhoneNumber {
  const result = normalizePhone(raw, 'RU');
  if (!result.ok) throw new Error(result.reason);
  return result.phone;
}

const NOON = new Date('2026-06-01T09:00:00Z'); // 12:00 in Moscow
const DAY = '2026-06-01';

async function setup() {
  const db = freshDb();
  const settings = testSettings({ timeZone: 'Europe/Moscow' });
  // Rosstal's switchboard is also the number of Olga at Volga (extension 34): a shared number.
  const rosstal = buildClient({ name: 'Rosstal', phones: [phone('+7 495 123-45-67')], lastContactAt: '2026-05-01T09:00:00.000Z' }, 'm');
  const volga = buildClient({ name: 'Volga' }, 'm');
  const ivan = buildContact(rosstal.id, { name: 'Ivan Petrov', phones: [phone('8 (916) 123-45-67')] }, 'm');
  const olga = buildContact(volga.id, { name: 'Olga', phones: [phone('8 495 123-45-67 доб. 34')] }, 'm');
  await db.clients.bulkAdd([rosstal, volga]);
  await db.contacts.bulkAdd([ivan, olga]);
  const input = (patch: Partial<LogCallInput> = {}): LogCallInput => ({
    clientId: rosstal.id, contactId: ivan.id, number: phone('8 (916) 123-45-67'), direction: 'out', outcome: 'reached',
    durationSec: 200, offer: false, note: '', nextContactAt: null, ...patch,
  });
  const counts = async (at = NOON) => {
    const { calls, phoneOffers } = await todayCounts(db, settings, at);
    return { calls, phoneOffers };
  };
  return { db, settings, rosstal, volga, ivan, olga, input, counts };
}

describe('matchPhone', () => {
  it('finds the one client of a number, through its contact', async () => {
    const { db, settings, rosstal, ivan } = await setup();
    expect(await matchPhone(db, '+7 916 123 45 67', settings)).toEqual({
      phone: { raw: '+7 916 123 45 67', e164: '+79161234567', ext: null },
      error: null,
      matches: [{ clientId: rosstal.id, clientName: 'Rosstal', contactId: ivan.id, contactName: 'Ivan Petrov' }],
      shared: false,
    });
  });

  it('flags a switchboard shared by several clients, unless the extension names one', async () => {
    const { db, settings, volga, olga } = await setup();
    const board = await matchPhone(db, '8 (495) 123-45-67', settings);
    expect(board.shared).toBe(true);
    expect(board.matches.map((m) => m.clientName).sort()).toEqual(['Rosstal', 'Volga']);
    const extension = await matchPhone(db, '8 (495) 123-45-67 доб. 34', settings);
    expect(extension).toMatchObject({ shared: false, matches: [{ clientId: volga.id, contactId: olga.id }] });
  });

  it('reads an unknown number without matches, and says why a bad one cannot be read', async () => {
    const { db, settings } = await setup();
    expect(await matchPhone(db, '+7 812 555-12-34', settings)).toMatchObject({ error: null, matches: [], shared: false, phone: { e164: '+78125551234' } });
    expect(await matchPhone(db, '12345', settings)).toEqual({ phone: null, error: expect.stringContaining('"12345" is not a valid phone number'), matches: [], shared: false });
  });
});

describe('logCall', () => {
  it('logs the call with its details, one phone offer, and the client’s last and next contact', async () => {
    const { db, settings, rosstal, ivan, input } = await setup();
    const { call, offer, client } = await logCall(db, input({ offer: true, note: ' Wants prices for rebar ', nextContactAt: '2026-06-10' }), settings, NOON);
    expect(call).toMatchObject({
      type: 'call', clientId: rosstal.id, contactId: ivan.id, outcome: 'reached', dayKey: DAY, at: NOON.toISOString(),
      summary: 'Outgoing call, 3 min 20 s, reached\nWants prices for rebar',
      call: { direction: 'out', number: '+79161234567', ext: null, durationSec: 200 },
    });
    expect(call.channelRef).toMatch(/^call:[0-9a-f-]{36}$/);
    expect(offer).toMatchObject({ type: 'phone_offer', clientId: rosstal.id, contactId: ivan.id, channelRef: call.channelRef, dayKey: DAY });
    const saved = await db.clients.get(rosstal.id);
    expect(saved).toMatchObject({ lastContactAt: NOON.toISOString(), nextContactAt: '2026-06-10' });
    expect(saved!.updatedAt > rosstal.updatedAt).toBe(true);
    expect(client).toEqual(saved);
  });

  it('counts two offers to one company on one day once, and every call (the badge and the pure rule agree)', async () => {
    const { db, settings, input, counts } = await setup();
    await logCall(db, input({ offer: true }), settings, NOON);
    await logCall(db, input({ offer: true }), settings, new Date('2026-06-01T12:00:00Z'));
    await logCall(db, input({ offer: false, outcome: 'busy' }), settings, NOON);
    expect(await counts()).toEqual({ calls: 3, phoneOffers: 1 });
    const all = await db.activities.toArray();
    expect({ calls: countCalls(all, DAY), phoneOffers: countPhoneOffers(all, DAY) }).toEqual({ calls: 3, phoneOffers: 1 });
  });

  it('logs one softphone call once, however often it is logged (same channel reference)', async () => {
    const { db, settings, input, counts } = await setup();
    const first = await logCall(db, input({ channelRef: 'threecx:42', offer: true, outcome: 'no-answer', durationSec: null }), settings, NOON);
    const again = await logCall(db, input({ channelRef: 'threecx:42', offer: true, durationSec: 95 }), settings, new Date('2026-06-01T09:05:00Z'));
    expect(again.call.id).toBe(first.call.id);
    expect(again.offer!.id).toBe(first.offer!.id);
    expect(again.call).toMatchObject({ channelRef: 'threecx:42', outcome: 'reached', at: first.call.at, call: { durationSec: 95 } });
    expect(await db.activities.count()).toBe(2);
    expect(await counts()).toEqual({ calls: 1, phoneOffers: 1 });
  });

  it('never erases an offer when the call is logged again without it (activities are facts)', async () => {
    const { db, settings, input, counts } = await setup();
    await logCall(db, input({ channelRef: 'gv:7', offer: true }), settings, NOON);
    const again = await logCall(db, input({ channelRef: 'gv:7', offer: false }), settings, NOON);
    expect(again.offer).not.toBeNull();
    expect(await counts()).toEqual({ calls: 1, phoneOffers: 1 });
  });

  it('moves the last contact only for a call that reached someone or carried an offer', async () => {
    const { db, settings, rosstal, input } = await setup();
    for (const outcome of ['no-answer', 'busy', 'wrong-number', 'voicemail'] as const) await logCall(db, input({ outcome }), settings, NOON);
    expect((await db.clients.get(rosstal.id))!.lastContactAt).toBe(rosstal.lastContactAt);
    await logCall(db, input({ outcome: 'voicemail', offer: true, nextContactAt: '2026-06-03' }), settings, NOON);
    expect(await db.clients.get(rosstal.id)).toMatchObject({ lastContactAt: NOON.toISOString(), nextContactAt: '2026-06-03' });
    // An older call never moves the last contact back.
    await logCall(db, input(), settings, new Date('2026-05-20T09:00:00Z'));
    expect((await db.clients.get(rosstal.id))!.lastContactAt).toBe(NOON.toISOString());
  });

  it('logs a call to a number without a client; it counts toward calls and phone offers', async () => {
    const { db, settings, input, counts } = await setup();
    const { call, client } = await logCall(db, input({ clientId: null, contactId: null, number: phone('+7 812 555-12-34'), offer: true }), settings, NOON);
    expect(call).toMatchObject({ clientId: null, contactId: null, call: { number: '+78125551234' } });
    expect(client).toBeNull();
    expect(await counts()).toEqual({ calls: 1, phoneOffers: 1 });
  });

  it('gives a number of one client without a chosen client to that client', async () => {
    const { db, settings, rosstal, ivan, input } = await setup();
    const { call } = await logCall(db, input({ clientId: null, contactId: null }), settings, NOON);
    expect(call).toMatchObject({ clientId: rosstal.id, contactId: ivan.id });
  });

  it('refuses a shared number without a chosen client, logging nothing, and logs it to the client chosen', async () => {
    const { db, settings, volga, input } = await setup();
    const board = { clientId: null, contactId: null, number: phone('8 (495) 123-45-67') };
    await expect(logCall(db, input(board), settings, NOON)).rejects.toThrow(/8 \(495\) 123-45-67 is the number of several clients \((Rosstal, Volga|Volga, Rosstal)\)/);
    expect(await db.activities.count()).toBe(0);
    const { call } = await logCall(db, input({ ...board, clientId: volga.id }), settings, NOON);
    expect(call.clientId).toBe(volga.id);
  });

  it('refuses a call with neither client nor number, and a contact of another client', async () => {
    const { db, settings, volga, ivan, input } = await setup();
    await expect(logCall(db, input({ clientId: null, contactId: null, number: null }), settings, NOON)).rejects.toThrow('Choose a client or enter the number');
    await expect(logCall(db, input({ clientId: volga.id, contactId: ivan.id }), settings, NOON)).rejects.toThrow('belongs to another client');
    await expect(logCall(db, input({ nextContactAt: '2026-02-31' }), settings, NOON)).rejects.toThrow('YYYY-MM-DD');
    expect(await db.activities.count()).toBe(0);
  });
});

describe('click-to-call: startCall, then logCall completes the attempt', () => {
  it('logs an attempt that counts as a call, and gives the link of the calling method', async () => {
    const { db, settings, rosstal, ivan, counts } = await setup();
    const { call, url } = await startCall(db, { number: '8 (916) 123-45-67 доб. 5', clientId: rosstal.id, contactId: ivan.id }, settings, NOON);
    expect(url).toBe('tel:+79161234567;ext=5');
    expect(call).toMatchObject({ type: 'call', outcome: 'attempted', summary: 'Outgoing call, dialled', call: { direction: 'out', number: '+79161234567', ext: '5', durationSec: null } });
    expect(await counts()).toEqual({ calls: 1, phoneOffers: 0 });
    expect((await db.clients.get(rosstal.id))!.lastContactAt).toBe(rosstal.lastContactAt);
  });

  it('completes the attempt instead of adding a second call, on the attempt’s day', async () => {
    const { db, settings, rosstal, ivan, input, counts } = await setup();
    const { call: attempt } = await startCall(db, { number: '8 (916) 123-45-67', clientId: rosstal.id, contactId: ivan.id }, settings, new Date('2026-06-01T20:58:00Z'));
    // Logged after Moscow midnight: still the call of June 1st.
    const later = new Date('2026-06-01T21:10:00Z');
    const { call, offer } = await logCall(db, input({ callId: attempt.id, number: null, offer: true, durationSec: 65, note: 'Agreed' }), settings, later);
    expect(call).toMatchObject({ id: attempt.id, channelRef: attempt.channelRef, at: attempt.at, dayKey: DAY, outcome: 'reached', summary: 'Outgoing call, 1 min 5 s, reached\nAgreed' });
    expect(call.call).toEqual({ direction: 'out', number: '+79161234567', ext: null, durationSec: 65 });
    expect(call.updatedAt > attempt.updatedAt).toBe(true);
    expect(offer).toMatchObject({ dayKey: DAY, channelRef: attempt.channelRef });
    expect(await db.activities.count()).toBe(2);
    expect(await counts(later)).toEqual({ calls: 0, phoneOffers: 0 });
    expect(await counts()).toEqual({ calls: 1, phoneOffers: 1 });
  });

  it('keeps the attempt’s client when the log names none, even for a shared number', async () => {
    const { db, settings, volga, input } = await setup();
    const { call: attempt } = await startCall(db, { number: '8 (495) 123-45-67', clientId: volga.id, contactId: null }, settings, NOON);
    const { call } = await logCall(db, input({ callId: attempt.id, clientId: null, contactId: null, number: null }), settings, NOON);
    expect(call.clientId).toBe(volga.id);
  });

  it('refuses, logging nothing: a shared number without a client, a bad number, a calling method never set up', async () => {
    const { db, settings, rosstal } = await setup();
    await expect(startCall(db, { number: '8 (495) 123-45-67', clientId: null, contactId: null }, settings, NOON)).rejects.toThrow('several clients');
    await expect(startCall(db, { number: '12345', clientId: rosstal.id, contactId: null }, settings, NOON)).rejects.toThrow('"12345" is not a valid phone number');
    const custom: Settings = { ...settings, calling: { method: 'custom', threecxUrl: '', customUrl: '' } };
    await expect(startCall(db, { number: '8 (916) 123-45-67', clientId: rosstal.id, contactId: null }, custom, NOON)).rejects.toThrow('Enter the custom calling link');
    expect(await db.activities.count()).toBe(0);
  });

  it('refuses to complete what is not a call', async () => {
    const { db, settings, input } = await setup();
    const { offer } = await logCall(db, input({ offer: true }), settings, NOON);
    await expect(logCall(db, input({ callId: offer!.id }), settings, NOON)).rejects.toThrow('no longer on the timeline');
  });

  it('lists the day’s calls newest first with the client’s name', async () => {
    const { db, settings, input } = await setup();
    await logCall(db, input({ note: 'first' }), settings, NOON);
    await logCall(db, input({ clientId: null, contactId: null, number: phone('+7 812 555-12-34'), note: 'second' }), settings, new Date('2026-06-01T10:00:00Z'));
    const calls = await callsOnDay(db, DAY);
    expect(calls.map((c) => [c.clientName, c.activity.summary.split('\n')[1]])).toEqual([[null, 'second'], ['Rosstal', 'first']]);
  });
});

describe('call handlers', () => {
  async function context() {
    const base = await setup();
    const ctx = { db: base.db, settings: async () => base.settings, hub: { dataChanged: vi.fn(async () => {}) }, badgeChanged: vi.fn(async () => {}) };
    return { ...base, ctx, handlerCtx: ctx as unknown as HandlerContext };
  }
  const logMessage = (patch: Partial<MessageOf<'pageToBackground.logCall'>>): MessageOf<'pageToBackground.logCall'> => ({
    type: 'pageToBackground.logCall', clientId: null, contactId: null, number: '8 916 123-45-67', direction: 'in', outcome: 'reached',
    durationSec: 30, offer: false, note: '', nextContactAt: null, ...patch,
  });

  it('startCall replies with the attempt and the link, and announces the change to sidebars and the badge', async () => {
    const { ctx, handlerCtx, rosstal } = await context();
    const reply = await callHandlers['pageToBackground.startCall']({ type: 'pageToBackground.startCall', number: '+7 916 123 45 67', clientId: rosstal.id, contactId: null }, handlerCtx);
    expect(reply).toEqual({ callId: expect.any(String), url: 'tel:+79161234567' });
    expect(ctx.hub.dataChanged).toHaveBeenCalledOnce();
    expect(ctx.badgeChanged).toHaveBeenCalledOnce();
  });

  it('logCall reads the typed number in the user’s region; an empty number is none', async () => {
    const { ctx, handlerCtx, rosstal } = await context();
    const call = await callHandlers['pageToBackground.logCall'](logMessage({}), handlerCtx);
    expect(call).toMatchObject({ clientId: rosstal.id, call: { direction: 'in', number: '+79161234567' } });
    const byClient = await callHandlers['pageToBackground.logCall'](logMessage({ number: ' ', clientId: rosstal.id }), handlerCtx);
    expect(byClient).toMatchObject({ clientId: rosstal.id, call: { number: '' } });
    await expect(callHandlers['pageToBackground.logCall'](logMessage({ number: 'abc' }), handlerCtx)).rejects.toThrow('"abc" is not a valid phone number');
    expect(ctx.badgeChanged).toHaveBeenCalledTimes(2);
  });
});

describe('call messages (lib/messaging/protocol.ts)', () => {
  const rules = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', sitePatterns: ['https://mail.google.com/*'], sidebarOf: () => ({ frameId: 3 }) };
  const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
  const options = { id: 'ext', url: 'chrome-extension://ext/options.html' };
  const log = {
    type: 'pageToBackground.logCall', clientId: 'c1', contactId: null, number: '+7 916 123 45 67', direction: 'out', outcome: 'reached',
    durationSec: 200, offer: true, note: '', nextContactAt: '2026-06-10',
  };

  it('accepts the call messages from extension pages only', () => {
    expect(acceptMessage(log, popup, rules).ok).toBe(true);
    expect(acceptMessage({ ...log, callId: 'a1', channelRef: 'threecx:42' }, popup, rules).ok).toBe(true);
    expect(acceptMessage({ type: 'pageToBackground.matchPhone', number: '8 495 123-45-67' }, popup, rules).ok).toBe(true);
    const start = { type: 'pageToBackground.startCall', number: '8 495 123-45-67', clientId: null, contactId: null };
    const sidebar = { id: 'ext', url: 'chrome-extension://ext/sidebar.html', tab: { id: 1, url: 'https://mail.google.com/mail/u/0/' } as never, frameId: 3 };
    expect(acceptMessage(start, sidebar, rules).ok).toBe(true);
    expect(acceptMessage(start, { id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 } as never, frameId: 0 }, rules).ok).toBe(false);
  });

  it.each([
    ['an outcome only a click-to-call writes', { outcome: 'attempted' }, 'outcome'],
    ['a negative duration', { durationSec: -1 }, 'durationSec'],
    ['a duration that is not whole seconds', { durationSec: 1.5 }, 'durationSec'],
    ['a next contact that is not a date', { nextContactAt: '10.06.2026' }, 'YYYY-MM-DD'],
    ['an unknown direction', { direction: 'inbound' }, 'direction'],
  ])('refuses a logCall with %s', (_what, patch, error) => {
    expect(acceptMessage({ ...log, ...patch }, popup, rules)).toEqual({ ok: false, error: expect.stringContaining(error) });
  });

  it('checks the calling settings as a whole, and softphone hosts as bare host names', () => {
    const save = (patch: object) => acceptMessage({ type: 'optionsToBackground.saveSettings', patch }, options, rules);
    expect(save({ calling: { method: 'custom', threecxUrl: '', customUrl: 'https://phone.example.com/dial?to={number}' } }).ok).toBe(true);
    expect(save({ calling: { method: 'custom', threecxUrl: '', customUrl: 'https://phone.example.com/dial' } })).toEqual({ ok: false, error: expect.stringContaining('must contain {number}') });
    expect(save({ calling: { method: '3cx', threecxUrl: 'http://pbx.example.com', customUrl: '' } })).toEqual({ ok: false, error: expect.stringContaining('https address') });
    expect(save({ calling: { method: 'tel', threecxUrl: '', customUrl: 'javascript:alert({number})' } }).ok).toBe(false);
    expect(save({ softphoneHosts: ['https://pbx.example.com'] })).toEqual({ ok: false, error: expect.stringContaining('pbx.example.com (no https://') });
    const accepted = save({ softphoneHosts: [' PBX.Example.com '] });
    expect(accepted.ok && accepted.message.type === 'optionsToBackground.saveSettings' && accepted.message.patch.softphoneHosts).toEqual(['pbx.example.com']);
  });
});
