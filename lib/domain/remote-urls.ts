// Which URLs and CSS in template HTML would make the browser fetch from a server (issue 12.10).
// No parse5 and no DOM here: sanitize.ts (bundled into content scripts) applies these to the DOM,
// remote-content.ts to the HTML text.

/** Attributes the browser fetches by itself (without a click). `href` counts too, except on links. */
const LOADING_ATTRIBUTES: ReadonlySet<string> = new Set(['src', 'srcset', 'background', 'poster', 'data', 'lowsrc', 'dynsrc', 'codebase', 'archive', 'classid']);
const CLICK_ONLY_HREF = new Set(['a', 'area']);
/** Elements that exist only to load something: removed whole when what they load is remote. */
export const LOADING_ELEMENTS = new Set(['img', 'image', 'link', 'script', 'iframe', 'frame', 'embed', 'object', 'video', 'audio', 'source', 'track', 'input']);

/** URL attribute value without the whitespace and control characters browsers ignore in a scheme. */
export function compactUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- browsers skip these inside "java\tscript:"
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g, '');
}

// SVG is left out on purpose: it is a document that can carry script when opened on its own.
// cid: is left out too: a template has no attachments for it to name.
const LOCAL_IMAGE_URL = /^data:image\/(?:png|jpeg|gif|webp|bmp)[;,]/i;

/** An image that is inside the mail itself (a data: URL), so showing it asks no server. */
export function isLocalImageUrl(value: string): boolean {
  return LOCAL_IMAGE_URL.test(compactUrl(value));
}

/** CSS text with its escapes decoded and comments removed, lower-cased: `u\72l(` is `url(`. */
function normalizeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_m, hex: string) => {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
}

// Every CSS way to name a resource (CSS Values 4 url()/src(), CSS Images image()/image-set()/
// cross-fade()/element(), @import) plus the old IE and Mozilla script hooks.
const CSS_RESOURCE = /(?:url|src|image|image-set|cross-fade|element|expression)\s*\(|@import|behavior\s*:|-moz-binding/;

/** Whether a style attribute or a <style> sheet could make the browser fetch something. */
export function cssLoadsResource(css: string): boolean {
  return CSS_RESOURCE.test(normalizeCss(css));
}

/** Whether this attribute of this element would fetch something remote by itself. */
export function isRemoteLoad(tag: string, attribute: string, value: string): boolean {
  const name = attribute.toLowerCase();
  if (name === 'style') return cssLoadsResource(value);
  // srcset candidates are "url 2x, url 1x": data: URLs have commas of their own, so any srcset goes.
  if (name === 'srcset') return value.trim() !== '';
  const loads = LOADING_ATTRIBUTES.has(name) || ((name === 'href' || name === 'xlink:href') && !CLICK_ONLY_HREF.has(tag));
  return loads && !isLocalImageUrl(value);
}

