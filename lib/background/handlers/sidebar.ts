import { tabOf, type Handlers } from './context';

// Issue 12.11: the tab's sidebar is the one our content script created; see ../sidebar-tokens.ts.

export const sidebarHandlers: Pick<Handlers, 'contentToBackground.sidebarToken' | 'sidebarToBackground.present'> = {
  // accept.ts lets content messages in only from the top frame of a tab on one of our sites.
  async 'contentToBackground.sidebarToken'(_message, ctx) {
    return { token: ctx.hub.issueSidebarToken(tabOf(ctx)) };
  },

  async 'sidebarToBackground.present'() {
    throw new Error('A sidebar presents its token as the first message on its port, not on its own.');
  },
};
