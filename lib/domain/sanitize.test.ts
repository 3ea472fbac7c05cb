// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { TEMPLATE_SANITIZE_CONFIG, sanitizeTemplateHtml, sanitizeToFragment } from './sanitize';

// Two happy-dom 21 bugs make DOMPurify unsafe there (browsers are fine), so this file shims them
// the way a browser behaves; sanitize.ts's self-test refuses to run without them (tested below).
// 1. Node.prototype.nodeName returns '' (capricorn86/happy-dom#2182) and DOMPurify reads names
//    through it: safe tags are dropped. Dispatch to the subclass getter, as a browser's would.
// 2. Its NodeIterator is a TreeWalker: once DOMPurify removes the current node (a <script>), the
//    walk ends and the rest is never sanitized (capricorn86/happy-dom#1629). A snapshot in document
//    order visits what a live browser iterator visits here (hoisted children are moved, not created).
function nodeName(this: Node): string {
  for (let proto: object | null = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
    const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
    if (getter) return String(getter.call(this));
  }
  return '';
}

function createNodeIterator(root: Node, whatToShow = 0xffffffff): NodeIterator {
  const nodes: Node[] = [];
  const collect = (node: Node): void => {
    if (whatToShow & (1 << (node.nodeType - 1))) nodes.push(node);
    node.childNodes.forEach(collect);
  };
  collect(root);
  let index = 0;
  const iterator = { root, whatToShow, filter: null, nextNode: () => nodes[index++] ?? null, detach: () => undefined };
  return iterator as unknown as NodeIterator;
}

/** Installs both shims; returns a function that puts happy-dom's originals back. */
function shimHappyDom(): () => void {
  // Patched where happy-dom defines it: the window's Document class is a subclass of that one.
  let documentBase: object = document;
  while (!Object.hasOwn(documentBase, 'createNodeIterator')) documentBase = Object.getPrototypeOf(documentBase) as object;
  const originalName = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
  const originalIterator = Object.getOwnPropertyDescriptor(documentBase, 'createNodeIterator');
  Object.defineProperty(Node.prototype, 'nodeName', { configurable: true, get: nodeName });
  Object.defineProperty(documentBase, 'createNodeIterator', { configurable: true, writable: true, value: createNodeIterator });
  return () => {
    if (originalName) Object.defineProperty(Node.prototype, 'nodeName', originalName);
    if (originalIterator) Object.defineProperty(documentBase, 'createNodeIterator', originalIterator);
  };
}

let unshim = shimHappyDom();

const HOSTILE = [
  '<p>Hello<script>alert(1)</script></p>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=" JaVa\tScRiPt:alert(1)">tab</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example/"><input name="q" value="v"><button onclick="alert(1)">Go</button></form>',
  '<div onmouseover="alert(1)" style="color:red">hover</div>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<object data="x"></object><embed src="x"><meta http-equiv="refresh" content="0"><link rel="icon" href="https://evil.example/x"><base href="https://evil.example/">',
  '<a href="vbscript:msgbox(1)">vb</a>',
].join('');

