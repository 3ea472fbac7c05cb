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
