// Test helpers: load the Outlook fixtures (tests/fixtures/outlook) into happy-dom. Not used by the extension.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, which node:url rejects.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/outlook');

export const READ_PATH = '/mail/inbox/id/AAQkAGI2TG93AAA%3D';
export const COMPOSE_PATH = '/mail/inbox';
export const BEHAVIOUR_SCRIPT = 'outlook-behaviour.js';

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** A separate Document for the fixture (scripts never run). */
export function parseFixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

/** Puts the fixture into the global document and sets the path, as the browser tests serve it. */
export function loadFixture(name: string, pathname: string): void {
  const inner = fixtureHtml(name)
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '');
  document.documentElement.innerHTML = inner;
  window.history.pushState({}, '', pathname);
}

/** Runs the fixture's scripts like the page would on load (`.../_fixture/<name>.js` from tests/fixtures/outlook). */
export function runFixtureScripts(): void {
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const src = script.getAttribute('src');
    const shared = src ? /\/_fixture\/([\w.-]+\.js)$/.exec(src)?.[1] : undefined;
    if (src && !shared) throw new Error(`fixture script not served in unit tests: ${src}`);
    new Function(shared ? fixtureHtml(shared) : (script.textContent ?? ''))();
  }
}
