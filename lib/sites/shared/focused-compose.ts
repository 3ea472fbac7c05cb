// Which compose the user works in: its root, not the focused node, which may go away (Gmail's chip
// remove button). Kept when focus moves elsewhere, e.g. into our sidebar.

export interface FocusedCompose {
  /** The root of the compose that has, or last had, focus, while it is still in the page. */
  current(): Element | null;
}

export function trackFocusedCompose(
  doc: Document,
  signal: AbortSignal,
  composeRoots: (doc: Document) => readonly { el: Element }[],
  onChange: () => void,
): FocusedCompose {
  let focused: Element | null = null;
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = event.target as Node | null;
      const root = target && composeRoots(doc).find((c) => c.el.contains(target))?.el;
      if (root && root !== focused) {
        focused = root;
        onChange();
      }
    },
    { capture: true, signal },
  );
  return { current: () => (focused?.isConnected ? focused : null) };
}
