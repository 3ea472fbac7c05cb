import { Component, type ErrorInfo, type ReactNode } from 'react';

// One workspace page that fails to render (say, a stored record of a shape this version does not
// expect) must not take the whole of Options down with it: React unmounts everything up to the
// nearest error boundary, and without one the page goes blank, Backup included (issue 12.6).
// Options keys this boundary by the page, so opening another tab starts afresh.

export const PAGE_FAILED = 'This page could not be shown.';
export const PAGE_FAILED_HELP = 'Nothing was changed or lost by this. The other tabs still work: Backup can save your base to a file or restore one.';

interface State {
  error: Error | null;
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[ClientDesk] a workspace page failed to render:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert" className="error" data-testid="page-error">
        <h2>{PAGE_FAILED}</h2>
        <p>{PAGE_FAILED_HELP}</p>
        <p className="small">What went wrong: {error.message}</p>
        <span className="buttons">
          <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
          <a href="#backup">Open Backup</a>
        </span>
      </section>
    );
  }
}
