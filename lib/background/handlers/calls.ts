import { logCall, matchPhone, phoneOrThrow, startCall } from '@/lib/db/calls';
import type { MatchPhoneResult } from '@/lib/domain/calls';
import { pbxRegionOf } from '@/lib/domain/phone';
import type { Activity } from '@/lib/domain/types';
import type { StartCallReply } from '@/lib/messaging/protocol';
import type { HandlerContext, Handlers } from './context';

// Calls (issue 6): whose number it is, click-to-call, and the log form of the sidebar and the popup.
// The rules and their tests live in lib/db/calls.ts; these only read settings and announce changes.

/** A call changes the timeline (sidebars), the client's last contact, and the day's counters (badge). */
async function callsChanged(ctx: HandlerContext): Promise<void> {
  await Promise.all([ctx.hub.dataChanged(), ctx.badgeChanged()]);
}

export const callHandlers: Pick<
  Handlers,
  'pageToBackground.matchPhone' | 'pageToBackground.startCall' | 'pageToBackground.logCall' | 'contentToBackground.softphoneRegion'
> = {
  /** The region of the softphone's numbers, for the host the browser says the page is on (3CX: its PBX region). */
  async 'contentToBackground.softphoneRegion'(_message, ctx): Promise<{ region: string }> {
    const host = ctx.senderUrl ? new URL(ctx.senderUrl).hostname : '';
    return { region: pbxRegionOf(await ctx.settings(), host) };
  },

  async 'pageToBackground.matchPhone'(message, ctx): Promise<MatchPhoneResult> {
    return matchPhone(ctx.db, message.number, await ctx.settings());
  },

  async 'pageToBackground.startCall'(message, ctx): Promise<StartCallReply> {
    const { call, url } = await startCall(ctx.db, message, await ctx.settings());
    await callsChanged(ctx);
    return { callId: call.id, url };
  },

  async 'pageToBackground.logCall'(message, ctx): Promise<Activity> {
    const settings = await ctx.settings();
    const { type: _type, number, ...input } = message;
    const typed = number?.trim() ? number : null;
    const { call } = await logCall(ctx.db, { ...input, number: typed === null ? null : phoneOrThrow(typed, settings.defaultPhoneRegion) }, settings);
    await callsChanged(ctx);
    return call;
  },
};
