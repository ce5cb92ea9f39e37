import { compareText } from '../model/order';
import type { Finding, FindingStatus } from '../model/finding';
import { OBSERVATION_KINDS, type ObservationKind } from '../model/vocabulary';
import type { Report } from '../model/report';
import { STATUS_LABELS, STATUS_ORDER } from './status';
import { formatTime, plural, attributionSourcesText, policyProvenanceText } from './format';
import { leftOutText } from './left-out';
import { attemptText } from './policy-attempts';

/** Label used for findings the classifier could not put in a category. */
export const UNCATEGORISED = 'Uncategorised';

export interface CategoryCount {
  category: string;
  count: number;
}

export interface ReportSummary {
  pages: number;
  findings: {
    total: number;
    byStatus: Record<FindingStatus, number>;
    /** Largest first, then by name, so charts and tables read the same everywhere. */
    byCategory: CategoryCount[];
    /** How many findings involve each kind (a finding with cookies and requests counts for both). */
    byKind: Record<ObservationKind, number>;
  };
  observations: {
    total: number;
    byKind: Record<ObservationKind, number>;
    thirdParty: number;
  };
}

function zeroPerKind(): Record<ObservationKind, number> {
  return Object.fromEntries(OBSERVATION_KINDS.map((k) => [k, 0])) as Record<ObservationKind, number>;
}

/** Findings per status, every status present (0 when none). */
export function countByStatus(findings: readonly Finding[]): Record<FindingStatus, number> {
  const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<FindingStatus, number>;
  for (const finding of findings) byStatus[finding.status] = (byStatus[finding.status] ?? 0) + 1;
  return byStatus;
}

/** Counts shared by the HTML report, the popup and the CLI, so they never disagree. */
export function summarize(report: Report): ReportSummary {
  const byStatus = countByStatus(report.findings);
  const findingKinds = zeroPerKind();
  const categories = new Map<string, number>();
  for (const finding of report.findings) {
    for (const kind of new Set(finding.kinds)) findingKinds[kind] += 1;
    const category = finding.category || UNCATEGORISED;
    categories.set(category, (categories.get(category) ?? 0) + 1);
  }
  const byCategory = [...categories]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || compareText(a.category, b.category));

  const observationKinds = zeroPerKind();
  let thirdParty = 0;
  for (const observation of report.observations) {
    observationKinds[observation.kind] += 1;
    if (observation.party === 'third') thirdParty += 1;
  }

  return {
    pages: report.pages.length,
    findings: { total: report.findings.length, byStatus, byCategory, byKind: findingKinds },
    observations: { total: report.observations.length, byKind: observationKinds, thirdParty },
  };
}

/**
 * Category names and policy titles can come from the audited site: drop control characters so a
 * hostile string cannot move the cursor or recolour the user's terminal (ANSI escape injection).
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Left column padded, right column right-aligned: readable in any monospace terminal. */
function table(heading: [string, string], rows: [string, string][]): string[] {
  const all = [heading, ...rows].map(([l, r]): [string, string] => [printable(l), printable(r)]);
  const left = Math.max(...all.map(([l]) => l.length));
  const right = Math.max(...all.map(([, r]) => r.length));
  const line = ([l, r]: [string, string]) => `  ${l.padEnd(left)}  ${r.padStart(right)}`;
  const [head, ...body] = all;
  return [line(head!), `  ${'-'.repeat(left + right + 2)}`, ...body.map(line)];
}

/** A short plain-text overview for the terminal, ending with a newline. */
export function formatSummary(report: Report): string {
  const summary = summarize(report);
  const lines = [
    `${report.tool.name} ${report.tool.version}: ${formatTime(report.startedAt)} to ${formatTime(report.finishedAt)}`,
    `${plural(summary.pages, 'page')}, ${plural(summary.observations.total, 'observation')} ` +
      `(${summary.observations.thirdParty.toLocaleString('en-US')} third-party), ` +
      `${plural(summary.findings.total, 'finding')}`,
    ...(leftOutText(report.pages) ? [`${leftOutText(report.pages)!} (pages[].capped)`] : []),
    `Policy: ${report.policy ? printable(report.policy.title ?? report.policy.id) : 'none (findings are unreviewed)'}`,
    ...(policyProvenanceText(report.policy) ? [`  ${printable(policyProvenanceText(report.policy)!)}`] : []),
    ...discoveryLines(report),
    `Attribution: ${attributionSourcesText(report.settings)}`,
    '',
    ...table(
      ['Status', 'Findings'],
      STATUS_ORDER.map((s) => [STATUS_LABELS[s].label, String(summary.findings.byStatus[s])]),
    ),
  ];
  if (summary.findings.byCategory.length > 0) {
    lines.push('', ...table(['Category', 'Findings'], summary.findings.byCategory.map((c) => [c.category, String(c.count)])));
  }
  lines.push(
    '',
    ...table(
      ['Kind', 'Observations'],
      OBSERVATION_KINDS.map((k) => [k, String(summary.observations.byKind[k])]),
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** Without a policy, what the run tried to find one: a missing policy must never read as a silent pass. */
function discoveryLines(report: Report): string[] {
  if (report.policy || !report.policyDiscovery) return [];
  const attempts = report.policyDiscovery.attempts;
  if (attempts.length === 0) return ['  No link to a privacy policy was found on the audited pages.'];
  return attempts.map((a) => `  tried ${attemptText(a, printable)}`);
}
