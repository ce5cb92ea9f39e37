import { STATUS_ORDER } from './status';

/*
 * The one palette of the HTML export and the extension's pages: a reviewer sees one status in one
 * colour everywhere. Status colour always comes with the status text and symbol (never colour
 * alone) and keeps WCAG AA contrast in both schemes.
 */
const VARIABLES = `
:root {
  color-scheme: light dark;
  --bg: #fbfbfa; --fg: #1c1f24; --muted: #596170; --border: #d8dce2; --surface: #f1f3f6;
  --accent: #2456b8; --accent-fg: #ffffff; --quote: #eef2fa; --error: #a31515; --focus: #2456b8;
  --undisclosed-bg: #fde7e7; --undisclosed-fg: #8c1d1d; --undisclosed-bar: #c62828;
  --technology-not-disclosed-bg: #ffeedd; --technology-not-disclosed-fg: #874200; --technology-not-disclosed-bar: #e07800;
  --disclosed-by-category-bg: #fff5cc; --disclosed-by-category-fg: #665200; --disclosed-by-category-bar: #c29d00;
  --disclosed-bg: #e2f3e5; --disclosed-fg: #1d5c2a; --disclosed-bar: #2e8b47;
  --first-party-bg: #e5edfb; --first-party-fg: #1e4488; --first-party-bar: #4a78c8;
  --unreviewed-bg: #eceef1; --unreviewed-fg: #434a55; --unreviewed-bar: #8a93a0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171b; --fg: #e6e8ec; --muted: #a2a9b5; --border: #353a43; --surface: #1e2127;
    --accent: #8fb3ff; --accent-fg: #10131a; --quote: #1f2633; --error: #ff9c9c; --focus: #8fb3ff;
    --undisclosed-bg: #4a1c1c; --undisclosed-fg: #ffc9c9; --undisclosed-bar: #ef5350;
    --technology-not-disclosed-bg: #4a2c0c; --technology-not-disclosed-fg: #ffd6a8; --technology-not-disclosed-bar: #ff9d2e;
    --disclosed-by-category-bg: #433a0a; --disclosed-by-category-fg: #fbe9a0; --disclosed-by-category-bar: #e0c030;
    --disclosed-bg: #173d22; --disclosed-fg: #bfeccb; --disclosed-bar: #4cbb6c;
    --first-party-bg: #1b2f55; --first-party-fg: #c6d8ff; --first-party-bar: #6f9ae6;
    --unreviewed-bg: #2b2f36; --unreviewed-fg: #cfd4dc; --unreviewed-bar: #8a93a0;
  }
}
`;

/** Chip and bar colours per status, generated so a new status only needs its variables above. */
const STATUS_CLASSES = STATUS_ORDER.map(
  (s) => `.s-${s} { background: var(--${s}-bg); color: var(--${s}-fg); }\nrect.s-${s} { fill: var(--${s}-bar); }`,
).join('\n');

export const PALETTE_CSS = `${VARIABLES}${STATUS_CLASSES}\n`;
