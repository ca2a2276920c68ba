import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDate } from '../format';

export interface TimeSeries {
  label: string;
  /** A CSS custom property of the theme (`--critical`): the line follows light and dark. */
  color: string;
  /** One value per point of `x`; null: nothing to show there (a gap, never a zero). */
  values: (number | null)[];
}

export interface TimeChartProps {
  /** Names the chart and heads its table. */
  title: string;
  /** Point times, ISO 8601 (the start of each period). */
  x: string[];
  series: TimeSeries[];
  /** How a value reads in the legend, the axis and the table: `formatDays`, a percentage. */
  format: (v: number | null) => string;
  /** What the chart shows, in one sentence, for everyone (and for screen readers first). */
  summary: string;
  height?: number;
  /** Fixed y range (a percentage: [0, 100]); otherwise from the data. */
  yRange?: [number, number];
}

const FONT = '12px system-ui, sans-serif';

/** The theme's value of a custom property on `el` (uPlot paints on a canvas: it needs colours). */
const themed = (el: Element, property: string) => getComputedStyle(el).getPropertyValue(property).trim();

function options(el: HTMLElement, p: TimeChartProps, width: number): uPlot.Options {
  const muted = themed(el, '--muted');
  const grid = themed(el, '--border');
  const axis = (values?: uPlot.Axis['values']): uPlot.Axis => ({
    stroke: muted,
    font: FONT,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    ...(values ? { values } : {}),
  });
  return {
    width,
    height: p.height ?? 180,
    series: [
      {
        value: (_u, v) =>
          v === null || v === undefined ? '—' : formatDate(new Date(v * 1000).toISOString()),
      },
      ...p.series.map((s) => ({
        label: s.label,
        stroke: themed(el, s.color),
        width: 2,
        spanGaps: false,
        points: { show: true, size: 5 },
        value: (_u: uPlot, v: number | null) => p.format(v),
      })),
    ],
    // From zero unless told otherwise: a bar of 5 days should not look like one of nothing.
    scales: {
      x: { time: true },
      y: { range: p.yRange ?? ((_u, _min, max) => [0, max > 0 ? max * 1.1 : 1]) },
    },
    axes: [axis(), axis((_u, splits) => splits.map((v) => p.format(v)))],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
}

/** True where a canvas can be drawn on (not in a DOM without one, such as the tests'). */
const canDraw = () => Boolean(document.createElement('canvas').getContext?.('2d'));

/**
 * A time series chart in the theme's colours that follows its container's width and the theme
 * (redrawn when either changes), with its text alternative: the summary sentence, shown, and
 * every value in a table that only screen readers read.
 */
export function TimeChart(props: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Formatting and sizes are read when drawing; only new data (or a theme or width) redraws.
  const latest = useRef(props);
  latest.current = props;
  const { x, series } = props;

  useEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    let chart: uPlot | undefined;
    const width = () => Math.max(el.clientWidth, 200);
    const draw = () => {
      chart?.destroy();
      const data: uPlot.AlignedData = [x.map((t) => Date.parse(t) / 1000), ...series.map((s) => s.values)];
      chart = new uPlot(options(el, { ...latest.current, x, series }, width()), data, el);
    };
    draw();
    const resized = new ResizeObserver(() =>
      chart?.setSize({ width: width(), height: latest.current.height ?? 180 }),
    );
    resized.observe(el);
    // The theme is the root's data-theme attribute, or the system's preference.
    const retheme = new MutationObserver(draw);
    retheme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => {
      resized.disconnect();
      retheme.disconnect();
      scheme.removeEventListener('change', draw);
      chart?.destroy();
    };
  }, [x, series]);

  return (
    <figure className="time-chart">
      <figcaption>{props.summary}</figcaption>
      <div ref={box} className="time-chart-canvas" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">Period from</th>
            {props.series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {x.map((t, i) => (
            <tr key={t}>
              <th scope="row">{formatDate(t)}</th>
              {series.map((s) => (
                <td key={s.label}>{props.format(s.values[i] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
