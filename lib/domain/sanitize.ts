import DOMPurify, { type Config, type DOMPurify as Purifier, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { compactUrl, isLocalImageUrl, isRemoteLoad } from './remote-urls';

// Template HTML is the user's (or an imported file's) and goes into a compose in the mail site's
// origin, so it is sanitized before insertion (DESIGN.md "Isolation and trust"). Needs a DOM:
// content scripts and extension pages, never the service worker.

const FORBIDDEN_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'textarea',
  'button', 'select', 'option', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript',
];

// `body` is DOMPurify's own walk root (as in its defaults): without it the root's content is
// cloned out of it on every call. Output is the body's content, so no <body> ever comes out.
const ALLOWED_TAGS = [
  'body', 'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'center', 'code', 'col', 'colgroup', 'div', 'em', 'font',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'li', 'ol', 'p', 'pre', 's', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];

// No id/name/class: they could clobber or restyle the host mail page. `target`/`rel` are set by the hook.
const ALLOWED_ATTRIBUTES = [
  'href', 'src', 'alt', 'title', 'style', 'width', 'height', 'align', 'valign', 'colspan', 'rowspan', 'border',
  'cellpadding', 'cellspacing', 'bgcolor', 'color', 'face', 'size', 'dir', 'lang', 'start', 'type', 'span',
];

const LINK_URL = /^(?:https?:|mailto:|tel:)/i;

/** Shared with the content script; the link/image checks live in the hook of `sanitizeTemplateHtml`. */
export const TEMPLATE_SANITIZE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
  FORBID_TAGS: FORBIDDEN_TAGS,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify's default URL rule minus ftp/callto/sms/cid/xmpp/matrix; the hook narrows href/src further.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
} satisfies Config;

function enforceUrlsAndLinks(node: Element): void {
  const tag = node.tagName.toLowerCase();
  if (tag === 'a') {
    const href = node.getAttribute('href');
    if (href !== null && !LINK_URL.test(compactUrl(href))) node.removeAttribute('href');
    if (node.hasAttribute('href')) {
      // Mail links open outside the compose and give the target no handle on the opener.
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  } else if (tag === 'img') {
    // Only images inside the mail (data:): a remote one is a tracker that learns who opened the
    // mail (and from the preview, which client it was for). The image goes, not only its address.
    const src = node.getAttribute('src');
    if (src !== null && !isLocalImageUrl(src)) node.remove();
  }
}

/** Any other attribute that would fetch by itself (a style with `url(…)`, a background) goes. */
function dropRemoteLoads(node: Element, data: UponSanitizeAttributeHookEvent): void {
  const tag = node.tagName.toLowerCase();
  // A remote image goes whole, in enforceUrlsAndLinks.
  if (tag === 'img' && data.attrName === 'src') return;
  if (isRemoteLoad(tag, data.attrName, data.attrValue)) data.keepAttr = false;
}

const SELF_TEST_INPUT = '<p><b>ok</b><script>x()</script><img src="data:image/png;base64,AA==" onerror="x()"></p>';
const SELF_TEST_OUTPUT = '<p><b>ok</b><img src="data:image/png;base64,AA=="></p>';

let purifier: Purifier | null = null;

/** One DOMPurify instance of our own, so the hook is added once and never leaks into other users of DOMPurify. */
function templatePurifier(): Purifier {
  if (purifier) return purifier;
  if (typeof window === 'undefined') throw new Error('sanitize: needs a DOM (not available in the service worker)');
  const instance = DOMPurify(window);
  // Unsupported DOMPurify returns its input unchanged: refuse instead of passing HTML through.
  if (!instance.isSupported) throw new Error('sanitize: DOMPurify is not supported in this environment');
  instance.addHook('uponSanitizeAttribute', dropRemoteLoads);
  instance.addHook('afterSanitizeAttributes', enforceUrlsAndLinks);
  // A DOM that DOMPurify misreads (e.g. happy-dom's Node.prototype.nodeName, capricorn86/happy-dom#2182)
  // makes it keep scripts and drop safe tags: check once, and fail closed.
  if (instance.sanitize(SELF_TEST_INPUT, TEMPLATE_SANITIZE_CONFIG) !== SELF_TEST_OUTPUT) {
    throw new Error('sanitize: DOMPurify does not work correctly with this DOM');
  }
  purifier = instance;
  return instance;
}

/** Safe template HTML as a string (for storage previews and `innerHTML`-free comparisons). */
export function sanitizeTemplateHtml(html: string): string {
  return templatePurifier().sanitize(html, TEMPLATE_SANITIZE_CONFIG);
}

/** Safe template HTML as a fragment owned by `doc` (the compose's document), ready to insert. */
export function sanitizeToFragment(html: string, doc?: Document): DocumentFragment {
  const fragment = templatePurifier().sanitize(html, { ...TEMPLATE_SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
  const target = doc ?? document;
  // DOMPurify builds in its own inert document; adopt into the compose's so it can be inserted.
  return fragment.ownerDocument === target ? fragment : target.importNode(fragment, true);
}
