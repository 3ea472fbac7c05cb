// One read of the Google Voice page as a PageSnapshot: the call (on, or ended a little while ago) and
// the number being dialled, as `kind: 'call'` contexts (lib/sites/types.ts). The call tracker keeps
// what happened between reads; everything else is read from the page now.

import type { AdapterProblem, MailContext, PageSnapshot } from '../types';
import type { CallTracker, TrackedCall, TrackedDial } from './call-tracker';
import { GV_DEFAULT_REGION, readAccountRegion, readCallPanel, readDialledNumber } from './parse-call';

export const SITE = 'google-voice';
/** The context id of the number being dialled before a call starts. */
export const DIAL_CONTEXT_ID = 'dial';

export const CALL_UNREADABLE: AdapterProblem = {
  code: 'call-unreadable',
  message:
    'ClientDesk cannot read the number of this Google Voice call; Google Voice may have changed its page. ' +
    'Type the number in the dialler or search the client in the sidebar to log the call by hand. ' +
    'Reloading Google Voice may help; if not, update ClientDesk.',
};

function callContext(call: TrackedCall, region: string): MailContext {
  return {
    kind: 'call',
    id: call.id,
    region,
    subject: '',
    correspondents: [
      { email: null, name: call.name, role: call.call.direction === 'in' ? 'from' : 'to', phone: call.phone },
    ],
    call: call.call,
  };
}

function dialContext(dial: TrackedDial, region: string): MailContext {
  return {
    kind: 'call',
    id: DIAL_CONTEXT_ID,
    region,
    subject: '',
    correspondents: [{ email: null, name: '', role: 'to', phone: dial.phone }],
    call: { direction: 'out', state: 'dialing', startedAt: dial.since, connectedAt: null, endedAt: null, durationSec: null },
  };
}

/**
 * The snapshot for a call and a dialled number (either may be null). The latest the user acts on has
 * the focus: the number being dialled, else the call. `region`: the country of the account's numbers.
 */
export function buildSnapshot(
  call: TrackedCall | null,
  dial: TrackedDial | null,
  problems: AdapterProblem[] = [],
  region = GV_DEFAULT_REGION,
): PageSnapshot {
  const contexts: MailContext[] = [];
  if (call) contexts.push(callContext(call, region));
  if (dial) contexts.push(dialContext(dial, region));
  return { site: SITE, selfEmail: null, contexts, focusedContextId: contexts.at(-1)?.id ?? null, problems };
}

/** Reads the page at `now` and feeds the tracker. `search` defaults to the page's (deep links). */
export function readGoogleVoiceSnapshot(doc: Document, tracker: CallTracker, now: number, search?: string): PageSnapshot {
  const reading = readCallPanel(doc);
  const call = tracker.update(reading, now);
  const dial = tracker.dial(reading.active ? null : readDialledNumber(doc, search), now);
  // A number read earlier in this call still counts: only a call never identified is a problem.
  const problems = reading.active && !call?.phone ? [{ ...CALL_UNREADABLE }] : [];
  return buildSnapshot(call, dial, problems, readAccountRegion(doc));
}
