import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correspondent, importCsv, launchExtension, openGmail, SEED_CSV, type Harness } from './harness';

// The template editor in Options, and a template whose variable has no value (issue 3).

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: { name: string; bodyHtml: string }[] }> } };

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await importCsv(harness, SEED_CSV);
});
afterAll(async () => harness?.close());

describe('templates', () => {
  it('seeds the three default templates, previews one for a client, and sanitizes what is saved', async () => {
    const page = await harness.openOptions('#templates');
    const index = page.locator('.template-index');
    await index.getByRole('button', { name: 'Commercial offer' }).waitFor();
    expect((await index.getByRole('button').allTextContents()).filter((t) => !t.startsWith('+'))).toEqual([
      'Birthday greeting',
      'Commercial offer',
      'Follow-up after a call',
    ]);
    await index.getByRole('button', { name: 'Commercial offer' }).click();
    await page.getByLabel('Preview for a client').fill('Ros');
    await page.locator('.preview').getByRole('button', { name: 'Rosstal' }).click();
    const preview = page.getByTestId('preview-body');
    await expect.poll(() => preview.textContent()).toContain('Dear Ivan');
    expect(await preview.textContent()).toContain('Wholesale 2');
    expect(await page.getByTestId('preview-subject').textContent()).toBe('Commercial offer for Rosstal');

    const body = page.getByLabel('Body (HTML)');
    await body.fill(`${await body.inputValue()}<p>Ref {{client.nmae}}</p><script>alert(1)</script><img src="x" onerror="alert(1)">`);
    await expect.poll(() => page.locator('.preview .warning').textContent()).toContain('client.nmae');
    expect(await preview.locator('script, [onerror]').count()).toBe(0);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.locator('section[aria-label=Templates] .saved').waitFor();
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'optionsToBackground.listTemplates' }));
    const saved = reply.data.find((t) => t.name === 'Commercial offer')!;
    expect(saved.bodyHtml).toContain('{{client.nmae}}');
    expect(saved.bodyHtml).not.toContain('<script');
    expect(saved.bodyHtml).not.toContain('onerror');
    await page.close();
  });

  it('asks for a variable with no value before inserting, and the mail never holds a {{', async () => {
    const { page, sidebar } = await openGmail(harness, 'compose-two.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
    await correspondent(sidebar, 'ivan.petrov@rosstal.ru').locator('.card').first().waitFor();
    const tools = sidebar.locator('.compose-tools').first();
    await tools.locator('details.templates').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await tools.getByRole('button', { name: /^Commercial offer/ }).click();
    const form = tools.getByRole('form', { name: 'Template values' });
    await form.getByLabel('client.nmae').fill('RS-2026/114');
    const body = page.locator('[role=dialog] [g_editable=true]').first();
    expect(await body.innerHTML()).not.toContain('Ref');
    await form.getByRole('button', { name: 'Insert' }).click();
    await tools.getByRole('status').waitFor();
    const html = await body.innerHTML();
    expect(html).toContain('Ref RS-2026/114');
    expect(html).not.toContain('{{');
    expect(html).not.toContain('<script');
    await page.close();
  });
});
