import { describe, expect, it } from 'vitest';
import { buildClient, buildContact } from '@/lib/db/records';
import { testSettings } from '@/lib/db/test-helpers';
import { templateContextForClient } from './template-context';

describe('templateContextForClient', () => {
  const client = buildClient({ name: 'Rosstal' }, 'm');
  const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
  const ivan = { ...buildContact(client.id, { name: 'Ivan Petrov' }, 'm'), ...at('2026-01-01T10:00:00.000Z'), id: 'z-ivan' };
  const olga = { ...buildContact(client.id, { name: 'Olga Sidorova' }, 'm'), ...at('2026-01-01T10:00:00.000Z'), id: 'a-olga' };
  const boss = { ...buildContact(client.id, { name: 'Boris Boss', decisionMaker: true }, 'm'), ...at('2026-03-01T10:00:00.000Z'), id: 'm-boss' };

  it('addresses the first contact entered, whatever the random ids say', () => {
    expect(templateContextForClient(client, [olga, ivan], testSettings()).contact?.name).toBe('Ivan Petrov');
    expect(templateContextForClient(client, [ivan, olga], testSettings()).contact?.name).toBe('Ivan Petrov');
  });

  it('prefers the decision maker', () => {
    expect(templateContextForClient(client, [ivan, olga, boss], testSettings()).contact?.name).toBe('Boris Boss');
  });
});
