import type { Report } from '../model/report';
import { formatLifetime, plural } from './format';
import { html, type SafeHtml } from './html-escape';
import { cookieLifetimeView, lifetimePosition, type CookieLifetimeRow } from './cookie-lifetime-view';
import { STATUS_LABELS } from './status';

/*
 * How long each cookie lives, as inline SVG on a log scale (a minute to years), in the style of
 * html-chart.ts: lifetimes written out beside each bar and in the <title>, so the chart reads
 * without colour. Where a cookie outlives what its clause declares, a marker stands at the
 * declared lifetime and the text says both.
 */

const WIDTH = 860;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 250;
const PLOT = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
const AXIS_HEIGHT = 26;
const ROW_HEIGHT = 36;
const BAR_HEIGHT = 14;
const MAX_LABEL_CHARS = 30;

function shorten(text: string, max = MAX_LABEL_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "30 d, the policy says 24 hours (d5)": the row's lifetime in words. Plain text. */
export function lifetimeLabel(row: CookieLifetimeRow): string {
  const observed = formatLifetime(row.lifetimeSeconds);
  if (!row.declared) return observed;
  return `${observed}, the policy says ${row.declared.text ?? formatLifetime(row.declared.seconds)} (${row.declared.clauseId})`;
}

function describe(row: CookieLifetimeRow): string {
  return `${row.name || '(unnamed)'} on ${row.domain} (${row.party}, ${STATUS_LABELS[row.status].label}): ${lifetimeLabel(row)}`;
}

function rowMarkup(row: CookieLifetimeRow, index: number, maxSeconds: number): SafeHtml {
  const y = AXIS_HEIGHT + index * ROW_HEIGHT;
  const barY = y + 4;
  const x = (seconds: number | null) => LABEL_WIDTH + lifetimePosition(seconds, maxSeconds) * PLOT;
  const persistent = row.lifetimeSeconds !== null && row.lifetimeSeconds > 0;
  // A cookie of a minute or less still shows a sliver; a session cookie an outlined stub.
  const bar = persistent
    ? html`<rect class="s-${row.status}" x="${LABEL_WIDTH}" y="${barY}" width="${Math.max(3, x(row.lifetimeSeconds) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT}" rx="2"></rect>`
    : html`<rect class="session" x="${LABEL_WIDTH}" y="${barY}" width="10" height="${BAR_HEIGHT}" rx="2"></rect>`;
  const declared = row.declared
    ? html`<path class="declared" d="M${x(row.declared.seconds).toFixed(1)} ${barY - 3}v${BAR_HEIGHT + 6}"></path><path class="declared-mark" d="M${x(row.declared.seconds).toFixed(1)} ${barY + BAR_HEIGHT + 3}l-4 6h8z"></path>`
    : '';
  return html`<g${row.declared ? html` class="outlived"` : ''}>
  <title>${describe(row)}</title>
  <text x="${LABEL_WIDTH - 10}" y="${y + 13}" text-anchor="end">${shorten(row.name || '(unnamed)')}</text>
  <text class="sub" x="${LABEL_WIDTH - 10}" y="${y + 27}" text-anchor="end">${shorten(row.domain)}</text>
  <rect class="track" x="${LABEL_WIDTH}" y="${barY}" width="${PLOT}" height="${BAR_HEIGHT}" rx="2"></rect>
  ${bar}${declared}
  <text x="${LABEL_WIDTH + PLOT + 12}" y="${y + 13}">${row.declared ? '⚠ ' : ''}${formatLifetime(row.lifetimeSeconds)}</text>
  ${row.declared ? html`<text class="sub" x="${LABEL_WIDTH + PLOT + 12}" y="${y + 27}">policy says ${shorten(row.declared.text ?? formatLifetime(row.declared.seconds), 24)} (${shorten(row.declared.clauseId, 10)})</text>` : ''}
</g>`;
}

/** The cookie lifetimes section of report.html, or nothing when no cookie was seen. */
export function cookieLifetimesSection(report: Report): SafeHtml | '' {
  const view = cookieLifetimeView(report);
  if (!view) return '';
  const height = AXIS_HEIGHT + view.rows.length * ROW_HEIGHT + 4;
  const axis = view.ticks.map((t) => {
    const tx = (LABEL_WIDTH + lifetimePosition(t.seconds, view.maxSeconds) * PLOT).toFixed(1);
    return html`<path class="grid" d="M${tx} ${AXIS_HEIGHT - 4}V${height}"></path><text class="sub" x="${tx}" y="${AXIS_HEIGHT - 10}" text-anchor="middle">${t.label}</text>`;
  });
  const total = view.rows.length + view.hiddenRows;
  return html`<section aria-labelledby="lifetimes-heading">
<h2 id="lifetimes-heading">Cookie lifetimes</h2>
<p class="note">${plural(total, 'cookie')}, each once with the longest lifetime it was set with${
    view.outlived > 0 ? html`; <strong>${plural(view.outlived, 'cookie outlives', 'cookies outlive')} the lifetime the policy declares</strong> (listed first, ▲ marks the declared lifetime)` : ''
  }. Log scale; session cookies end when the browser closes.</p>
<figure>
<figcaption id="chart-lifetimes-caption">Cookie lifetimes</figcaption>
<svg class="lifetimes" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="chart-lifetimes-caption chart-lifetimes-desc">
<desc id="chart-lifetimes-desc">${view.rows.map(describe).join('; ')}</desc>
${axis}
${view.rows.map((row, i) => rowMarkup(row, i, view.maxSeconds))}
</svg>
${view.hiddenRows > 0 ? html`<p class="note">And ${plural(view.hiddenRows, 'more cookie')}, shorter-lived (see the findings' evidence and the observations appendix).</p>` : ''}
</figure>
</section>`;
}
