import type { Finding, FindingStatus } from '../model/finding';
import { isEvidencePath, type PageVisit, type Report } from '../model/report';
import { failingParts } from './failing';
import { attributionSourcesText, formatTime, plural, policyProvenanceText } from './format';
import { MarkdownMarkup, markdownTable, markdownText } from './markdown-escape';
import { STATUS_LABELS, STATUS_ORDER } from './status';
import { summarize } from './summary';
import { pageLeftOutText } from './left-out';
import { attemptText } from './policy-attempts';

/**
 * report.md: a short summary for GitHub's job summary ($GITHUB_STEP_SUMMARY) and pull request
 * comments: the verdict first, then what to fix, then what it rests on (policy, pages, sources).
 * Pure text; every string that came from the audited site goes through markdownText.
 */
export const MARKDOWN_FILE_NAME = 'report.md';

export interface MarkdownOptions {
  /** The statuses listed as failing; CI passes its gate's (lib/headless/gate.ts reportedFailures). */
  failing?: readonly FindingStatus[];
}

/** GitHub caps a job summary at 1 MiB: long lists end with a pointer to the full report. */
const FINDINGS_LIMIT = 100;
const PAGES_LIMIT = 50;
const ATTEMPTS_LIMIT = 10;

const UNDISCLOSED: readonly FindingStatus[] = ['undisclosed', 'technology-not-disclosed'];

export function toMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const failingStatuses = options.failing ?? UNDISCLOSED;
  const failing = report.findings.filter((f) => failingStatuses.includes(f.status));
  const lines = [
    `## Privacy audit: ${markdownText(siteOf(report))}`,
    '',
    headline(report, failing),
    '',
    ...statusTable(report),
    ...failingSection(failing, failingStatuses),
    ...policySection(report),
    ...pagesSection(report),
    '',
    `Attribution: ${markdownText(attributionSourcesText(report.settings))}. ` +
      `${markdownText(`${report.tool.name} ${report.tool.version}`)}, ${formatTime(report.startedAt)} to ${formatTime(report.finishedAt)}.`,
  ];
  return `${lines.join('\n')}\n`;
}

function siteOf(report: Report): string {
  const first = report.pages[0]?.url;
  if (!first) return 'no page';
  try {
    return new URL(first).hostname;
  } catch {
    return first;
  }
}

/** One line a reader can act on: what fails, else that nothing does, and whether that verdict can be trusted. */
function headline(report: Report, failing: readonly Finding[]): string {
  const thirdParties = report.findings.filter((f) => f.status !== 'first-party').length;
  const errors = report.pages.filter((p) => p.error).length;
  const parts = [
    !report.policy
      ? `? **No policy applied**: ${plural(thirdParties, 'third party', 'third parties')} unreviewed`
      : failing.length > 0
        ? `✕ **${plural(failing.length, 'finding')} not covered by the policy**`
        : '✓ **Every third party is covered by the policy**',
    ...(report.policy?.discovered ? ['judged against an unreviewed draft'] : []),
    ...(errors > 0 ? [`✕ ${errors} of ${plural(report.pages.length, 'page')} did not load`] : []),
    `${plural(thirdParties, 'third party', 'third parties')} on ${plural(report.pages.length, 'page')}`,
  ];
  return parts.join(' · ');
}

function statusTable(report: Report): string[] {
  const counts = summarize(report).findings.byStatus;
  const rows = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => [`${STATUS_LABELS[s].symbol} ${STATUS_LABELS[s].label}`, String(counts[s])]);
  return rows.length ? markdownTable(['Status', 'Findings'], rows, '-r') : ['No third party or first-party finding was recorded.'];
}

function failingSection(failing: readonly Finding[], statuses: readonly FindingStatus[]): string[] {
  if (failing.length === 0) return [];
  const rows = failing.slice(0, FINDINGS_LIMIT).map((f) => {
    const parts = failingParts(f, statuses);
    const what = [...parts.uncovered, ...parts.byCategoryOnly.map((t) => `${t} (by category only)`)];
    return [
      f.subject,
      f.domains.join(', '),
      `${STATUS_LABELS[f.status].symbol} ${STATUS_LABELS[f.status].label}`,
      what.join(', ') || '–',
      f.clauseIds.join(', ') || '–',
    ];
  });
  return [
    '',
    `### Findings to fix (${failing.length})`,
    '',
    ...markdownTable(['Party', 'Domains', 'Status', 'Not covered', 'Clauses'], rows),
    ...more(failing.length, FINDINGS_LIMIT, 'findings'),
  ];
}

function policySection(report: Report): string[] {
  const policy = report.policy;
  if (!policy) {
    const attempts = report.policyDiscovery?.attempts ?? [];
    return [
      '',
      '### Policy',
      '',
      'None: no policy file is for the site, and no policy was read from it, so nothing was compared.',
      ...attempts.slice(0, ATTEMPTS_LIMIT).map((a) => `- tried ${attemptText(a, markdownText)}`),
      ...more(attempts.length, ATTEMPTS_LIMIT, 'attempts'),
    ];
  }
  const provenance = policyProvenanceText(policy);
  return [
    '',
    '### Policy',
    '',
    `${markdownText(policy.title ?? policy.id)}${policy.file ? ` (${markdownText(policy.file)})` : ''}`,
    ...(provenance ? ['', `> [!WARNING]`, `> ${markdownText(provenance)}: correct the draft (policy.draft.json) and commit it to policy/.`] : []),
  ];
}

function pagesSection(report: Report): string[] {
  const withConsent = report.pages.some((page) => page.consent);
  const withEvidence = report.pages.some((page) => evidenceLinks(page).length > 0);
  const rows = report.pages.slice(0, PAGES_LIMIT).map((p) => [
    p.url,
    ...(withConsent ? [p.consent ?? 'none'] : []),
    [p.error ? `✕ ${p.error}` : p.finalUrl !== p.url ? `loaded as ${p.finalUrl}` : 'loaded', pageLeftOutText(p.capped)].filter(Boolean).join('; '),
    ...(withEvidence ? [new MarkdownMarkup(evidenceLinks(p).join(' · ') || '–')] : []),
  ]);
  const heading = ['Page', ...(withConsent ? ['Consent'] : []), 'Result', ...(withEvidence ? ['Evidence'] : [])];
  return ['', `### Pages (${report.pages.length})`, '', ...markdownTable(heading, rows), ...more(report.pages.length, PAGES_LIMIT, 'pages')];
}

/** Links to the page's files beside the report: plain relative names (isEvidencePath), so nothing needs escaping. */
function evidenceLinks(page: PageVisit): string[] {
  return [
    ...(isEvidencePath(page.screenshot) ? [`[screenshot](${page.screenshot})`] : []),
    ...(isEvidencePath(page.har) ? [`[HAR](${page.har})`] : []),
  ];
}

function more(total: number, shown: number, what: string): string[] {
  return total > shown ? ['', `… and ${total - shown} more ${what} in report.json.`] : [];
}
