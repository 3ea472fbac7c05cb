import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type ElementHandle, type Frame, type Page, type Worker } from 'playwright-core';


// Launches Debian's Chromium with the BUILT extension (.output/chrome-mv3) and serves fixture
// pages at the real site URLs, so the manifest's match patterns are the real ones (toolchain.md).

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FIXTURES = resolve('tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// site-dom-facts 1.10: Gmail enforces Trusted Types; fixtures are served under the same rule.
const GMAIL_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "require-trusted-types-for 'script'" };

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Which fixture file (under tests/fixtures) the next request to the site gets. */
  serve(site: 'gmail' | 'outlook' | 'google-voice', fixture: string): void;
  /** Outlook's service.svc requests the pages made (the fixtures post their sends there). */
  owaRequests: { url: string; body: string | null }[];
  /** Options, at a workspace page such as `#import` or `#client/<id>`. */
  openOptions(hash?: string): Promise<Page>;
  /** Welcome pages opened on install (kept only with `keepWelcome`). */
  welcomePages: Page[];
  /** Stops the service worker, as Chromium does after ~30 s idle; the next event starts a new one. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** `withExtension: false` gives the same browser and routes without ClientDesk (the bench's baseline). */
export async function launchExtension({ withExtension = true, keepWelcome = false } = {}): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'clientdesk-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (process.env.CLIENTDESK_DEBUG) {
    // CLIENTDESK_DEBUG=1 prints what the service worker and the pages log, to see why a test hangs.
    const listen = (w: Worker) => w.on('console', (m) => console.log(`[worker] ${m.text()}`));
    context.serviceWorkers().forEach(listen);
    context.on('serviceworker', listen);
    context.on('page', (p) => p.on('console', (m) => console.log(`[page ${p.url().slice(0, 60)}] ${m.text()}`)));
  }
  // The welcome page opens on install (issue 5); tests that do not look at it close it.
  const welcomePages: Page[] = [];
  context.on('page', (page) => {
    void page.waitForURL(/\/welcome\.html/, { timeout: 5000 }).then(
      async () => {
        if (keepWelcome) welcomePages.push(page);
        else await page.close();
      },
      () => undefined,
    );
  });
  const extensionId = withExtension ? new URL((await worker()).url()).host : '';

  const fixtures: Record<string, string> = {};
  const owaRequests: { url: string; body: string | null }[] = [];
  for (const host of OUTLOOK_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      const shared = /\/_fixture\/([\w.-]+\.js)$/.exec(url.pathname);
      if (shared) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(FIXTURES, 'outlook', shared[1]!)) });
      if (url.pathname.endsWith('/service.svc')) {
        owaRequests.push({ url: url.href, body: route.request().postData() });
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{"Body":{"ResponseMessages":{"Items":[{"ResponseClass":"Success"}]}}}' });
      }
      const fixture = fixtures.outlook;
      if (route.request().resourceType() !== 'document' || !fixture) return route.fulfill({ status: 204 });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, fixture)) });
    });
  }
  await context.route('https://voice.google.com/**', async (route) => {
    const shared = /\/_fixture\/([\w.-]+\.js)$/.exec(new URL(route.request().url()).pathname);
    if (shared) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(FIXTURES, 'google-voice', shared[1]!)) });
    const fixture = fixtures['google-voice'];
    if (route.request().resourceType() !== 'document' || !fixture) return route.fulfill({ status: 204 });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, fixture)) });
  });
  await context.route('https://mail.google.com/**', async (route) => {
    // Scripts shared by the fixtures (the site's behaviour) are served from /mail/u/0/_fixture/.
    const shared = /\/_fixture\/([\w.-]+\.js)$/.exec(new URL(route.request().url()).pathname);
    if (shared) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(FIXTURES, 'gmail', shared[1]!)) });
    const fixture = fixtures.gmail;
    if (route.request().resourceType() !== 'document' || !fixture) return route.fulfill({ status: 204 });
    return route.fulfill({ status: 200, headers: GMAIL_HEADERS, body: readFileSync(join(FIXTURES, fixture)) });
  });

  return {
    context,
    extensionId,
    worker,
    serve: (site, fixture) => void (fixtures[site] = fixture),
    owaRequests,
    welcomePages,
    async openOptions(hash = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
      return page;
    },
    async stopServiceWorker() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// The frame's URL holds the one-time token in its fragment until the sidebar has read it (issue 12.11).
const SIDEBAR_URL = /^chrome-extension:\/\/[^/]+\/sidebar\.html(?:#.*)?$/;

/**
 * The sidebar's iframe or its handle button. The host's shadow root is closed (issue 12.11), so
 * Playwright's selectors do not reach inside: the frame's element leads to its root.
 */
export async function sidebarPart(page: Page, part: 'iframe' | 'button'): Promise<ElementHandle<HTMLElement>> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => SIDEBAR_URL.test(f.url()));
    const element = await frame?.frameElement().catch(() => null);
    if (element) {
      const found = await element.evaluateHandle((el, selector) => (el.getRootNode() as ShadowRoot).querySelector<HTMLElement>(selector), part);
      const asElement = found.asElement();
      if (asElement) return asElement as ElementHandle<HTMLElement>;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`No ClientDesk sidebar ${part} in ${page.url()}`);
}

