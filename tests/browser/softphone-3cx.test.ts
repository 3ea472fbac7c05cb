import { readFileSync } from 'node:fs';
import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, deleted, incomingRinging, outgoingDialing, readSentFrame } from '../fixtures/threecx/frames';
import { importCsv, launchExtension, SEED_CSV, sidebarFrame, type Harness } from './harness';

// The 3CX web client (issue 6): its address is the user's own PBX, added in Options (the browser
// asks for that one host); the sidebar then runs there, reads calls from the web client's WebSocket
// (played here by the test) and shows the caller's card; when the call ends, the outcome form
// opens with the duration.

const PBX = 'pbx.acme-supply.example';
const WEBCLIENT = `https://${PBX}/webclient/`;

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
  await harness.context.route(`https://${PBX}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync('tests/fixtures/threecx/webclient.html') })
      : route.fulfill({ status: 204 }),
  );
});
afterAll(async () => harness?.close());

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Opens the web client with its WebSocket played by the test. */
async function openWebClient(): Promise<{ page: Page; socket: Promise<WebSocketRoute> }> {
  const page = await harness.context.newPage();
  let opened: (ws: WebSocketRoute) => void = () => undefined;
  const socket = new Promise<WebSocketRoute>((resolve) => (opened = resolve));
  await page.routeWebSocket(/\/ws\/webclient/, (ws) => opened(ws));
  await page.goto(WEBCLIENT);
  return { page, socket };
}

describe('3CX web client', () => {
  it('is added in Options for its one host, and the sidebar shows up there', async () => {
    const options = await harness.openOptions('#settings');
    await options.getByLabel('New 3CX web client').fill(`https://${PBX}/webclient/#/people`);
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.getByRole('list', { name: '3CX web clients' }).textContent()).toContain(PBX);
    await options.close();
    // The scripts are registered for that host only.
    const registered = await (await harness.worker()).evaluate(() =>
      (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches: string[]; world?: string }[]> } } }).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered.map((s) => [s.id, s.matches])).toEqual([
      ['clientdesk-threecx-hook', [`https://${PBX}/*`]],
      ['clientdesk-threecx', [`https://${PBX}/*`]],
    ]);
    const { page } = await openWebClient();
    await sidebarFrame(page);
    await page.close();
  });

  it('shows the caller’s card for an incoming call, and opens the pre-filled form with the duration when it ends', async () => {
    const { page, socket } = await openWebClient();
    const sidebar = await sidebarFrame(page);
    const ws = await socket;
    ws.send(Buffer.from(incomingRinging({ connectionId: 7, callId: 501, number: '+49 30 1234567', name: 'Hans Weber' })));
    const call = sidebar.locator('[data-call-state]');
    await expect.poll(() => call.getAttribute('data-call-state')).toBe('ringing');
    expect(await call.getAttribute('data-direction')).toBe('in');
    await call.locator('.card .company', { hasText: 'Nordfrost' }).waitFor();

    ws.send(Buffer.from(connected({ connectionId: 7, callId: 501 })));
    await expect.poll(() => call.getAttribute('data-call-state')).toBe('connected');
    await page.waitForTimeout(2100);
    ws.send(Buffer.from(deleted({ connectionId: 7, callId: 501 })));
    await expect.poll(() => call.getAttribute('data-call-state')).toBe('ended');
    const form = call.getByRole('form', { name: 'Log a call' });
    await form.waitFor();
    expect(Number((await form.getByLabel('Duration (min:sec)').inputValue()).split(':')[1])).toBeGreaterThanOrEqual(2);
    expect(await form.getByLabel('Incoming').isChecked()).toBe(true);
    expect(await form.textContent()).toContain('Client: Nordfrost');
    await form.getByRole('button', { name: 'Save call' }).click();
    await call.getByTestId('call-logged').waitFor();
    await page.close();
  });

  it("reads the PBX's national numbers in its PBX region, set next to its host in Options (issue 12.5)", async () => {
    const options = await harness.openOptions('#settings');
    const hosts = options.getByRole('list', { name: '3CX web clients' });
    if (!((await hosts.textContent()) ?? '').includes(PBX)) {
      await options.getByLabel('New 3CX web client').fill(PBX);
      await options.getByRole('button', { name: 'Add', exact: true }).click();
    }
    const region = options.getByLabel(`PBX region of ${PBX}`);
    await region.waitFor({ timeout: 30_000 });
    // A bad code is explained, and nothing is saved.
    await region.fill('XX');
    await options.getByRole('button', { name: 'Save region' }).click();
    await options.getByRole('alert').filter({ hasText: `PBX region of ${PBX}: "XX" is not a country code` }).waitFor({ timeout: 30_000 });
    await region.fill('de');
    await options.getByRole('button', { name: 'Save region' }).click();
    await options.getByText(`PBX region of ${PBX} saved.`).waitFor({ timeout: 30_000 });
    const stored = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.getSettings' }));
    expect(stored).toMatchObject({ ok: true, data: { softphoneRegions: { [PBX]: 'DE' } } });
    await options.close();

    // A German PBX shows a Berlin number without its country code: Nordfrost's +49 30 1234567.
    const { page, socket } = await openWebClient();
    const sidebar = await sidebarFrame(page);
    const ws = await socket;
    ws.send(Buffer.from(incomingRinging({ connectionId: 21, callId: 901, number: '030 1234567' })));
    const call = sidebar.locator('[data-call-state]');
    await call.locator('.card .company', { hasText: 'Nordfrost' }).waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('shows the card for an outgoing call dialled in the web client, and offers "Create client card" for an unknown number', async () => {
    const { page, socket } = await openWebClient();
    const sidebar = await sidebarFrame(page);
    const ws = await socket;
    ws.onMessage((sent) => {
      const frame = readSentFrame(sent);
      if (frame?.kind === 'makeCall') ws.send(Buffer.from(outgoingDialing({ connectionId: 9, callId: 777, number: frame.destination })));
    });
    ws.send(Buffer.from(outgoingDialing({ connectionId: 8, callId: 601, number: '+7 916 123-45-67' })));
    const call = sidebar.locator('[data-call-state]');
    await expect.poll(() => call.getAttribute('data-direction')).toBe('out');
    await call.locator('.card .company', { hasText: 'Rosstal' }).waitFor();
    ws.send(Buffer.from(deleted({ connectionId: 8, callId: 601 })));
    await expect.poll(() => call.getAttribute('data-call-state')).toBe('ended');

    ws.send(Buffer.from(incomingRinging({ connectionId: 10, callId: 602, number: '+33 1 23 45 67 89' })));
    await call.getByRole('button', { name: 'Create client card' }).waitFor();
    await call.getByRole('button', { name: 'Create client card' }).click();
    expect(await sidebar.getByRole('form', { name: 'New client card' }).getByLabel('Phone').inputValue()).toBe('+33 1 23 45 67 89');
    await page.close();
  });
});
