import type { Harness } from '../browser/harness';

// Phone-match latency (issue 6): a number typed or shown by a softphone, in the formats managers
// meet ("8 (916) 000-00-07", "+7 916 000 00 07", "79160000007"), matched over the seeded base
// (200,000 contact phones): the time of one pageToBackground.matchPhone round trip from an
// extension page (parse with libphonenumber-js, the phoneE164s index, the owning clients).

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The seeded E.164 of contact `c` of client `i` (seed.ts): +7916 and 7 digits. */
const seededDigits = (index: number) => String(index).padStart(7, '0');

function formatted(index: number, style: number): string {
  const d = seededDigits(index);
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 5), d.slice(5, 7)];
  if (style === 0) return `8 (916) ${a}-${b}-${c}`;
  if (style === 1) return `+7 916 ${a} ${b} ${c}`;
  return `7916${d}`;
}

export async function phoneMatchMs(harness: Harness, phones: number, rounds: number): Promise<{ times: number[]; found: number }> {
  const page = await harness.openOptions();
  const numbers = Array.from({ length: rounds }, (_, r) => formatted((r * 7919) % phones, r % 3));
  const result = await page.evaluate(async (numbers) => {
    const times: number[] = [];
    let found = 0;
    for (const number of numbers) {
      const t0 = performance.now();
      const reply = (await chrome.runtime.sendMessage({ type: 'pageToBackground.matchPhone', number })) as { ok: boolean; data?: { matches: unknown[] } };
      times.push(performance.now() - t0);
      if (reply.ok && reply.data && reply.data.matches.length > 0) found++;
    }
    return { times, found };
  }, numbers);
  await page.close();
  return result;
}
