import { describe, expect, it } from 'vitest';
import { sendTargets } from '@/lib/domain/offer-count';
import { buildClient } from './records';
import { countedOfferRef, decideHeldSend, pendingHeldSends } from './held-sends';
import { countOnDay, recordSend, type SendToRecord } from './sends';
import { freshDb, testSettings } from './test-helpers';

async function setup() {
  const db = freshDb();
  const rosstal = buildClient({ name: 'Rosstal' }, 'm');
  const nordfrost = buildClient({ name: 'Nordfrost' }, 'm');
  await db.clients.bulkAdd([rosstal, nordfrost]);
  const settings = testSettings({ timeZone: 'Europe/Moscow' });
  const send = (patch: Partial<SendToRecord> = {}): SendToRecord => ({
    site: 'gmail',
    draftId: '#msg-a:r-1',
    sendId: 's1',
    subject: 'Commercial offer',
    sentAt: new Date('2026-11-27T10:00:00Z'),
    targets: sendTargets(
      [
        { email: 'ivan@rosstal.ru', clientId: rosstal.id, contactId: null },
        { email: 'hans@nordfrost.de', clientId: nordfrost.id, contactId: null },
        { email: 'a@gmail.com', clientId: null, contactId: null },
      ],
      settings.ownDomains,
    ),
    isOffer: true,
    templateId: 't1',
    ...patch,
  });
  return { db, settings, rosstal, nordfrost, send };
}

describe('recordSend', () => {
  it('records one offer per organisation and updates each client’s last contact', async () => {
    const { db, settings, rosstal, send } = await setup();
    const result = await recordSend(db, send(), settings);
    expect(result.activities.map((a) => [a.type, a.clientId === null ? 'unknown' : 'client', a.dayKey])).toEqual([
      ['email_offer', 'client', '2026-11-27'],
      ['email_offer', 'client', '2026-11-27'],
      ['email_offer', 'unknown', '2026-11-27'],
    ]);
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(3);
    expect((await db.clients.get(rosstal.id))?.lastContactAt).toBe('2026-11-27T10:00:00.000Z');
  });

  it('never records the same send twice', async () => {
    const { db, settings, send } = await setup();
    await recordSend(db, send(), settings);
    const again = await recordSend(db, send({ sendId: 'another report of the same draft' }), settings);
    expect(again).toEqual({ activities: [], duplicates: 3, held: null });
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(3);
  });

  it('records a plain mail as e-mail, not as an offer, still updating the last contact', async () => {
    const { db, settings, nordfrost, send } = await setup();
    await recordSend(db, send({ isOffer: false }), settings);
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(0);
    expect(await countOnDay(db, 'email', '2026-11-27')).toBe(3);
    expect((await db.clients.get(nordfrost.id))?.lastContactAt).toBe('2026-11-27T10:00:00.000Z');
  });

  it('counts one offer per message when the setting says so, the rest as e-mails', async () => {
    const { db, settings, send } = await setup();
    await recordSend(db, send(), { ...settings, offerCounting: 'per-message' });
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(1);
    expect(await countOnDay(db, 'email', '2026-11-27')).toBe(2);
  });

  it('files a send late in the evening under the local day', async () => {
    const { db, settings, send } = await setup();
    // 22:30 UTC is 01:30 the next day in Moscow (UTC+3).
    await recordSend(db, send({ sentAt: new Date('2026-11-27T22:30:00Z') }), settings);
    expect(await countOnDay(db, 'email_offer', '2026-11-28')).toBe(3);
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(0);
  });
});

describe('a send to more organisations than one send normally reaches (issue 12.4)', () => {
  /** The seed's two clients and a free-mail address, plus `extra` companies: 3 + extra organisations. */
  const wide = (send: (patch?: Partial<SendToRecord>) => SendToRecord, extra: number) => {
    const base = send();
    const more = sendTargets(
      Array.from({ length: extra }, (_, i) => ({ email: `buyer@zavod-${i + 1}.ru`, clientId: null, contactId: null })),
      [],
    );
    return send({ targets: [...base.targets, ...more] });
  };

  it('records the mail as e-mails at once, counts no offer, and stores the offers as held', async () => {
    const { db, settings, rosstal, send } = await setup();
    const result = await recordSend(db, wide(send, 22), settings);
    expect(await countOnDay(db, 'email', '2026-11-27')).toBe(25);
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(0);
    expect((await db.clients.get(rosstal.id))?.lastContactAt).toBe('2026-11-27T10:00:00.000Z');
    const pending = await pendingHeldSends(db);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: 'pending', subject: 'Commercial offer', sentAt: '2026-11-27T10:00:00.000Z', templateId: 't1', decidedAt: null });
    expect(pending[0]?.targets).toHaveLength(25);
    expect(result.held?.id).toBe(pending[0]?.id);
  });

  it('counts an ordinary offer to 10 organisations at once, holding nothing', async () => {
    const { db, settings, send } = await setup();
    await recordSend(db, wide(send, 7), settings);
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(10);
    expect(await pendingHeldSends(db)).toEqual([]);
  });

  it('holds a send reported twice once', async () => {
    const { db, settings, send } = await setup();
    await recordSend(db, wide(send, 22), settings);
    const again = await recordSend(db, { ...wide(send, 22), sendId: 'the same draft again' }, settings);
    expect(again.held).toBeNull();
    expect(await db.heldSends.count()).toBe(1);
  });

  it('"Count" adds the offers on the day of the send, once, however often it is clicked', async () => {
    const { db, settings, send } = await setup();
    const { held } = await recordSend(db, wide(send, 22), settings);
    const counted = await decideHeldSend(db, held!.id, true, settings);
    await decideHeldSend(db, held!.id, true, settings);
    await decideHeldSend(db, held!.id, false, settings);
    expect(counted.status).toBe('counted');
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(25);
    expect(await countOnDay(db, 'email', '2026-11-27')).toBe(25);
    expect((await db.heldSends.get(held!.id))?.status).toBe('counted');
    expect(await pendingHeldSends(db)).toEqual([]);
    const refs = (await db.activities.toArray()).filter((a) => a.type === 'email_offer').map((a) => a.channelRef);
    expect(refs).toContain(countedOfferRef(held!, held!.targets[0]!.key));
  });

  it('"Don\u2019t count" stores the decision and never counts them', async () => {
    const { db, settings, send } = await setup();
    const { held } = await recordSend(db, wide(send, 22), settings);
    await decideHeldSend(db, held!.id, false, settings);
    await decideHeldSend(db, held!.id, true, settings);
    expect((await db.heldSends.get(held!.id))?.status).toBe('dismissed');
    expect(await countOnDay(db, 'email_offer', '2026-11-27')).toBe(0);
  });

  it('says so when the held send is not there', async () => {
    const { db, settings } = await setup();
    await expect(decideHeldSend(db, 'gone', true, settings)).rejects.toThrow('This send is no longer waiting for a decision.');
  });
});
