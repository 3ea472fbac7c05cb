// Ordered selector chains (site-dom-facts 1 and 2): each concern is a list of selectors from the most
// specific to the most tolerant, and the first selector that finds anything wins. Sites keep their own
// registries of chains; these helpers only walk a chain.

export type SelectorChain = readonly string[];
export type Accept = (el: Element) => boolean;

// A selector the engine cannot parse (`:has` in an old engine) just counts as "no match".
function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

function first(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** First element of the first selector in the chain that matches (and passes `accept`). */
export function queryFirst(root: ParentNode, chain: SelectorChain, accept?: Accept): Element | null {
  for (const selector of chain) {
    // Reads run on every page change: without a filter the engine can stop at the first match.
    const hit = accept ? all(root, selector).find(accept) : first(root, selector);
    if (hit) return hit;
  }
  return null;
}

/** All elements of the first selector in the chain that matches (after `accept`). */
export function queryAllFirst(root: ParentNode, chain: SelectorChain, accept?: Accept): Element[] {
  for (const selector of chain) {
    const hits = all(root, selector).filter((el) => !accept || accept(el));
    if (hits.length > 0) return hits;
  }
  return [];
}

/** Nearest ancestor-or-self matching the chain, tried selector by selector, inside `boundary` if given. */
export function closestFirst(el: Element, chain: SelectorChain, boundary?: Element): Element | null {
  for (const selector of chain) {
    const hit = safeClosest(el, selector);
    if (hit && (!boundary || boundary.contains(hit))) return hit;
  }
  return null;
}

/** True when `el` sits inside (or is) an element matching any selector of the chain, strictly within `boundary`. */
export function isInside(el: Element, chain: SelectorChain, boundary: Element): boolean {
  return chain.some((selector) => {
    const hit = safeClosest(el, selector);
    return hit !== null && hit !== boundary && boundary.contains(hit);
  });
}
