// Test helper, not used by the extension: lets DOMPurify 3 sanitize under happy-dom. DOMPurify reads
// nodeName through Node.prototype's getter (against DOM clobbering), which happy-dom leaves returning ''
// (its subclasses override it), and walks with a NodeIterator that must survive removal of the current
// node, which happy-dom's does not. Without this DOMPurify strips nothing in happy-dom. Browsers are fine.

let patched = false;

function following(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

function preceding(node: Node): Node | null {
  let prev = node.previousSibling;
  if (!prev) return node.parentNode;
  while (prev.lastChild) prev = prev.lastChild;
  return prev;
}

/** Call before the first sanitize: DOMPurify captures both when an instance is made. */
export function patchHappyDomForDomPurify(): void {
  if (patched) return;
  patched = true;
  const baseNodeName = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')?.get;
  Object.defineProperty(Node.prototype, 'nodeName', {
    configurable: true,
    get(this: Node) {
      for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
        const own = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
        if (own) return own.call(this);
      }
      return baseNodeName?.call(this) ?? '';
    },
  });

  // A NodeIterator (no filter) that, like the spec's, carries on after its current node is removed.
  let owner: object = document;
  while (!Object.prototype.hasOwnProperty.call(owner, 'createNodeIterator')) owner = Object.getPrototypeOf(owner);
  Object.defineProperty(owner, 'createNodeIterator', {
    configurable: true,
    value(root: Node, whatToShow = 0xffffffff) {
      let current: Node | null = null;
      let before: Node | null = null;
      const shown = (n: Node) => (whatToShow & (1 << (n.nodeType - 1))) !== 0;
      return {
        root,
        whatToShow,
        filter: null,
        nextNode() {
          let next: Node | null;
          if (current === null) next = root;
          else if (current !== root && !root.contains(current)) next = before ? following(before, root) : null;
          else next = following(current, root);
          while (next && !shown(next)) next = following(next, root);
          current = next;
          before = next ? preceding(next) : null;
          return next;
        },
      };
    },
  });
}
