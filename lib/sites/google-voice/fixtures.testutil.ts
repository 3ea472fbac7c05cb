// Test helpers: load the Google Voice fixtures (tests/fixtures/google-voice) into happy-dom. Not used by
// the extension.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, which node:url rejects.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/google-voice');

export const CALLS_PATH = '/u/0/calls';
export const BEHAVIOUR_SCRIPT = 'gv-behaviour.js';

/** The fixture pages, one per documented state, then the fallback variants. */
export const STATE_FIXTURES = ['idle.html', 'outgoing-ringing.html', 'incoming-ringing.html', 'connected.html', 'ended.html'] as const;
export const VARIANT_FIXTURES = ['incoming-2025.html', 'connected-no-timer.html', 'connected-unknown.html'] as const;

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** A separate Document for the fixture (scripts never run). */
export function parseFixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

/** Puts the fixture into the global document at `path` (+ `search`), as the browser tests serve it. */
export function loadFixture(name: string, path = CALLS_PATH): void {
  const html = fixtureHtml(name);
  const inner = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  document.documentElement.innerHTML = inner;
  // innerHTML on <html> drops the <body> attributes: copy them (data-gv-variant).
  const bodyAttrs = /<body([^>]*)>/i.exec(html)?.[1] ?? '';
  for (const [, attr, value] of bodyAttrs.matchAll(/([\w-]+)="([^"]*)"/g)) document.body.setAttribute(attr ?? '', value ?? '');
  window.history.pushState({}, '', path);
}

/** Runs the fixture's scripts like the page would on load (`/_fixture/<name>.js` from tests/fixtures/google-voice). */
export function runFixtureScripts(): void {
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const src = script.getAttribute('src');
    const shared = src ? /\/_fixture\/([\w.-]+\.js)$/.exec(src)?.[1] : undefined;
    if (src && !shared) throw new Error(`fixture script not served in unit tests: ${src}`);
    new Function(shared ? fixtureHtml(shared) : (script.textContent ?? ''))();
  }
}

/** The fixture script's test API (tests/fixtures/google-voice/gv-behaviour.js). */
export interface GvFixtureApi {
  variant: string | null;
  incoming(number: string, name?: string): void;
  outgoing(number: string, name?: string): void;
  answer(): void;
  tick(seconds?: number): void;
  autoTick(on: boolean): void;
  hangUp(): void;
  type(text: string): void;
  state(): 'idle' | 'incoming' | 'outgoing' | 'connected';
}

export function gv(): GvFixtureApi {
  const api = (window as unknown as { __gv?: GvFixtureApi }).__gv;
  if (!api) throw new Error('gv-behaviour.js has not run');
  return api;
}
