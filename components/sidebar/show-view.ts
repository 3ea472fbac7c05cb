import type { BackgroundToSidebarView, SidebarView } from '@/lib/messaging/views';
import { recordMeasure } from '@/lib/user-timing';

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
