import type { CorrespondentView } from '@/lib/messaging/views';
import { ComposeTools } from './ComposeTools';
import { CallSection } from './CallSection';
import { CorrespondentSection } from './CorrespondentSection';
import { AppHeader } from '../AppHeader';
import { useSidebarView } from './use-sidebar-view';

/** Shown in a sidebar the background refused: one a page framed itself, or one left from before an update. */
const REFUSED = 'ClientDesk cannot show cards on this page.';

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
  const state = useSidebarView();
  if (state.kind === 'loading') return <p className="muted pad">Loading…</p>;
  if (state.kind === 'refused') {
    return (
      <p className="problem pad" role="alert" data-problem="refused">
        {REFUSED}
      </p>
    );
  }
  const view = state.view;
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
