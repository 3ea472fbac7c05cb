// Test helpers: load the Gmail fixtures (tests/fixtures/gmail) into happy-dom. Not used by the extension.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, which node:url rejects.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/gmail');

export const KNOWN_THREAD_HASH = '#inbox/FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC';
export const COMPOSE_HASH = '#inbox?compose=new';

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** A separate Document for the fixture (scripts never run). */
export function parseFixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

/** Puts the fixture into the global document and sets the URL hash, as the browser tests serve it. */
export function loadFixture(name: string, hash: string): void {
  const inner = fixtureHtml(name)
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '');
  document.documentElement.innerHTML = inner;
  window.location.hash = hash;
}

/** The shared behaviour script the compose fixtures load from /mail/u/0/_fixture/gmail-behaviour.js. */
export const BEHAVIOUR_SCRIPT = 'gmail-behaviour.js';

/**
 * Runs the fixture's scripts (innerHTML never runs them), like the page would on load: inline ones,
 * and `src=".../_fixture/<name>.js"` ones from tests/fixtures/gmail, as the browser tests' harness serves them.
 */
export function runFixtureScripts(): void {
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const src = script.getAttribute('src');
    const shared = src ? /\/_fixture\/([\w.-]+\.js)$/.exec(src)?.[1] : undefined;
    if (src && !shared) throw new Error(`fixture script not served in unit tests: ${src}`);
    new Function(shared ? fixtureHtml(shared) : (script.textContent ?? ''))();
  }
}