describe('sanitizeTemplateHtml', () => {
  it('removes scripts, handlers, frames, styles, forms and unsafe URLs', () => {
    expect(sanitizeTemplateHtml(HOSTILE)).toBe(
      '<p>Hello</p><a>click</a><a>tab</a>Go<div style="color:red">hover</div><a>data</a><a>vb</a>',
    );
  });

  it('keeps tables, inline styles, links, mailto/tel and images inside the mail, and opens links safely', () => {
    const html =
      '<table style="border-collapse:collapse" cellpadding="4"><tbody><tr><th style="text-align:left">Price type</th>' +
      '<td colspan="2">Dealer</td></tr></tbody></table>' +
      '<p><b>Bold</b> <i>it</i> <u>u</u><br><a href="https://example.com/price?a=1&amp;b=2">price list</a> ' +
      '<a href="mailto:sales@example.com">write</a> <a href="tel:+74950000000" target="_self">call</a></p>' +
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo" width="120">';
    expect(sanitizeTemplateHtml(html)).toBe(
      '<table style="border-collapse:collapse" cellpadding="4"><tbody><tr><th style="text-align:left">Price type</th>' +
        '<td colspan="2">Dealer</td></tr></tbody></table>' +
        '<p><b>Bold</b> <i>it</i> <u>u</u><br>' +
        '<a href="https://example.com/price?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">price list</a> ' +
        '<a href="mailto:sales@example.com" rel="noopener noreferrer" target="_blank">write</a> ' +
        '<a href="tel:+74950000000" rel="noopener noreferrer" target="_blank">call</a></p>' +
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo" width="120">',
    );
  });

  // Issue 12.10: a remote image or CSS url() is a request to its server, with client data in it.
  it('removes remote images whole, and CSS that loads anything, keeping the rest', () => {
    const html =
      '<p>Dear client</p><img src="https://tracker.example/p.gif?c=Rosstal" alt="x"><img src="//tracker.example/p.gif">' +
      '<img src="p.gif"><img src=" HTTPS://tracker.example/q.gif">' +
      '<div style="background:url(https://tracker.example/b.gif);color:red">a</div>' +
      '<div style="background-image: u\\72l(https://tracker.example/c.gif)">b</div>' +
      '<div style="color:blue">c</div><table background="https://tracker.example/t.gif"><tbody><tr><td>d</td></tr></tbody></table>' +
      '<img srcset="https://tracker.example/s.gif 2x" src="data:image/gif;base64,R0lGOD==">';
    expect(sanitizeTemplateHtml(html)).toBe(
      '<p>Dear client</p><div>a</div><div>b</div><div style="color:blue">c</div><table><tbody><tr><td>d</td></tr></tbody></table>' +
        '<img src="data:image/gif;base64,R0lGOD==">',
    );
  });

  it('drops relative and other-protocol links and ids/classes', () => {
    expect(sanitizeTemplateHtml('<a href="/local" id="x" class="c">a</a><a href="ftp://x">b</a><p data-x="1" aria-label="l">c</p>'))
      .toBe('<a>a</a><a>b</a><p>c</p>');
  });

  it('is stable when applied twice', () => {
    const once = sanitizeTemplateHtml(HOSTILE + '<p><a href="https://example.com">x</a> &lt;b&gt; &amp; {{</p>');
    expect(sanitizeTemplateHtml(once)).toBe(once);
  });

  it('exports a config that forbids the dangerous tags', () => {
    expect(TEMPLATE_SANITIZE_CONFIG.FORBID_TAGS).toEqual(
      expect.arrayContaining(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'button', 'select', 'link', 'meta', 'base']),
    );
  });
});

describe('sanitizeToFragment', () => {
  it('returns a clean fragment owned by the given document', () => {
    const doc = document.implementation.createHTMLDocument('compose');
    const fragment = sanitizeToFragment('<p onclick="x()">Hi <a href="https://example.com">there</a></p><script>x()</script>', doc);
    expect(fragment.ownerDocument).toBe(doc);
    const holder = doc.createElement('div');
    holder.append(fragment);
    expect(holder.innerHTML).toBe('<p>Hi <a href="https://example.com" rel="noopener noreferrer" target="_blank">there</a></p>');
  });

  it('defaults to the current document', () => {
    const fragment = sanitizeToFragment('<b>ok</b><img src="data:image/png;base64,AA==" onerror=alert(1)><img src="https://a.test/x.png">');
    expect(fragment.ownerDocument).toBe(document);
    const holder = document.createElement('div');
    holder.append(fragment);
    expect(holder.innerHTML).toBe('<b>ok</b><img src="data:image/png;base64,AA==">');
  });
});

describe('self-test', () => {
  it('refuses to sanitize where DOMPurify misreads the DOM, instead of passing HTML through', async () => {
    unshim();
    try {
      vi.resetModules();
      const fresh = await import('./sanitize');
      expect(() => fresh.sanitizeTemplateHtml('<p onclick="x()">hi</p>')).toThrow('sanitize: DOMPurify does not work correctly with this DOM');
    } finally {
      unshim = shimHappyDom();
    }
  });
});
