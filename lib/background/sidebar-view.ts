import type { ClientDeskDb } from '@/lib/db/database';
import { findCardsForEmail, findCardsForName, findCardsForPhone, type MatchedCard } from '@/lib/db/lookup';
import { normalizeEmail } from '@/lib/domain/address';
import { companyFromDomain, emailDomain, isFreeMailDomain, isOwnDomain, nameFromAddress } from '@/lib/domain/email';
import { internationalForm, normalizePhone } from '@/lib/domain/phone';
import type { Settings } from '@/lib/domain/types';
import type { CardView, ComposeOfferView, ContextView, CorrespondentView, NewCardDraft, SidebarView, TemplateSummary } from '@/lib/messaging/views';
import type { CallInfo, Correspondent, PageSnapshot } from '@/lib/sites/types';
import { isOffer, type ComposeMark } from './compose-marks';

// Turns what the adapter saw into what the sidebar shows: each correspondent with its cards.

export const EMPTY_VIEW: SidebarView = { site: null, contexts: [], problems: [], emittedAt: null, templates: [] };

/** What the view needs beyond the page: the template list and each compose's offer marks. */
export interface ViewExtras {
  templates: TemplateSummary[];
  markOf(contextId: string): ComposeMark | undefined;
}

const NO_EXTRAS: ViewExtras = { templates: [], markOf: () => undefined };

function offerView(mark: ComposeMark | undefined): ComposeOfferView {
  return { templates: (mark?.templates ?? []).map(({ id, name }) => ({ id, name })), markedOffer: mark?.markedOffer ?? null, isOffer: isOffer(mark) };
}

/**
 * Cards found per address (or display name), kept until the next write. The background is the
 * one writer, so it clears this after every change; pages re-send all their correspondents when
 * one changes, and most of them were looked up a moment ago.
 */
export class CardCache {
  private readonly entries = new Map<string, CardView[]>();
  get size() {
    return this.entries.size;
  }
  get(key: string) {
    return this.entries.get(key);
  }
  set(key: string, cards: CardView[]) {
    if (this.entries.size > 5000) this.entries.clear();
    this.entries.set(key, cards);
  }
  clear() {
    this.entries.clear();
  }
}

function draftFor(person: Correspondent, settings: Settings, international: string | null = null): NewCardDraft {
  const domain = person.email ? emailDomain(person.email) : null;
  const companyDomain = domain && !isFreeMailDomain(domain) && !isOwnDomain(domain, settings.ownDomains) ? domain : null;
  const contactName = person.name.trim() || (person.email ? nameFromAddress(person.email) : '');
  return {
    companyName: companyDomain ? companyFromDomain(companyDomain) : contactName,
    domain: companyDomain,
    contactName,
    email: person.email,
    phone: international ?? person.phone ?? null,
  };
}

function toCardView(card: MatchedCard): CardView {
  const matchedId = card.contact?.id ?? null;
  return {
    client: card.client,
    contacts: [...card.contacts].sort((a, b) => Number(b.id === matchedId) - Number(a.id === matchedId)),
    matchedContactId: matchedId,
    by: card.by,
    confirmed: card.confirmed,
    recent: card.recent,
  };
}

export async function buildSidebarView(
  db: ClientDeskDb,
  snapshot: PageSnapshot,
  emittedAt: number | null,
  settings: Settings,
  cache = new CardCache(),
  extras: ViewExtras = NO_EXTRAS,
): Promise<SidebarView> {
  /** Open complaints on each card (issue 7: shown on the card in the sidebar). */
  async function withOpenComplaints(cards: CardView[]): Promise<CardView[]> {
    for (const card of cards) {
      const complaints = await db.complaints.where('clientId').equals(card.client.id).toArray();
      card.openComplaints = complaints.flatMap((c) => (c.deletedAt || c.status === 'resolved' ? [] : [{ id: c.id, subject: c.subject, status: c.status, openedAt: c.openedAt }]));
    }
    return cards;
  }

  /**
   * A caller: matched by number (DESIGN.md "Matching a phone number"), several clients for a switchboard.
   * A softphone's national number is read in the softphone's region (the context's), never in the
   * user's default: "(913) 555 8888" on Google Voice is +1 913…, not the Russian mobile +7 913….
   */
  async function callerViewOf(seen: Correspondent & { phone: string }, region: string): Promise<CorrespondentView> {
    const parsed = normalizePhone(seen.phone, region);
    const international = parsed.ok ? internationalForm(parsed.phone) : null;
    const phone = parsed.ok ? { e164: parsed.phone.e164, ext: parsed.phone.ext, shown: seen.phone, international } : { e164: null, ext: null, shown: seen.phone };
    let cardViews: CardView[] = [];
    if (phone.e164) {
      const key = `tel:${phone.e164}`;
      cardViews = cache.get(key) ?? (await withOpenComplaints((await findCardsForPhone(db, phone.e164)).map(toCardView)));
      cache.set(key, cardViews);
    }
    return { email: null, name: seen.name, role: seen.role, phone, cards: cardViews, draft: draftFor(seen, settings, international) };
  }

  async function viewOf(seen: Correspondent, region: string): Promise<CorrespondentView | null> {
    if (seen.phone && !seen.email) return callerViewOf({ ...seen, phone: seen.phone }, region);
    // Addresses arrive from the page: normalize again rather than trust the content script.
    const person = { ...seen, email: seen.email ? normalizeEmail(seen.email) : null };
    const key = person.email ?? `name:${person.name.trim().toLowerCase()}`;
    let cardViews = cache.get(key);
    if (!cardViews) {
      const cards = person.email ? await findCardsForEmail(db, person.email, settings) : await findCardsForName(db, person.name);
      cardViews = await withOpenComplaints(cards.map(toCardView));
      cache.set(key, cardViews);
    }
    // A colleague at the user's own company is not a client unless a card says so.
    if (!cardViews.length && person.email && isOwnDomain(emailDomain(person.email), settings.ownDomains)) return null;
    return { email: person.email, name: person.name, role: person.role, cards: cardViews, draft: draftFor(person, settings) };
  }

  /** A call and whether it was logged already (the sidebar then does not ask again). */
  async function callLog(callRef: string, call: CallInfo) {
    const logged = await db.activities.where('channelRef').equals(callRef).filter((a) => a.type === 'call' && !a.deletedAt).first();
    return { call, callRef, loggedCallId: logged?.id ?? null };
  }

  // One read transaction for every lookup: far cheaper than a transaction per query.
  const contexts: ContextView[] = await db.transaction('r', [db.clients, db.contacts, db.activities, db.complaints], async () =>
    Promise.all(snapshot.contexts.map(async (context) => {
      const people = context.correspondents.filter((p) => !p.email || p.email !== snapshot.selfEmail);
      const region = context.region ?? settings.defaultPhoneRegion;
      const views = await Promise.all(people.map((person) => viewOf(person, region)));
      return {
        kind: context.kind,
        id: context.id,
        variant: context.variant,
        subject: context.subject,
        focused: context.id === snapshot.focusedContextId,
        correspondents: views.filter((v): v is CorrespondentView => !!v),
        offer: context.kind === 'compose' ? offerView(extras.markOf(context.id)) : null,
        ...(context.call ? await callLog(`${snapshot.site}:${context.id}`, context.call) : {}),
      };
    })),
  );
  // The focused compose first, then other composes, then the thread.
  contexts.sort((a, b) => Number(b.focused) - Number(a.focused) || Number(b.kind === 'compose') - Number(a.kind === 'compose'));
  return { site: snapshot.site, contexts, problems: snapshot.problems, emittedAt, templates: extras.templates };
}
