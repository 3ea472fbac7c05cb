import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { cssLoadsResource, isRemoteLoad, LOADING_ELEMENTS } from './remote-urls';

// Template HTML must never make a page fetch from a server (issue 12.10): a remote image in a
// template, previewed in Options or opened by the recipient, tells that server who opened it and,
// with `{{client.name}}` in its address, which client it was about. Pure (parse5, no DOM): it runs
// in the service worker (restore, save, render) as well as in pages. sanitize.ts applies the same
// predicates to the DOM before anything is shown or inserted.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Attributes whose value is an address: a variable there is never filled in (renderTemplate). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'cite', 'longdesc', 'data', 'codebase',
  'ping', 'xlink:href', 'lowsrc', 'dynsrc', 'usemap', 'manifest', 'icon', 'archive', 'classid', 'profile',
]);

interface Span {
  start: number;
  end: number;
}

function* elements(nodes: Node[]): Generator<Element> {
  for (const node of nodes) {
    if (!('tagName' in node)) continue;
    yield node;
    yield* elements(node.childNodes);
    if ('content' in node) yield* elements((node as DefaultTreeAdapterMap['template']).content.childNodes);
  }
}

function parse(html: string): Element[] {
  return [...elements(parseFragment(html, { sourceCodeLocationInfo: true }).childNodes)];
}

/** Where, in `html`, the values of URL attributes are (variables there are not filled in). */
export function urlAttributeSpans(html: string): Span[] {
  if (!html.includes('{{')) return [];
  const spans: Span[] = [];
  for (const element of parse(html)) {
    const locations = element.sourceCodeLocation?.attrs ?? {};
    for (const attr of element.attrs) {
      const at = locations[attr.name];
      if (URL_ATTRIBUTES.has(attr.name) && at) spans.push({ start: at.startOffset, end: at.endOffset });
    }
  }
  return spans;
}

export interface CleanedHtml {
  html: string;
  /** How many remote images, style sheets and loading attributes were removed. */
  removed: number;
}

/** Removes every part of `html` that would fetch from a server; everything else is left byte for byte. */
export function removeRemoteContent(html: string): CleanedHtml {
  // Nothing can load without one of these; most templates are answered here without parsing.
  if (!/src|href|background|poster|data|style|url|@import|<link|archive|codebase|classid/i.test(html)) return { html, removed: 0 };
  const cuts: Span[] = [];
  for (const element of parse(html)) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    const tag = element.tagName;
    const whole = { start: location.startOffset, end: location.endOffset };
    const styleText = tag === 'style' ? element.childNodes.map((n) => ('value' in n ? n.value : '')).join('') : '';
    if (tag === 'link' || (tag === 'style' && cssLoadsResource(styleText))) {
      cuts.push(whole);
      continue;
    }
    const remote = element.attrs.filter((attr) => isRemoteLoad(tag, attr.name, attr.value));
    if (remote.length === 0) continue;
    if (LOADING_ELEMENTS.has(tag)) cuts.push(whole);
    else for (const attr of remote) {
      const at = location.attrs?.[attr.name];
      if (at) cuts.push({ start: at.startOffset, end: at.endOffset });
    }
  }
  return { html: cutOut(html, cuts), removed: countOutermost(cuts) };
}

/** Cuts already inside a larger cut (an attribute of a removed element) are not counted twice. */
function outermost(cuts: Span[]): Span[] {
  const sorted = [...cuts].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const cut of sorted) {
    const last = kept[kept.length - 1];
    if (last && cut.start < last.end) last.end = Math.max(last.end, cut.end);
    else kept.push({ ...cut });
  }
  return kept;
}

function countOutermost(cuts: Span[]): number {
  return outermost(cuts).length;
}

function cutOut(html: string, cuts: Span[]): string {
  let out = '';
  let from = 0;
  for (const cut of outermost(cuts)) {
    out += html.slice(from, cut.start);
    from = cut.end;
  }
  return out + html.slice(from);
}

/** A restored backup's templates with remote content removed, and how many templates were changed. */
export function cleanRestoredTemplates<T extends { bodyHtml: string }>(templates: readonly T[]): { templates: T[]; cleaned: number } {
  let cleaned = 0;
  const result = templates.map((template) => {
    const { html, removed } = removeRemoteContent(template.bodyHtml);
    if (removed === 0) return template;
    cleaned++;
    return { ...template, bodyHtml: html };
  });
  return { templates: result, cleaned };
}
