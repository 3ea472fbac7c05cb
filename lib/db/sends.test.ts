import { describe, expect, it } from 'vitest';
import { sendTargets } from '@/lib/domain/offer-count';
import { buildClient } from './records';
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
    expect(again).toEqual({ activities: [], duplicates: 3 });
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
