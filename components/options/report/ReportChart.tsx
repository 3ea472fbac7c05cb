import type { ChartPoint, DailyCounts, MonthlyReport, PlanFigure } from '@/lib/domain/monthly-report';

// The month at a glance, in plain SVG: per day, bars of calls, phone offers and e-mail offers, and
// each one's daily quota as a dashed step line (down to zero on days off, which are shaded).
// The picture is one image to assistive technology, summarised by its aria-label; the table
// beside it carries every number.

export const SERIES: { key: keyof DailyCounts; label: string; color: string }[] = [
  { key: 'calls', label: 'Calls', color: '#1a73e8' },
  { key: 'phoneOffers', label: 'Phone offers', color: '#188038' },
  { key: 'emailOffers', label: 'E-mail offers', color: '#e37400' },
];

const SLOT = 24;
const BAR = 6;
const LEFT = 36;
const RIGHT = 8;
const TOP = 10;
const PLOT = 170;
const HEIGHT = TOP + PLOT + 24;

/** 1, 2, 5 × 10^k at or above `value` (at least 1): the top of the scale. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const percentText = (figure: PlanFigure) => (figure.percent === null ? 'no plan' : `${figure.percent}% of the plan`);

/** What the picture shows, in words: the totals against the plan and the busiest day. */
export function chartSummary(report: Pick<MonthlyReport, 'month' | 'chart' | 'totals'>): string {
  const { calls, phoneOffers, emailOffers } = report.totals;
  const busiest = report.chart.reduce<ChartPoint | null>((best, p) => (best === null || p.calls + p.phoneOffers + p.emailOffers > best.calls + best.phoneOffers + best.emailOffers ? p : best), null);
  const busiestText =
    busiest && busiest.calls + busiest.phoneOffers + busiest.emailOffers > 0
      ? ` The busiest day was ${busiest.day}: ${busiest.calls} calls, ${busiest.phoneOffers} phone offers, ${busiest.emailOffers} e-mail offers.`
      : ' Nothing was done this month.';
  return (
    `Chart of ${report.month}, day by day: calls, phone offers and e-mail offers against their daily quotas. ` +
    `Calls ${calls.done} of ${calls.plan} (${percentText(calls)}), phone offers ${phoneOffers.done} of ${phoneOffers.plan} (${percentText(phoneOffers)}), ` +
    `e-mail offers ${emailOffers.done} of ${emailOffers.plan} (${percentText(emailOffers)}).${busiestText}`
  );
}

export function ReportChart({ report }: { report: Pick<MonthlyReport, 'month' | 'chart' | 'totals' | 'days'> }) {
  const points = report.chart;
  const working = (i: number) => report.days[i]?.working ?? true;
  const width = LEFT + points.length * SLOT + RIGHT;
  const top = niceCeiling(Math.max(1, ...points.flatMap((p) => SERIES.flatMap((s) => [p[s.key], p.quota[s.key]]))));
  const y = (value: number) => TOP + PLOT - (Math.min(value, top) / top) * PLOT;
  const x = (index: number) => LEFT + index * SLOT;
  const ticks = [0, top / 2, top];
  // A step line per quota: flat across each day, 0 on a day off.
  const quotaPath = (key: keyof DailyCounts) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.quota[key])} H${x(i + 1)}`).join(' ');

  return (
    <figure className="report-chart">
      <svg role="img" aria-label={chartSummary(report)} viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" preserveAspectRatio="xMidYMid meet" data-testid="report-chart">
        {points.map((p, i) =>
          !working(i) ? <rect key={`off-${p.day}`} className="chart-day-off" x={x(i)} y={TOP} width={SLOT} height={PLOT} fill="#f1f3f4" /> : null,
        )}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={width - RIGHT} y1={y(t)} y2={y(t)} stroke="#dadce0" strokeWidth={t === 0 ? 1 : 0.5} />
            <text x={LEFT - 4} y={y(t) + 3} textAnchor="end" fontSize={9} fill="#5f6368">
              {Number.isInteger(t) ? t : t.toFixed(1)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.day}>
            <title>{`${p.day}: ${p.calls} calls, ${p.phoneOffers} phone offers, ${p.emailOffers} e-mail offers`}</title>
            {SERIES.map((s, j) => {
              const value = p[s.key];
              return value > 0 ? <rect key={s.key} x={x(i) + 3 + j * BAR} y={y(value)} width={BAR - 1} height={TOP + PLOT - y(value)} fill={s.color} /> : null;
            })}
            <text x={x(i) + SLOT / 2} y={TOP + PLOT + 12} textAnchor="middle" fontSize={9} fill={working(i) ? '#3c4043' : '#9aa0a6'}>
              {Number(p.day.slice(8))}
            </text>
          </g>
        ))}
        {points.length > 0 &&
          SERIES.map((s) => <path key={`quota-${s.key}`} d={quotaPath(s.key)} fill="none" stroke={s.color} strokeWidth={1.5} strokeDasharray="4 3" />)}
      </svg>
      <figcaption className="chart-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <span key={s.key}>
            <span className="swatch" style={{ background: s.color }} /> {s.label}
          </span>
        ))}
        <span>
          <span className="swatch dashed" /> daily quota (dashed, in the same colour)
        </span>
        <span>
          <span className="swatch off" /> day off
        </span>
      </figcaption>
    </figure>
  );
}
