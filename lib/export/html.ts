import { attributionSourcesText, policyProvenanceText, formatDuration, formatTime, plural, unobservedCookieText } from './format';
import { observationsAppendix, OBSERVATION_ROW_LIMIT } from './html-appendix';
import { barChart } from './html-chart';
import { html, SafeHtml } from './html-escape';
import { clauseQuotes } from './clauses';
import { clauseQuote, findingsTable, statusChip } from './html-findings';
import { pagesTable } from './html-pages';
import { cookieLifetimesSection } from './html-lifetimes';
import { consentSection, pageMatrixSection } from './html-matrices';
import { REPORT_CSS } from './html-style';
import { CONSENT_OUTCOME_LABELS } from './report-views';
import type { Report } from '../model/report';
import { STATUS_LABELS, STATUS_ORDER } from './status';
import { summarize, type ReportSummary } from './summary';
import { leftOutText } from './left-out';

export interface HtmlOptions {
  /** Rows in the observations appendix before it stops and says how many were left out. */
  observationRowLimit?: number;
}

/*
 * Defence in depth for a file that will be opened from disk, mailed and archived: even if a
 * hostile string slipped past escaping, the browser may run no script, load nothing and submit
 * nothing. Inline styles are the only thing allowed.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function hostsOf(report: Report): string[] {
  const hosts = report.pages.map((p) => {
    try {
      return new URL(p.finalUrl || p.url).hostname;
    } catch {
      return p.finalUrl || p.url;
    }
  });
  return [...new Set(hosts)].filter(Boolean);
}

function siteLabel(report: Report): string {
  const [first, ...others] = hostsOf(report);
  if (!first) return 'no pages';
  return others.length === 0 ? first : `${first} and ${plural(others.length, 'other site')}`;
}

function metadata(report: Report): SafeHtml {
  const failed = report.pages.filter((p) => p.error).length;
  const { policy, settings } = report;
  return html`<dl class="meta">
<dt>Tool</dt><dd>${report.tool.name} ${report.tool.version}</dd>
<dt>Run</dt><dd>${formatTime(report.startedAt)} to ${formatTime(report.finishedAt)} <span class="muted">(${formatDuration(report.startedAt, report.finishedAt)})</span></dd>
<dt>Pages</dt><dd>${plural(report.pages.length, 'page')} visited${failed > 0 ? html`, <span class="error">${failed} did not load completely</span>` : ''}${
    leftOutText(report.pages) ? html`<br><span class="warning">${leftOutText(report.pages)!}.</span>` : ''
  }</dd>
<dt>Settings</dt><dd>${settings ? settingsText(settings) : html`<span class="muted">not recorded</span>`}</dd>
<dt>Policy</dt><dd>${
    policy
      ? html`${policy.title ?? policy.id} <span class="muted">(id <code>${policy.id}</code>${policy.file ? html`, file <code>${policy.file}</code>` : ''})</span>${
          policyProvenanceText(policy) ? html`<br><strong class="draft-warning">${policyProvenanceText(policy)!}.</strong>` : ''
        }`
      : html`<span class="muted">None: findings were not compared with a policy</span>`
  }</dd>
</dl>`;
}

/** The conditions of the run in one line: what a reviewer needs to compare two reports. (Escaped by the caller.) */
export function settingsText(settings: NonNullable<Report['settings']>): string {
  const parts = settings.thirdPartyCookies ? [`third-party cookies ${settings.thirdPartyCookies}`] : [];
  if (settings.browser) parts.push(settings.browser);
  if (settings.gpc !== undefined) parts.push(settings.gpc ? 'Global Privacy Control sent' : 'no Global Privacy Control');
  for (const c of settings.consent ?? []) {
    parts.push(`consent "${c.state}": ${CONSENT_OUTCOME_LABELS[c.outcome] ?? c.outcome}${c.cmp ? ` (${c.cmp})` : ''}`);
  }
  if (settings.trackerDb !== undefined) parts.push(`attribution: ${attributionSourcesText(settings)}`);
  if (settings.sandbox === false) parts.push('Chromium without its sandbox (run as root)');
  if (settings.insecure) parts.push('certificate errors ignored');
  if (settings.valuePreviews === false) parts.push('storage values not previewed');
  if (settings.shard) parts.push(`shard ${settings.shard.index} of ${settings.shard.count}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusCards(summary: ReportSummary): SafeHtml {
  return html`<div class="cards">${STATUS_ORDER.map(
    (status) => html`<div class="card"><span class="count">${summary.findings.byStatus[status]}</span>${statusChip(status)}<p>${STATUS_LABELS[status].meaning}</p></div>`,
  )}</div>`;
}

/** Findings by category; the status cards above already count findings by status. */
function charts(summary: ReportSummary): SafeHtml {
  const byCategory = summary.findings.byCategory.map((c) => ({ label: c.category, value: c.count, colourClass: 'bar-category' }));
  return html`<div class="charts">
${barChart('chart-category', 'Findings by category', byCategory)}
</div>`;
}

function unmatchedDeclarations(report: Report): SafeHtml {
  if (!report.policy) return html`<p class="muted">No policy was applied to this run.</p>`;
  const unmatched = report.unmatchedDeclarations;
  if (!unmatched) return html`<p class="muted">This report does not say which declarations went unmatched.</p>`;
  if (unmatched.length === 0) return html`<p>Every declaration of the policy matched at least one observation.</p>`;
  const quotes = clauseQuotes(report);
  return html`<p class="note">The policy declares these, but nothing on the visited pages matched them: they may be
stale, over-broad, or used on pages this run did not visit.</p>
${unmatched.map((d) => clauseQuote(d.id, quotes.get(d.id)))}`;
}

function unobservedCookies(report: Report): SafeHtml | '' {
  const cookies = report.unobservedCookies;
  if (!cookies?.length) return '';
  return html`<p class="note">Cookies the policy lists by name that were never set during this run:</p>
<ul>${cookies.map((c) => html`<li><code>${unobservedCookieText(c)}</code></li>`)}</ul>`;
}

/**
 * report.html: one self-contained file for privacy reviewers and legal. Inline CSS and SVG,
 * no script at all, nothing loaded from the network; every page-controlled string is escaped.
 */
export function toHtml(report: Report, options: HtmlOptions = {}): string {
  const summary = summarize(report);
  const site = siteLabel(report);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${report.tool.name} ${report.tool.version}">
<title>Privacy audit: ${site} (${formatTime(report.startedAt)})</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<main>
<header>
<h1>Privacy policy audit: ${site}</h1>
<p class="subtitle">What the site did, compared with what its privacy policy discloses.</p>
${metadata(report)}
</header>

<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<p>${plural(summary.findings.total, 'finding')} from ${plural(summary.observations.total, 'observation')} (${summary.observations.thirdParty.toLocaleString('en-US')} third-party).</p>
${statusCards(summary)}
${charts(summary)}
</section>

<section aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings</h2>
${findingsTable(report)}
</section>
${consentSection(report)}
${pageMatrixSection(report)}
${cookieLifetimesSection(report)}

<section aria-labelledby="unmatched-heading">
<h2 id="unmatched-heading">Declared but never observed</h2>
${unmatchedDeclarations(report)}
${unobservedCookies(report)}
</section>

<section aria-labelledby="pages-heading">
<h2 id="pages-heading">Pages visited</h2>
${pagesTable(report)}
</section>

<section aria-labelledby="observations-heading">
<h2 id="observations-heading">Appendix: observations</h2>
${observationsAppendix(report.observations, options.observationRowLimit ?? OBSERVATION_ROW_LIMIT)}
</section>

<footer>
<p>Generated by ${report.tool.name} ${report.tool.version} (report schema ${report.schemaVersion}). This file contains no scripts and loads nothing from the network; URLs are shown as text, not links (the only links are to screenshots and HAR files beside the report).</p>
</footer>
</main>
</body>
</html>
`;
  return page.markup;
}
