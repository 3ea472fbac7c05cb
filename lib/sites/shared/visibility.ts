// Whether an element is rendered at all: the "sent" notice and a closing full-screen compose are
// hidden by style rather than removed (site-dom-facts 1.2, 1.4).

/** True when `el` is in the document and neither it nor an ancestor is display:none or visibility:hidden. */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  // Engines without checkVisibility (Chrome < 121, Firefox < 125).
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || view?.getComputedStyle(node).display === 'none') return false;
  }
  return view?.getComputedStyle(el).visibility !== 'hidden';
}
