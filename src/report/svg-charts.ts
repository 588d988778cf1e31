import { html, type Html } from './html.js';

/** One series of a column chart: its name for the legend, and its colour. */
export interface Series {
  readonly name: string;
  readonly color: string;
}

export interface Column {
  /** Under the column; empty to leave it unlabelled when columns are too many to label each. */
  readonly label: string;
  /** Shown on hover: the column's figures in words. */
  readonly detail: string;
  /** One value per series, stacked from the bottom in series order. */
  readonly values: readonly number[];
}

interface ChartText {
  /** A unique id prefix, for the title and description the chart is labelled by. */
  readonly id: string;
  readonly title: string;
  /** The chart's gist in words, for screen readers; the page's table holds every figure. */
  readonly description: string;
}

// Drawing sizes in the charts' own units; the SVG scales to the page's width.
const WIDTH = 800;
const COLUMN_HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 48 } as const;
/** A column takes this share of its slot: the gaps keep neighbouring days apart. */
const COLUMN_SHARE = 0.72;
/** Columns no wider than this, so a week does not look like a wall. */
const MAX_COLUMN_WIDTH = 56;
/** Gridlines on the value axis: enough to read a column's height off, few enough to stay quiet. */
const TICKS = 4;

/** Stacked columns with a value axis: turns per day. */
export function columnChart(text: ChartText, series: readonly Series[], columns: readonly Column[]): Html {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = COLUMN_HEIGHT - MARGIN.top - MARGIN.bottom;
  const total = (c: Column): number => c.values.reduce((a, b) => a + b, 0);
  const step = niceStep(Math.max(1, ...columns.map(total)) / TICKS);
  const top = step * Math.max(1, Math.ceil(Math.max(1, ...columns.map(total)) / step));
  const y = (v: number): number => MARGIN.top + plotHeight - (v / top) * plotHeight;
  const slot = plotWidth / Math.max(1, columns.length);
  const width = Math.min(MAX_COLUMN_WIDTH, slot * COLUMN_SHARE);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${COLUMN_HEIGHT}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${text.description}</desc>
${ticks.map((t) => html`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fix(y(t))}" y2="${fix(y(t))}"/><text class="axis" x="${MARGIN.left - 8}" y="${fix(y(t) + 4)}" text-anchor="end">${t.toLocaleString('en-US')}</text>`)}
${columns.map((c, i) => {
  const x = MARGIN.left + slot * i + (slot - width) / 2;
  let base = 0;
  return html`<g><title>${c.detail}</title>${c.values.map((v, s) => {
    const bar = v > 0 ? html`<rect x="${fix(x)}" y="${fix(y(base + v))}" width="${fix(width)}" height="${fix(y(base) - y(base + v))}" fill="${series[s]?.color ?? '#4a5568'}" stroke="#fff" stroke-width="1"/>` : '';
    base += v;
    return bar;
  })}${c.label ? html`<text class="axis" x="${fix(x + width / 2)}" y="${COLUMN_HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${c.label}</text>` : ''}</g>`;
})}
<line class="baseline" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fix(y(0))}" y2="${fix(y(0))}"/>
</svg>`;
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Written after the bar: the value, and its share. */
  readonly valueText: string;
  readonly color: string;
}

// Bars a finger's width apart, with room on the left for the longest group name ("Partly answered").
const ROW_HEIGHT = 34;
const BAR_HEIGHT = 20;
const LABEL_WIDTH = 180;
/** Room after the longest bar for its figure. */
const VALUE_ROOM = 130;

/** Horizontal bars, one a row, each labelled and followed by its figure: the outcome mix. */
export function barChart(text: ChartText, bars: readonly Bar[]): Html {
  const height = bars.length * ROW_HEIGHT + 8;
  const room = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${text.description}</desc>
${bars.map((b, i) => {
  const top = 4 + i * ROW_HEIGHT;
  const length = b.value > 0 ? Math.max(2, (b.value / max) * room) : 0;
  return html`<g><text class="label" x="${LABEL_WIDTH - 12}" y="${top + BAR_HEIGHT / 2 + 5}" text-anchor="end">${b.label}</text><rect x="${LABEL_WIDTH}" y="${top}" width="${fix(length)}" height="${BAR_HEIGHT}" fill="${b.color}"/><text class="value" x="${fix(LABEL_WIDTH + length + 8)}" y="${top + BAR_HEIGHT / 2 + 5}">${b.valueText}</text></g>`;
})}
<line class="baseline" x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="0" y2="${height}"/>
</svg>`;
}

/** 1, 2 or 5 times a power of ten, at least the given step and at least 1: axis steps people read at a glance. */
export function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
}

function fix(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
