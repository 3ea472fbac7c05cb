// Events and ranges point at nodes (text nodes, too); the selector registry works on elements.

/** The element itself, a text node's parent element, or null for anything else. */
export function elementOf(target: EventTarget | Node | null): Element | null {
  const node = target as Node | null;
  if (!node || typeof node.nodeType !== 'number') return null;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}
