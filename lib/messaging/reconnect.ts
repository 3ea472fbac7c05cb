// How a sidebar reconnects after its port closed (issue 12.11). The port closes when the service
// worker is stopped (~30 s idle): then the sidebar had a view and reconnects at once. A port that
// closes before any view was refused or broken: trying every 200 ms forever kept the worker awake,
// so the delay doubles up to a cap and the sidebar gives up after a few tries. An explicit refusal
// (backgroundToSidebar.refused) stops it at once.

export const RECONNECT_FIRST_DELAY_MS = 250;
export const RECONNECT_MAX_DELAY_MS = 4000;
export const RECONNECT_MAX_FAILURES = 5;

/** The wait before the next try after `failures` connections in a row closed without a view; null: stop. */
export function reconnectDelay(failures: number): number | null {
  if (failures >= RECONNECT_MAX_FAILURES) return null;
  return Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
}
