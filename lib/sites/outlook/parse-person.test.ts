import { describe, expect, it } from 'vitest';
import { parsePersonText, roleByOrder, roleFromLabel, stripFieldLabel } from './parse-person';
import { composeIdFromPath, isComposeRoute, isThreadRoute, itemIdFromPath } from './route';

describe('parsePersonText (outlook-2026 1a: three pill forms)', () => {
  it('reads "Name <addr>", a bare address and a bare name', () => {
    expect(parsePersonText(' Ivan Petrov <Ivan.Petrov@Rosstal.ru> ')).toEqual({ email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov' });
    expect(parsePersonText('olga@rosstal.ru;')).toEqual({ email: 'olga@rosstal.ru', name: '' });
    expect(parsePersonText('Hans  Weber')).toEqual({ email: null, name: 'Hans Weber' });
    expect(parsePersonText('  ')).toBeNull();
    expect(parsePersonText('Broken <not-an-address>')).toBeNull();
  });

  it('strips English and French field labels, and maps role words', () => {
    expect(stripFieldLabel('From: Ivan <i@r.ru>')).toBe('Ivan <i@r.ru>');
    expect(stripFieldLabel('De : Ivan <i@r.ru>')).toBe('Ivan <i@r.ru>');
    expect(roleFromLabel('À : Alice')).toBe('to');
    expect(roleFromLabel('Cci')).toBe('bcc');
    expect(roleFromLabel('Cc: Olga')).toBe('cc');
    expect(roleFromLabel('Empfänger')).toBeNull();
    expect([0, 1, 2, 5].map(roleByOrder)).toEqual(['to', 'cc', 'bcc', 'bcc']);
  });
});

describe('route (site-dom-facts 2.1)', () => {
  it('finds item ids on every host form of the path', () => {
    expect(itemIdFromPath('/mail/inbox/id/AAQkAGI2TG93AAA%3D')).toBe('AAQkAGI2TG93AAA=');
    expect(itemIdFromPath('/mail/0/inbox/id/AQQkADAwATM%3D')).toBe('AQQkADAwATM=');
    expect(itemIdFromPath('/mail/inbox')).toBeNull();
    expect(itemIdFromPath('/calendar/view/id/x')).toBeNull();
    expect(isThreadRoute('/mail/sentitems/id/AAMk')).toBe(true);
  });

  it('recognises compose routes', () => {
    expect(isComposeRoute('/mail/deeplink/compose')).toBe(true);
    expect(isComposeRoute('/mail/0/deeplink/compose')).toBe(true);
    expect(isComposeRoute('/mail/compose/AAMk%2Bx')).toBe(true);
    expect(composeIdFromPath('/mail/compose/AAMk%2Bx')).toBe('AAMk+x');
    expect(isComposeRoute('/mail/inbox')).toBe(false);
  });
});
