import { deleteComplaint, saveComplaint } from '@/lib/db/complaints';
import { deleteContract, saveContract, setObligationDone } from '@/lib/db/contracts';
import type { Complaint, Contract } from '@/lib/domain/types';
import type { HandlerContext, Handlers } from './context';

// Contracts and complaints on the client card (issue 7). The rules and their tests live in
// lib/db/contracts.ts and lib/db/complaints.ts; these trim the typed text and announce changes.

/** A change shows on the cards (sidebars) and may change the month's new-client contracts (badge). */
async function planChanged(ctx: HandlerContext): Promise<void> {
  await Promise.all([ctx.hub.dataChanged(), ctx.badgeChanged()]);
}

export const planHandlers: Pick<
  Handlers,
  | 'pageToBackground.saveContract'
  | 'pageToBackground.setObligationDone'
  | 'pageToBackground.deleteContract'
  | 'pageToBackground.saveComplaint'
  | 'pageToBackground.deleteComplaint'
> = {
  async 'pageToBackground.saveContract'(message, ctx): Promise<Contract> {
    const { fields } = message;
    const contract = await saveContract(
      ctx.db,
      message.clientId,
      message.contractId,
      {
        ...fields,
        number: fields.number.trim(),
        notes: fields.notes.trim(),
        obligations: fields.obligations.map((o) => ({ ...o, title: o.title.trim() })),
      },
      await ctx.settings(),
      message.expectedUpdatedAt,
    );
    await planChanged(ctx);
    return contract;
  },

  async 'pageToBackground.setObligationDone'(message, ctx): Promise<Contract> {
    const contract = await setObligationDone(ctx.db, message.contractId, message.obligationId, message.done);
    await planChanged(ctx);
    return contract;
  },

  async 'pageToBackground.deleteContract'(message, ctx): Promise<null> {
    await deleteContract(ctx.db, message.contractId);
    await planChanged(ctx);
    return null;
  },

  async 'pageToBackground.saveComplaint'(message, ctx): Promise<Complaint> {
    const { fields } = message;
    const complaint = await saveComplaint(
      ctx.db,
      message.clientId,
      message.complaintId,
      { ...fields, subject: fields.subject.trim(), details: fields.details.trim(), resolution: fields.resolution.trim() },
      await ctx.settings(),
      message.expectedUpdatedAt,
    );
    await planChanged(ctx);
    return complaint;
  },

  async 'pageToBackground.deleteComplaint'(message, ctx): Promise<null> {
    await deleteComplaint(ctx.db, message.complaintId);
    await planChanged(ctx);
    return null;
  },
};
