// Names of the long-lived ports. Kept apart from protocol.ts so content scripts can use them
// without bundling zod.

/** The port a sidebar opens to receive its view; the background pushes BackgroundToSidebarView. */
export const SIDEBAR_PORT = 'sidebarToBackground.subscribe';

/**
 * The port a site content script sends its page snapshots over (one long-lived channel is
 * cheaper than a sendMessage per snapshot). Each message on it is still accepted one by one.
 */
export const CONTENT_PORT = 'contentToBackground.snapshots';

/**
 * The port Options and the welcome page run bulk jobs over (import, restore): rows and backup text
 * arrive in chunks, progress goes back, and closing the page cancels the job (nothing is changed).
 */
export const BULK_PORT = 'optionsToBackground.bulk';
