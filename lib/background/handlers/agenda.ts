import { saveSettings } from '@/lib/db/settings';
import { agendaSummary } from '@/lib/domain/agenda';
import { composeUrl, htmlToText } from '@/lib/domain/compose-links';
import { dayKey } from '@/lib/domain/day-key';
import { reportDue } from '@/lib/domain/monthly-report';
import { renderTemplate } from '@/lib/domain/templates';
import { limitAgenda, loadAgenda, loadMonthlyReport } from '../plan/sources';
import { templateContextForClient } from '../template-context';
import type { Handlers } from './context';

// The plan (issue 7): Today (Options, the popup), the greeting one click away, the monthly report.

export const agendaHandlers: Pick<
  Handlers,
  | 'pageToBackground.getAgenda'
  | 'pageToBackground.greetingLink'
  | 'pageToBackground.getReportDue'
  | 'optionsToBackground.getMonthlyReport'
  | 'optionsToBackground.markReportSubmitted'
> = {
  async 'pageToBackground.getAgenda'(message, ctx) {
    const settings = await ctx.settings();
    const agenda = await loadAgenda(ctx.db, settings);
    return { ...limitAgenda(agenda, message.limit), summary: agendaSummary(agenda) };
  },

  async 'pageToBackground.greetingLink'(message, ctx) {
    const settings = await ctx.settings();
    const client = await ctx.db.clients.get(message.clientId);
    if (!client || client.deletedAt) throw new Error('This client card no longer exists.');
    const contacts = (await ctx.db.contacts.where('clientId').equals(client.id).toArray()).filter((c) => !c.deletedAt);
    const contact = contacts.find((c) => c.id === message.contactId) ?? null;
    const templates = await ctx.db.templates.where('kind').equals('greeting').toArray();
    const template = templates.filter((t) => !t.deletedAt).sort((a, b) => b.useCount - a.useCount)[0];
    if (!template) throw new Error('There is no greeting template: add one in Options → Templates.');
    // The greeted person first: the template's {{contact.…}} are theirs.
    const ordered = contact ? [contact, ...contacts.filter((c) => c.id !== contact.id)] : contacts;
    const context = templateContextForClient(client, ordered, settings);
    if (contact) context.contact = contact;
    const rendered = renderTemplate(template, context);
    const to = (contact ?? contacts[0])?.emails[0] ?? client.emails[0] ?? '';
    return { url: composeUrl(settings.greetingMail, { to, subject: rendered.subject, body: htmlToText(rendered.html) }), to };
  },

  async 'pageToBackground.getReportDue'(_message, ctx) {
    const settings = await ctx.settings();
    return reportDue(dayKey(new Date(), settings.timeZone), settings.submittedReports, settings.startedOn);
  },

  async 'optionsToBackground.getMonthlyReport'(message, ctx) {
    return loadMonthlyReport(ctx.db, await ctx.settings(), message.month);
  },

  async 'optionsToBackground.markReportSubmitted'(message, ctx) {
    const current = await ctx.settings();
    const others = current.submittedReports.filter((m) => m !== message.month);
    const settings = await saveSettings(ctx.db, { submittedReports: message.submitted ? [...others, message.month].sort() : others });
    ctx.settingsChanged(settings);
    return settings;
  },
};