/** The ClientDesk sidebar frame inside a site page. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('clientdesk-sidebar', { state: 'attached' });
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => SIDEBAR_URL.test(f.url()));
    if (frame) {
      await frame.waitForSelector('main.sidebar, p.muted');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`No sidebar frame in ${page.url()} (host: ${String(await handle.evaluate((e) => e.tagName))})`);
}

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC';
export const GMAIL_COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

/** Opens a Gmail fixture at a real Gmail URL and returns the page and its ClientDesk sidebar. */
export async function openGmail(harness: Harness, fixture: string, url = GMAIL_THREAD_URL): Promise<{ page: Page; sidebar: Frame }> {
  harness.serve('gmail', `gmail/${fixture}`);
  const page = await harness.context.newPage();
  await page.goto(url);
  return { page, sidebar: await sidebarFrame(page) };
}

/** Opens an Outlook fixture at a real Outlook URL and returns the page and its ClientDesk sidebar. */
export async function openOutlook(harness: Harness, fixture: string, url: string): Promise<{ page: Page; sidebar: Frame }> {
  harness.serve('outlook', `outlook/${fixture}`);
  const page = await harness.context.newPage();
  await page.goto(url);
  return { page, sidebar: await sidebarFrame(page) };
}

/** The sidebar section of one correspondent. */
export const correspondent = (sidebar: Frame, email: string) => sidebar.locator(`.correspondent[data-email="${email}"]`);

/** Imports a file through Options' import page as a user does: choose, check, import. Returns the report's text. */
export async function importFile(harness: Harness, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<string> {
  const options = await harness.openOptions('#import');
  try {
    await options.getByLabel('Import file').setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content) : content });
    await options.getByRole('button', { name: 'Check the file' }).click();
    await options.getByTestId('import-check').waitFor();
    await options.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
    return (await options.getByTestId('import-report').textContent()) ?? '';
  } finally {
    await options.close();
  }
}

/** Imports a CSV of our own columns (SEED_CSV and the like). */
export const importCsv = (harness: Harness, csv: string): Promise<string> => importFile(harness, 'seed.csv', csv);

export const SEED_CSV = [
  'company,contact,position,email,phone,status,domains,price_type,payment_terms,receivables,birthday,notes',
  'Rosstal,Ivan Petrov,Purchasing manager,ivan.petrov@rosstal.ru,+7 916 123-45-67,active,rosstal.ru,Wholesale 2,30 days deferral,125000,1980-05-14,Prefers calls before noon',
  'Rosstal,Olga Sidorova,Chief accountant,olga@rosstal.ru,,active,rosstal.ru,,,,,',
  'Nordfrost,Hans Weber,Head of procurement,hans@nordfrost.de,+49 30 1234567,vip,nordfrost.de,Distributor,Prepayment,0,,',
].join('\n');

/** Every row of one IndexedDB store of ClientDesk's database, read in an extension page: what was stored. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('clientdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Every row of one IndexedDB table of ClientDesk's base, read from an extension page (what was STORED). */
export async function readTable<T>(page: Page, table: string, dbName = 'clientdesk'): Promise<T[]> {
  return page.evaluate(
    async ([name, store]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      try {
        return await new Promise<T[]>((ok, fail) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result as T[]);
          req.onerror = () => fail(req.error);
        });
      } finally {
        db.close();
      }
    },
    [dbName, table] as const,
  );
}
