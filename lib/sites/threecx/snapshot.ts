// The 3CX page snapshot: the calls the WebSocket shows (connections.ts) and, when it shows none newer,
// the number the user is dialling by other means (dial-intent.ts). The focused context, which the
// sidebar shows, is the newest call in progress, else the newest ended one. Pure.

import type { MailContext, PageSnapshot } from '../types';
import { intentContext, type DialIntent } from './dial-intent';

export const THREECX_SITE = '3cx';

/** `region`: the PBX's country, which its numbers without a country code belong to (a per-host setting). */
export function buildCallSnapshot(calls: MailContext[], intent: DialIntent | null, region?: string): PageSnapshot {
  const all = intent ? [...calls, intentContext(intent)] : calls;
  const contexts = region ? all.map((context) => ({ ...context, region })) : all;
  const newest = (list: MailContext[]) =>
    list.reduce<MailContext | null>((best, c) => (!best || (c.call?.startedAt ?? 0) >= (best.call?.startedAt ?? 0) ? c : best), null);
  const focused = newest(contexts.filter((c) => c.call?.state !== 'ended')) ?? newest(contexts);
  return { site: THREECX_SITE, selfEmail: null, contexts, focusedContextId: focused?.id ?? null, problems: [] };
}
