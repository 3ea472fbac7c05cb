import { describe, expect, it } from 'vitest';
import { cleanRestoredTemplates, removeRemoteContent, urlAttributeSpans } from './remote-content';
import { cssLoadsResource, isLocalImageUrl } from './remote-urls';

// Issue 12.10: nothing in a template may make a page fetch from a server. Pure rules (no DOM):
// they run in the service worker for restore and save.

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

describe('removeRemoteContent', () => {
  it('removes a remote image whole, with the client variable in its address', () => {
    const html = '<p>Dear {{contact.first_name}},</p><img src="https://tracker.example/p.gif?c={{client.name}}" width="1"><p>Prices</p>';
    expect(removeRemoteContent(html)).toEqual({ html: '<p>Dear {{contact.first_name}},</p><p>Prices</p>', removed: 1 });
  });

  it('removes protocol-relative, relative, scheme-obfuscated and SVG images, and keeps data: images', () => {
    const html = `<img src="//t.example/a.gif"><img src="a.gif"><img src=" hTTps://t.example/b.gif"><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="${PIXEL}" alt="logo">`;
    expect(removeRemoteContent(html)).toEqual({ html: `<img src="${PIXEL}" alt="logo">`, removed: 4 });
  });

  it('removes srcset, background and poster attributes, keeping the element and its other attributes', () => {
    const html = `<table background="https://t.example/bg.gif" bgcolor="#fff"><tr><td>x</td></tr></table><img srcset="https://t.example/2x.gif 2x" src="${PIXEL}">`;
    const { html: clean, removed } = removeRemoteContent(html);
    // An <img> whose srcset is remote goes whole: it exists only to load.
    expect(clean).toBe('<table  bgcolor="#fff"><tr><td>x</td></tr></table>');
    expect(removed).toBe(2);
  });

  it('removes a style attribute with url() in any spelling (a comment inside counts too: erring on removal), and keeps plain styles', () => {
    const html =
      '<div style="color:red">a</div><div style="background:URL( https://t.example/a.gif )">b</div>' +
      '<div style="background-image:u\\72 l(https://t.example/b.gif)">c</div><div style="background:u/**/rl(x)">d</div>' +
      '<span style="background-image: image-set(&quot;https://t.example/c.gif&quot; 1x)">e</span>';
    expect(removeRemoteContent(html).html).toBe('<div style="color:red">a</div><div >b</div><div >c</div><div >d</div><span >e</span>');
  });

  it('removes <link> and style sheets that load anything; a plain sheet stays', () => {
    const html =
      '<link rel="stylesheet" href="https://t.example/s.css"><style>@import "https://t.example/i.css";</style>' +
      '<style>p{background:url(https://t.example/p.gif)}</style><style>p{color:red}</style><p>x</p>';
    expect(removeRemoteContent(html)).toEqual({ html: '<style>p{color:red}</style><p>x</p>', removed: 3 });
  });

  it('keeps links (a click, not a load) and leaves everything else byte for byte, CRLF and entities included', () => {
    const html = '<p>A&nbsp;&amp; B\r\n<a href="https://shop.example/price">price</a></p>\r\n<img src="https://t.example/x.gif">\r\n<b>end</b>';
    expect(removeRemoteContent(html)).toEqual({
      html: '<p>A&nbsp;&amp; B\r\n<a href="https://shop.example/price">price</a></p>\r\n\r\n<b>end</b>',
      removed: 1,
    });
  });

  it('finds images inside <template> content and nested tables', () => {
    const html = '<template><img src="https://t.example/a.gif"></template><table><tr><td><img src="https://t.example/b.gif"></td></tr></table>';
    expect(removeRemoteContent(html).removed).toBe(2);
    expect(removeRemoteContent(html).html).not.toContain('t.example');
  });

  it('returns a template with nothing remote unchanged', () => {
    const html = '<p>Hello {{client.name}}, <a href="mailto:x@y.ru">write</a></p>';
    expect(removeRemoteContent(html)).toEqual({ html, removed: 0 });
  });
});

describe('cssLoadsResource and isLocalImageUrl', () => {
  it.each([
    ['background:url(x)', true],
    ['BACKGROUND: Url (x)', true],
    ['background:\\75\\72\\6c(x)', true],
    ['content: src("x")', true],
    ['-webkit-mask: -webkit-image-set("x" 1x)', true],
    ['@import "x";', true],
    ['width: expression(alert(1))', true],
    ['color: rgb(1,2,3); background: linear-gradient(red, blue)', false],
    ['font-family: "Url Sans"', false],
  ])('%s → %s', (css, loads) => expect(cssLoadsResource(css)).toBe(loads));

  it('accepts only raster data: images', () => {
    expect(isLocalImageUrl(PIXEL)).toBe(true);
    expect(isLocalImageUrl(' data:image/png;base64,AA')).toBe(true);
    expect(isLocalImageUrl('data:image/svg+xml,<svg/>')).toBe(false);
    expect(isLocalImageUrl('cid:logo@x')).toBe(false);
    expect(isLocalImageUrl('https://t.example/a.gif')).toBe(false);
  });
});

describe('urlAttributeSpans', () => {
  it('covers the value of every address attribute, not text or other attributes', () => {
    const html = '<a href="https://shop.example/{{client.name}}" title="{{client.name}}">{{client.name}}</a>';
    const spans = urlAttributeSpans(html);
    expect(spans.map((s) => html.slice(s.start, s.end))).toEqual(['href="https://shop.example/{{client.name}}"']);
  });
});

describe('cleanRestoredTemplates', () => {
  it('cleans the templates that load something remote and counts them; the others are kept as they are', () => {
    const clean = { id: 't1', bodyHtml: '<p>Hi {{client.name}}</p>' };
    const tracked = { id: 't2', bodyHtml: '<p>Hi</p><img src="https://tracker.example/p.gif?c={{client.name}}">' };
    const styled = { id: 't3', bodyHtml: '<div style="background:url(https://t.example/b.gif)">x</div><link rel="stylesheet" href="https://t.example/s.css">' };
    const result = cleanRestoredTemplates([clean, tracked, styled]);
    expect(result.cleaned).toBe(2);
    expect(result.templates[0]).toBe(clean);
    expect(result.templates[1]).toEqual({ id: 't2', bodyHtml: '<p>Hi</p>' });
    expect(result.templates[2]).toEqual({ id: 't3', bodyHtml: '<div >x</div>' });
  });
});
