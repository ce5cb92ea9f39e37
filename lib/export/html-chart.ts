import { html, type SafeHtml } from './html-escape';

export interface Bar {
  label: string;
  value: number;
  /** CSS class giving the bar its colour (see html-style.ts). */
  colourClass: string;
}

const WIDTH = 560;
const LABEL_WIDTH = 190;
const COUNT_WIDTH = 50;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;
const MAX_LABEL_CHARS = 26;

function shorten(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/**
 * A horizontal bar chart as inline SVG: no script, no fonts or images to fetch, prints crisply.
 * The numbers are also written as text beside each bar and in the <title>, so screen readers
 * and colour-blind readers get the same information.
 */
export function barChart(id: string, caption: string, bars: readonly Bar[]): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotWidth = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = Math.max(1, bars.length) * ROW_HEIGHT + 6;
  const description = bars.map((b) => `${b.label}: ${b.value}`).join('; ') || 'No data';
  const rows = bars.map((bar, i) => {
    const y = i * ROW_HEIGHT + 4;
    const textY = y + BAR_HEIGHT / 2 + 4.5;
    // A bar for a non-zero count stays visible even when it is tiny next to the largest.
    const width = bar.value === 0 ? 0 : Math.max(3, (bar.value / max) * plotWidth);
    return html`<g>
  <title>${bar.label}: ${bar.value}</title>
  <text x="${LABEL_WIDTH - 10}" y="${textY}" text-anchor="end">${shorten(bar.label)}</text>
  <rect class="track" x="${LABEL_WIDTH}" y="${y}" width="${plotWidth}" height="${BAR_HEIGHT}" rx="3"></rect>
  <rect class="${bar.colourClass}" x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" rx="3"></rect>
  <text x="${LABEL_WIDTH + plotWidth + 8}" y="${textY}">${bar.value}</text>
</g>`;
  });
  return html`<figure>
<figcaption id="${id}-caption">${caption}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-caption ${id}-desc">
<desc id="${id}-desc">${description}</desc>
${rows.length > 0 ? rows : html`<text x="10" y="20">No findings</text>`}
</svg>
</figure>`;
}
