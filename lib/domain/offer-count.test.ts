import { describe, expect, it } from 'vitest';
import { offerTargets, sendChannelRef, sendTargets, type SentRecipient } from './offer-count';

const r = (email: string, clientId: string | null = null, contactId: string | null = null): SentRecipient => ({ email, clientId, contactId });
const own = ['acme-supply.com'];

describe('sendTargets: one offer per distinct recipient organisation', () => {
  it('counts several recipients of one client once', () => {
    const targets = sendTargets([r('ivan@rosstal.ru', 'c-rosstal', 'p-ivan'), r('olga@rosstal.ru', 'c-rosstal', 'p-olga')], own);
    expect(targets).toEqual([{ key: 'client:c-rosstal', clientId: 'c-rosstal', contactId: 'p-ivan', emails: ['ivan@rosstal.ru', 'olga@rosstal.ru'] }]);
  });

  it('counts recipients of two clients twice', () => {
    const targets = sendTargets([r('ivan@rosstal.ru', 'c-rosstal'), r('hans@nordfrost.de', 'c-nordfrost')], own);
    expect(targets.map((t) => t.key)).toEqual(['client:c-rosstal', 'client:c-nordfrost']);
  });

  it('groups unknown recipients by company domain', () => {
    const targets = sendTargets([r('a@baltic-fish.lt'), r('b@baltic-fish.lt'), r('c@kama-bearings.ru')], own);
    expect(targets.map((t) => [t.key, t.emails])).toEqual([
      ['domain:baltic-fish.lt', ['a@baltic-fish.lt', 'b@baltic-fish.lt']],
      ['domain:kama-bearings.ru', ['c@kama-bearings.ru']],
    ]);
  });

  it('counts free-mail addresses one each, never grouped by gmail.com or mail.ru', () => {
    const targets = sendTargets([r('a@gmail.com'), r('b@gmail.com'), r('c@mail.ru'), r('a@gmail.com')], own);
    expect(targets.map((t) => t.key)).toEqual(['address:a@gmail.com', 'address:b@gmail.com', 'address:c@mail.ru']);
  });

  it("leaves out colleagues at the user's own company, unless a card says they are a client", () => {
    expect(sendTargets([r('boss@acme-supply.com'), r('ivan@rosstal.ru', 'c-rosstal')], own).map((t) => t.key)).toEqual(['client:c-rosstal']);
    expect(sendTargets([r('boss@acme-supply.com', 'c-acme')], own).map((t) => t.key)).toEqual(['client:c-acme']);
  });

  it('puts a known client and an unknown colleague of the same domain apart', () => {
    const targets = sendTargets([r('ivan@rosstal.ru', 'c-rosstal'), r('new@rosstal.ru', 'c-rosstal')], own);
    expect(targets).toHaveLength(1);
  });
});

describe('offerTargets and channel references', () => {
  const targets = sendTargets([r('ivan@rosstal.ru', 'c-rosstal'), r('hans@nordfrost.de', 'c-nordfrost')], own);
  it('switches to one offer per message when the setting says so', () => {
    expect(offerTargets(targets, 'per-organisation')).toHaveLength(2);
    expect(offerTargets(targets, 'per-message').map((t) => t.key)).toEqual(['client:c-rosstal']);
  });
  it('keys a send by its draft id, else by the send id, and by the organisation', () => {
    expect(sendChannelRef('gmail', { draftId: '#msg-a:r-1', sendId: 'x' }, 'client:c1')).toBe('gmail:draft:#msg-a:r-1:client:c1');
    expect(sendChannelRef('gmail', { draftId: null, sendId: 'u-1' }, 'domain:a.ru')).toBe('gmail:send:u-1:domain:a.ru');
  });
});
