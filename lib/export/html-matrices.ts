import type { FindingStatus } from '../model/finding';
import type { Report } from '../model/report';
import { plural } from './format';
import { html, type SafeHtml } from './html-escape';
import { statusChip } from './html-findings';
import { CONSENT_OUTCOME_LABELS, CONSENT_STATE_LABELS, consentView, pageMatrix, type ThirdParty } from './report-views';
import { STATUS_LABELS } from './status';

/*
 * The consent comparison and the page × third-party matrix of report.html, rendered from
 * report-views. Every cell says its status or count in text as well as in colour.
 */

function partyHeader(party: ThirdParty, scope: 'row' | 'col'): SafeHtml {
  return html`<th scope="${scope}">${party.subject}<br>${party.domains.map((d, i) => html`${i > 0 ? ' ' : ''}<code>${d}</code>`)}</th>`;
}

function statusCell(status: FindingStatus, detail: string, title: string): SafeHtml {
  const label = STATUS_LABELS[status];
  return html`<td class="cell s-${status}" title="${title}"><span aria-hidden="true">${label.symbol}</span> ${label.label}<br><span class="detail">${detail}</span></td>`;
}

const notSeen = html`<td class="cell not-seen">not seen</td>`;

/** Each third party × each consent state, or nothing for a run in a single state. */
export function consentSection(report: Report): SafeHtml | '' {
  const view = consentView(report);
  if (!view) return '';
  const body = view.rows.length
    ? view.rows.map(
        ({ party, cells }) => html`<tr>${partyHeader(party, 'row')}${cells.map((c) =>
          c.status
            ? statusCell(c.status, plural(c.observations, 'observation'), `${party.subject}, consent “${CONSENT_STATE_LABELS[c.state]}”: ${STATUS_LABELS[c.status].label}`)
            : notSeen,
        )}</tr>`,
      )
    : html`<tr><td colspan="${view.states.length + 1}" class="muted">No third party was seen in any state.</td></tr>`;
  return html`<section aria-labelledby="consent-heading">
<h2 id="consent-heading">Consent states compared</h2>
<p class="note">The same pages, visited once per answer to the consent banner. A cell is the party's status for what it did in that state.</p>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">Third party</th>${view.states.map(
    (s) => html`<th scope="col">${CONSENT_STATE_LABELS[s.state]}${s.outcome ? html`<br><span class="detail">${CONSENT_OUTCOME_LABELS[s.outcome] ?? s.outcome}${s.cmp ? ` (${s.cmp})` : ''}</span>` : ''}</th>`,
  )}</tr></thead>
<tbody>${body}</tbody>
</table></div>
</section>`;
}

/** Which third party was seen on which page, for crawls; nothing for a single page. */
export function pageMatrixSection(report: Report): SafeHtml | '' {
  const matrix = pageMatrix(report);
  if (!matrix) return '';
  const left = [
    matrix.hiddenRows > 0 ? `${plural(matrix.hiddenRows, 'more page')} (see Pages visited)` : '',
    matrix.hiddenColumns > 0 ? `${plural(matrix.hiddenColumns, 'more third party', 'more third parties')} (see Findings)` : '',
  ].filter(Boolean);
  const table = matrix.columns.length
    ? html`<div class="table-wrap"><table class="matrix compact">
<caption>Columns: the most urgent third parties first, then the most widespread. Numbers are observations on the page.</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Third parties</th>${matrix.columns.map(
        (c) => html`<th scope="col">${c.subject}<br>${statusChip(c.status)}</th>`,
      )}</tr></thead>
<tbody>${matrix.rows.map(
        (row) => html`<tr><th scope="row" class="url">${row.url}${row.error ? html` <span class="error">(did not load completely)</span>` : ''}</th><td class="num">${row.thirdParties}</td>${row.cells.map((status, i) => {
          const party = matrix.columns[i]!;
          if (!status) return html`<td class="cell not-seen"><span class="sr-only">not seen</span><span aria-hidden="true">–</span></td>`;
          const count = row.counts[i]!;
          return html`<td class="cell s-${status}" title="${party.subject} on ${row.url}: ${plural(count, 'observation')}"><span aria-hidden="true">${STATUS_LABELS[status].symbol}</span> ${count}</td>`;
        })}</tr>`,
      )}</tbody>
<tfoot><tr><th scope="row">Seen on</th><td></td>${matrix.columns.map((c) => html`<td class="num">${plural(c.pages, 'page')}</td>`)}</tr></tfoot>
</table></div>`
    : html`<p class="muted">No third party was seen on these pages.</p>`;
  return html`<section aria-labelledby="page-matrix-heading">
<h2 id="page-matrix-heading">Third parties by page</h2>
<p class="note">${plural(matrix.totalPages, 'page')}; each cell is coloured by the party's finding.</p>
${table}
${left.length ? html`<p class="note">And ${left.join(' and ')}.</p>` : ''}
</section>`;
}
