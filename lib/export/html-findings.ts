import type { Finding } from '../model/finding';
import type { Observation } from '../model/observation';
import { clauseQuotes, type QuotedClause } from './clauses';
import { evidenceDetails } from './html-evidence';
import { html, type SafeHtml } from './html-escape';
import type { Report } from '../model/report';
import { compareFindings } from '../model/order';
import { STATUS_LABELS, uncoveredTechnologies } from './status';
import { UNCATEGORISED } from './summary';
import { cookieLifetimeText, PAGE_CLAIM_ONLY_TEXT } from './format';

/** A status chip: colour, symbol and words, so it reads in greyscale print and to screen readers. */
export function statusChip(status: string): SafeHtml {
  const label = STATUS_LABELS[status as Finding['status']] ?? { symbol: '?', label: status };
  return html`<span class="chip s-${status}"><span aria-hidden="true">${label.symbol}</span> ${label.label}</span>`;
}

/** Reviewers read what needs action first; inside a status, alphabetically by party. */
export function sortFindingsForReview(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function partyCell(f: Finding): SafeHtml {
  // "Facebook (Meta)" already names its organization.
  const organization = f.organization && !f.subject.includes(f.organization) ? f.organization : '';
  return html`<th scope="row">${f.subject}${organization ? html`<br><span class="muted">${organization}</span>` : ''}
<br>${f.domains.map((d, i) => html`${i > 0 ? ' ' : ''}<code>${d}</code>`)}</th>`;
}

/** The quoted words of a clause, with its id and section so a reader can find it in the policy. */
export function clauseQuote(id: string, clause: QuotedClause | undefined): SafeHtml {
  if (!clause) return html`<p>Clause <code>${id}</code> <span class="muted">(text not included in this report)</span></p>`;
  return html`<blockquote>${clause.quote}<cite>Clause ${id}${clause.section ? html`, section “${clause.section}”` : ''}</cite></blockquote>`;
}

function clauseCell(f: Finding, quotes: Map<string, QuotedClause>): SafeHtml {
  if (f.clauseIds.length === 0) {
    if (f.status === 'first-party') return html`<td class="muted">Not needed for the site itself</td>`;
    if (f.status === 'unreviewed') return html`<td class="muted">No policy applied</td>`;
    return html`<td><span class="no-clause">No clause covers this.</span></td>`;
  }
  const uncovered = uncoveredTechnologies(f);
  return html`<td>${f.clauseIds.map((id) => clauseQuote(id, quotes.get(id)))}${
    uncovered.length > 0 ? html`<p><span class="no-clause">No clause covers its ${uncovered.join(', ')}.</span></p>` : ''
  }${lifetimeNotes(f)}</td>`;
}

/** Cookies that outlive the lifetime their clause declares: whatever the status, the clause understates them. */
function lifetimeNotes(f: Finding): SafeHtml | '' {
  if (!f.cookieLifetimes?.length) return '';
  return html`${f.cookieLifetimes.map((e) => html`<p class="lifetime"><span class="no-clause">Outlives its declared lifetime:</span> ${cookieLifetimeText(e)}</p>`)}`;
}

/** What the party was seen as, and per technology how the policy covers it (symbol and status in words). */
function kindsCell(f: Finding): SafeHtml {
  const coverage = f.coverage ?? [];
  const technologies = coverage.length
    ? coverage.map((c, i) => html`${i > 0 ? ', ' : ''}<span title="${STATUS_LABELS[c.status].label}${c.clauseIds.length ? ` (${c.clauseIds.join(', ')})` : ''}">${STATUS_LABELS[c.status].symbol} ${c.technology}</span>`)
    : (f.technologies ?? []).join(', ');
  return html`<td>${f.kinds.join(', ')}${
    coverage.length || f.technologies?.length ? html`<br><span class="muted">${technologies}</span>` : ''
  }</td>`;
}

function pageClaimNote(f: Finding): SafeHtml | '' {
  return f.pageClaimOnly ? html`<p class="note page-claim">${PAGE_CLAIM_ONLY_TEXT}</p>` : '';
}

function reviewNote(f: Finding): SafeHtml | '' {
  const review = f.review?.verdict || f.review?.comment ? f.review : undefined;
  if (!review) return '';
  return html`<p class="note"><strong>Reviewer:</strong> ${review.verdict ?? ''}${
    review.verdict && review.comment ? ' — ' : ''
  }${review.comment ?? ''}</p>`;
}

/** The findings table, in review order, each row with its clause and expandable evidence. */
export function findingsTable(report: Report): SafeHtml {
  if (report.findings.length === 0) return html`<p class="muted">No findings: nothing third-party was observed.</p>`;
  const quotes = clauseQuotes(report);
  const observationsById = new Map<string, Observation>(report.observations.map((o) => [o.id, o]));
  const rows = sortFindingsForReview(report.findings).map((f) => {
    const found = f.observationIds.flatMap((id) => observationsById.get(id) ?? []);
    return html`<tr id="finding-${f.id}">
<td>${statusChip(f.status)}</td>
${partyCell(f)}
<td>${f.category || html`<span class="muted">${UNCATEGORISED}</span>`}</td>
${kindsCell(f)}
${clauseCell(f, quotes)}
<td>${pageClaimNote(f)}${evidenceDetails(found, f.observationIds.length - found.length)}${reviewNote(f)}</td>
</tr>`;
  });
  return html`<div class="table-wrap"><table>
<caption>Sorted by status (most urgent first), then by third party.</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Third party</th><th scope="col">Category</th><th scope="col">Seen as</th><th scope="col">Policy clause</th><th scope="col">Evidence</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}
