import { browser } from 'wxt/browser';
import { activitiesOnDay } from '@/lib/db/sends';
import { getTemplate, markTemplateUsed } from '@/lib/db/templates';
import { dayKey } from '@/lib/domain/day-key';
import { progressItems } from '@/lib/domain/progress';
import { renderTemplate } from '@/lib/domain/templates';
import type { BackgroundToContentInsert } from '@/lib/messaging/protocol';
import type { InsertTemplateReply, TodayView } from '@/lib/messaging/views';
import type { InsertResult } from '@/lib/sites/types';
import { todayCounts } from '../badge';
import { templateContextFor } from '../template-context';
import { tabOf, type Handlers } from './context';
import { heldSendViews } from './held-sends';

// Offers: inserting templates into a compose, the "this is an offer" toggle, confirmed sends
// counted toward today's quota, and today's progress.

/** The page's answer, or undefined if it does not come in time (a page that hangs must not hang the sidebar). */
function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([answer, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

export const offerHandlers: Pick<
  Handlers,
  'contentToBackground.mailSent' | 'sidebarToBackground.insertTemplate' | 'sidebarToBackground.markOffer' | 'pageToBackground.getToday'
> = {
  async 'sidebarToBackground.insertTemplate'(message, ctx): Promise<InsertTemplateReply> {
    const tabId = tabOf(ctx);
    const [template, settings] = await Promise.all([getTemplate(ctx.db, message.templateId), ctx.settings()]);
    const recipients = await ctx.hub.correspondentsOf(tabId, message.contextId);
    const rendered = renderTemplate(template, templateContextFor(recipients, settings), message.values);
    // A sent mail never contains a literal {{: ask for what is missing first.
    if (rendered.missing.length) return { inserted: false, missing: rendered.missing };
    const request: BackgroundToContentInsert = {
      type: 'backgroundToContent.insertIntoCompose',
      contextId: message.contextId,
      html: rendered.html,
      subject: rendered.subject || null,
    };
    const result = await answerWithin(browser.tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<InsertResult | undefined>, 10_000);
    if (!result) throw new Error('The page did not answer. Reload the mail page and try again.');
    if (!result.ok) throw new Error(result.reason);
    await ctx.hub.marks.update(tabId, message.contextId, (mark) => {
      if (!mark.templates.some((t) => t.id === template.id)) mark.templates.push({ id: template.id, name: template.name, countsAsOffer: template.countsAsOffer });
    });
    await markTemplateUsed(ctx.db, template.id);
    await ctx.hub.dataChanged();
    return { inserted: true, subjectFilled: result.subjectFilled };
  },

  async 'sidebarToBackground.markOffer'(message, ctx) {
    await ctx.hub.marks.update(tabOf(ctx), message.contextId, (mark) => {
      mark.markedOffer = message.offer;
    });
    await ctx.hub.pushAllTabs();
    return null;
  },

  async 'contentToBackground.mailSent'(message, ctx) {
    const tabId = tabOf(ctx);
    const site = (await ctx.hub.snapshotOf(tabId))?.site ?? 'mail';
    ctx.reconciler.page(site, tabId, message.mail, message.emittedAt);
    return null;
  },

  async 'pageToBackground.getToday'(_message, ctx): Promise<TodayView> {
    const settings = await ctx.settings();
    const today = dayKey(new Date(), settings.timeZone);
    const [counts, offers, heldSends] = await Promise.all([todayCounts(ctx.db, settings), activitiesOnDay(ctx.db, 'email_offer', today), heldSendViews(ctx.db)]);
    const clients = await ctx.db.clients.bulkGet([...new Set(offers.flatMap((a) => (a.clientId ? [a.clientId] : [])))]);
    const names = new Map(clients.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
    return {
      dayKey: today,
      items: progressItems(counts, settings.quotas),
      offers: offers.reverse().map((activity) => ({ activity, clientName: activity.clientId ? (names.get(activity.clientId) ?? null) : null })),
      heldSends,
    };
  },
};
