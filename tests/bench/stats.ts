// Small helpers for printing bench figures.

export interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;

export function row(label: string, s: Stats): string {
  return `| ${label} (n=${s.n}) | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} |`;
}

export const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** The mean of the values between the `cut` and 1 − `cut` quantiles: a slow outlier (a GC, the VM's
 *  neighbour) moves it less than a mean, while it still uses more of the sample than a median. */
export function trimmedMean(values: readonly number[], cut = 0.1): number {
  const sorted = [...values].sort((a, b) => a - b);
  const drop = Math.floor(sorted.length * cut);
  return mean(sorted.slice(drop, sorted.length - drop));
}

/** How much `a` exceeds `b` (trimmed means, as a fraction), with a 95% bootstrap interval. */
export function addedFraction(a: readonly number[], b: readonly number[], resamples = 2000): { added: number; low: number; high: number } {
  // A fixed-seed generator: the same samples always give the same interval.
  let seed = 0x9e3779b9;
  const random = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const resample = (values: readonly number[]) => values.map(() => values[Math.floor(random() * values.length)]!);
  const ratios = Array.from({ length: resamples }, () => trimmedMean(resample(a)) / trimmedMean(resample(b)) - 1).sort((x, y) => x - y);
  return { added: trimmedMean(a) / trimmedMean(b) - 1, low: ratios[Math.floor(resamples * 0.025)]!, high: ratios[Math.floor(resamples * 0.975)]! };
}
