import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { SIDEBAR_PORT } from '@/lib/messaging/ports';
import { recordMeasure } from '@/lib/user-timing';
import type { BackgroundToSidebarView, CorrespondentView, SidebarView } from '@/lib/messaging/views';
import { ComposeTools } from './ComposeTools';
import { CallSection } from './CallSection';
import { CorrespondentSection } from './CorrespondentSection';
import { AppHeader } from '../AppHeader';

/**
 * One view from the background: shown first, then its timing recorded, so that nothing about the
 * timing (issue 12.14c: a snapshot emitted before this sidebar existed) can keep it on "Loading…".
 */
export function showViewMessage(message: unknown, setView: (view: SidebarView) => void): void {
  const { view } = message as BackgroundToSidebarView;
  setView(view);
  // User Timing entry read by `npm run bench`: adapter event → card data in the sidebar.
  if (view.emittedAt) recordMeasure('clientdesk:event-to-card', view.emittedAt - performance.timeOrigin);
}

/** Subscribes to the background for this tab's view; reconnects when the service worker restarts. */
function useSidebarView(): SidebarView | null {
  const [view, setView] = useState<SidebarView | null>(null);
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      try {
        port = browser.runtime.connect({ name: SIDEBAR_PORT });
      } catch {
        // The service worker is starting or the extension reloads: try again.
        if (!stopped) retry = setTimeout(connect, 200);
        return;
      }
      port.onMessage.addListener((message: unknown) => showViewMessage(message, setView));
      port.onDisconnect.addListener(() => {
        if (!stopped) retry = setTimeout(connect, 200);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      port?.disconnect();
    };
  }, []);
  return view;
}

/** For each person, the clients whose full card an earlier person of the same mail already shows. */
function withRepeatedClients(people: CorrespondentView[]) {
  const shown = new Set<string>();
  return people.map((person) => {
    const repeated = new Set(person.cards.map((c) => c.client.id).filter((id) => shown.has(id)));
    person.cards.forEach((c) => shown.add(c.client.id));
    return { person, repeated };
  });
}

const CONTEXT_TITLES = { thread: 'In this conversation', compose: 'Writing to', call: 'On the phone' } as const;

export function SidebarApp() {
  const view = useSidebarView();
  if (!view) return <p className="muted pad">Loading…</p>;
  // A compose is shown even before it has recipients: its templates are useful at once.
  const contexts = view.contexts.filter((c) => c.correspondents.length > 0 || c.kind === 'compose');
  return (
    <main className="sidebar">
      <AppHeader />
      {view.problems.map((problem) => (
        <div key={problem.code} className="problem" role="alert" data-problem={problem.code}>
          {problem.message}
        </div>
      ))}
      {contexts.length === 0 && !view.problems.length && (
        <p className="muted pad">Open a mail or start writing one: ClientDesk shows the client card of everyone in it.</p>
      )}
      {contexts.map((context) => (
        <section key={`${context.kind}:${context.id}`} className="context" data-context={context.kind} data-focused={context.focused || undefined}>
          <h2>
            {CONTEXT_TITLES[context.kind]}
            {context.subject && <span className="subject"> · {context.subject}</span>}
          </h2>
          {context.kind === 'compose' && <ComposeTools context={context} templates={view.templates} />}
          {context.kind === 'call' ? (
            <CallSection context={context} repeatedClientIds={new Set()} />
          ) : (
            withRepeatedClients(context.correspondents).map(({ person, repeated }) => (
              <CorrespondentSection key={`${person.role}:${person.email ?? person.name}`} person={person} repeatedClientIds={repeated} />
            ))
          )}
        </section>
      ))}
    </main>
  );
}
