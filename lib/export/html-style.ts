/*
 * The report's only stylesheet, inlined so the file opens anywhere with no network access.
 * Status colours always come with the status text and symbol (never colour alone), and keep
 * enough contrast for WCAG AA in both schemes.
 */
import { PALETTE_CSS } from './palette';

const BASE_CSS = `
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
p { margin: .5rem 0; }
.subtitle, .note, .muted { color: var(--muted); }
.note { font-size: .9rem; }
code, .url { font: .85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 1.25rem 0 0;
  padding: 1rem 1.25rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
.meta dt { font-weight: 600; color: var(--muted); }
.meta dd { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: .75rem; }
.card { border: 1px solid var(--border); border-radius: 8px; padding: .75rem .9rem; background: var(--surface); }
.card .count { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card .chip { white-space: normal; margin-top: .3rem; }
.card p { font-size: .85rem; color: var(--muted); margin: .4rem 0 0; }
.chip { display: inline-flex; align-items: center; gap: .35em; padding: .1em .6em; border-radius: 999px;
  font-size: .82rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.charts { margin-top: 1.5rem; align-items: start; display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 1.5rem; }
figure { margin: 0; padding: 1rem; border: 1px solid var(--border); border-radius: 8px; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
svg text { fill: var(--fg); font: 13px system-ui, sans-serif; }
svg .track { fill: var(--surface); }
svg .bar-category { fill: var(--accent); }
svg text.sub { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--border); stroke-width: 1; }
svg .session { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 2 2; }
svg .declared { stroke: var(--fg); stroke-width: 2; }
svg .declared-mark { fill: var(--fg); }
.matrix td.cell { text-align: center; white-space: nowrap; font-weight: 600; }
.matrix td.not-seen { color: var(--muted); font-weight: 400; }
.matrix .detail { font-size: .78rem; font-weight: 400; }
.matrix thead th { text-transform: none; letter-spacing: 0; }
.matrix tbody th.url { font-weight: 400; min-width: 14rem; max-width: 28rem; }
.matrix tfoot > * > * { border-top: 1px solid var(--border); border-bottom: 0; color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; }
table { width: 100%; border-collapse: collapse; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .55rem .7rem; border-bottom: 1px solid var(--border); }
thead th { position: sticky; top: 0; background: var(--surface); font-size: .8rem; text-transform: uppercase;
  letter-spacing: .03em; color: var(--muted); }
tbody tr:last-child > * { border-bottom: 0; }
tbody th { font-weight: 600; min-width: 10rem; }
caption { caption-side: bottom; padding: .5rem .7rem; text-align: left; color: var(--muted); font-size: .85rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.compact td, .compact th { padding: .3rem .55rem; font-size: .82rem; }
blockquote { margin: 0 0 .4rem; padding: .35rem .7rem; background: var(--quote); border-left: 3px solid var(--accent);
  border-radius: 0 4px 4px 0; }
blockquote cite { display: block; font-style: normal; font-size: .78rem; color: var(--muted); }
.no-clause { font-weight: 600; }
details summary { cursor: pointer; color: var(--accent); font-weight: 600; }
details[open] summary { margin-bottom: .4rem; }
.evidence h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); margin: .6rem 0 .2rem; }
.evidence ul { margin: 0; padding-left: 1.1rem; }
.evidence li { margin: .15rem 0; }
.hooked { font-size: .75rem; color: var(--muted); }
.error { color: var(--undisclosed-fg); }
.warning { color: var(--technology-not-disclosed-fg); font-weight: 600; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
@media print {
  :root { color-scheme: light; }
  body { background: #fff; color: #000; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .chip, .card, blockquote, svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .table-wrap { overflow: visible; border: 0; }
  thead th { position: static; }
  tr, figure, .card, blockquote { break-inside: avoid; }
  h2 { break-after: avoid; }
  /* Evidence is collapsed on screen; on paper there is nothing to click, so show it all. */
  details > summary { color: inherit; }
  details::details-content { content-visibility: visible; display: block; }
}
`;

export const REPORT_CSS = `${PALETTE_CSS}${BASE_CSS}`;
