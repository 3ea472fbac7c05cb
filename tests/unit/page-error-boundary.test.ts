// @vitest-environment happy-dom
import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_FAILED, PageErrorBoundary } from '@/components/options/shell/PageErrorBoundary';

// Options' error boundary (issue 12.6): a page that throws while rendering shows a message, and
// the rest of the workspace (the tabs, Backup) stays on screen.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let failing = true;
function StoredRecordPage(): ReactNode {
  if (failing) throw new TypeError("Cannot read properties of null (reading 'paymentTerms')");
  return createElement('p', { id: 'page' }, 'Rosstal');
}

function Workspace(): ReactNode {
  return createElement('main', null, createElement('nav', null, createElement('a', { href: '#backup' }, 'Backup')), createElement(PageErrorBoundary, null, createElement(StoredRecordPage)));
}

const container = document.createElement('div');
document.body.append(container);
const root = createRoot(container);
afterEach(() => act(() => root.render(null)));

describe('PageErrorBoundary', () => {
  it('shows what failed instead of the page, and keeps the tabs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    failing = true;
    await act(async () => root.render(createElement(Workspace)));
    const alert = container.querySelector('[data-testid=page-error]');
    expect(alert?.textContent).toContain(PAGE_FAILED);
    expect(alert?.textContent).toContain("reading 'paymentTerms'");
    expect(container.querySelector('nav a')?.textContent).toBe('Backup');
    expect(container.querySelector('#page')).toBeNull();
  });

  it('"Try again" renders the page again once it can be rendered', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    failing = true;
    await act(async () => root.render(createElement(Workspace)));
    failing = false;
    const retry = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    await act(async () => retry.click());
    expect(container.querySelector('#page')?.textContent).toBe('Rosstal');
    expect(container.querySelector('[data-testid=page-error]')).toBeNull();
  });
});
