import { html, type SafeHtml } from './html-escape';
import { isEvidencePath, type PageVisit, type Report } from '../model/report';
import { pageLeftOutText } from './left-out';

/**
 * The pages visited, with the evidence files of each (`--screenshot`, `--har`) linked beside the
 * report. Page URLs and errors come from the site and are shown as escaped text; the only links
 * are to evidence paths, which are plain relative names (isEvidencePath) and escaped as well.
 */
export function pagesTable(report: Report): SafeHtml {
  if (report.pages.length === 0) return html`<p class="muted">No pages were visited.</p>`;
  const withConsent = report.pages.some((p) => p.consent);
  const withEvidence = report.pages.some((p) => isEvidencePath(p.screenshot) || isEvidencePath(p.har));
  return html`<div class="table-wrap"><table class="compact">
<thead><tr><th scope="col">Requested URL</th><th scope="col">Final URL</th>${withConsent ? html`<th scope="col">Consent</th>` : ''}<th scope="col">Problem</th>${
    withEvidence ? html`<th scope="col">Evidence</th>` : ''
  }</tr></thead>
<tbody>${report.pages.map(
    (p) => html`<tr><td class="url">${p.url}</td><td class="url">${p.finalUrl === p.url ? html`<span class="muted">same</span>` : p.finalUrl}</td>${
      withConsent ? html`<td>${p.consent ?? 'none'}</td>` : ''
    }<td>${p.error ? html`<span class="error">${p.error}</span>` : ''}${p.error && p.capped ? html`<br>` : ''}${
      p.capped ? html`<span class="warning">${pageLeftOutText(p.capped)!}</span>` : ''
    }</td>${withEvidence ? html`<td>${evidenceLinks(p)}</td>` : ''}</tr>`,
  )}</tbody></table></div>`;
}

function evidenceLinks(page: PageVisit): SafeHtml[] {
  const links = [
    isEvidencePath(page.screenshot) ? html`<a href="${page.screenshot}" title="PNG of the page once it went quiet">screenshot</a>` : undefined,
    isEvidencePath(page.har) ? html`<a href="${page.har}" title="HAR 1.2 file of the page's traffic (no response bodies)">HAR</a>` : undefined,
  ];
  return links.filter((link) => link !== undefined).flatMap((link, i) => (i === 0 ? [link] : [html` · `, link]));
}
