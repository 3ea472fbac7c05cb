// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCallTracker } from './call-tracker';
import { parseFixture } from './fixtures.testutil';
import { buildSnapshot, CALL_UNREADABLE, DIAL_CONTEXT_ID, readGoogleVoiceSnapshot } from './snapshot';

const T0 = 1_750_000_000_000;

describe('buildSnapshot', () => {
  it('is empty with neither a call nor a number', () => {
    expect(buildSnapshot(null, null)).toEqual({ site: 'google-voice', selfEmail: null, contexts: [], focusedContextId: null, problems: [] });
  });

  it('puts the other party of an incoming call as "from", of an outgoing one as "to"', () => {
    const call = (direction: 'in' | 'out') => ({
      id: 'gv-call-1-1',
      phone: '+7 495 123-45-67',
      name: 'Ivan Petrov',
      call: { direction, state: 'ringing' as const, startedAt: 1, connectedAt: null, endedAt: null, durationSec: null },
    });
    expect(buildSnapshot(call('in'), null).contexts[0]?.correspondents).toEqual([{ email: null, name: 'Ivan Petrov', role: 'from', phone: '+7 495 123-45-67' }]);
    expect(buildSnapshot(call('out'), null).contexts[0]?.correspondents[0]?.role).toBe('to');
    expect(buildSnapshot(call('in'), null).focusedContextId).toBe('gv-call-1-1');
  });

  it('shows a dialled number as an outgoing call being dialled, focused after an ended call', () => {
    const ended = {
      id: 'gv-call-1-1',
      phone: '+7 495 123-45-67',
      name: 'Ivan Petrov',
      call: { direction: 'in' as const, state: 'ended' as const, startedAt: 1, connectedAt: 2, endedAt: 3, durationSec: 1 },
    };
    const snapshot = buildSnapshot(ended, { phone: '+1123', since: 5 });
    expect(snapshot.contexts.map((c) => c.id)).toEqual(['gv-call-1-1', DIAL_CONTEXT_ID]);
    expect(snapshot.contexts[1]).toEqual({
      kind: 'call',
      id: 'dial',
      region: 'US',
      subject: '',
      correspondents: [{ email: null, name: '', role: 'to', phone: '+1123' }],
      call: { direction: 'out', state: 'dialing', startedAt: 5, connectedAt: null, endedAt: null, durationSec: null },
    });
    expect(snapshot.focusedContextId).toBe('dial');
  });
});

describe('readGoogleVoiceSnapshot', () => {
  it('reads a ringing call from the page', () => {
    const snapshot = readGoogleVoiceSnapshot(parseFixture('incoming-ringing.html'), createCallTracker(), T0, '');
    expect(snapshot).toEqual({
      site: 'google-voice',
      selfEmail: null,
      contexts: [
        {
          kind: 'call',
          id: `gv-call-1-${T0}`,
          // Its numbers are the account's country's (the page's tones say US).
          region: 'US',
          subject: '',
          correspondents: [{ email: null, name: 'Ivan Petrov', role: 'from', phone: '+7 495 123-45-67' }],
          call: { direction: 'in', state: 'ringing', startedAt: T0, connectedAt: null, endedAt: null, durationSec: null },
        },
      ],
      focusedContextId: `gv-call-1-${T0}`,
      problems: [],
    });
  });

  it('does not read the dialler during a call', () => {
    const doc = parseFixture('incoming-2025.html'); // the make-call panel stays in this layout
    doc.querySelector('button[gv-test-id="new-call-button"]')?.setAttribute('aria-label', 'Call + 1 1 2 3');
    expect(readGoogleVoiceSnapshot(doc, createCallTracker(), T0, '').contexts.map((c) => c.id)).toEqual([`gv-call-1-${T0}`]);
  });

  it('reports a call whose number cannot be read, and still shows it', () => {
    const doc = parseFixture('outgoing-ringing.html');
    doc.querySelector('gv-in-call-remote-party')?.remove();
    const snapshot = readGoogleVoiceSnapshot(doc, createCallTracker(), T0, '');
    expect(snapshot.problems).toEqual([CALL_UNREADABLE]);
    expect(snapshot.contexts[0]?.correspondents[0]).toMatchObject({ phone: null, role: 'to' });
  });
});
