import type { Finding, FindingStatus } from '../model/finding';
import { compareText, compareFindings, statusRank } from '../model/order';
import type { Observation } from '../model/observation';
import type { QuotedClause } from '../export/clauses';
import type { FindingReview } from './verdicts';

/**
 * Findings as the popup and the report page list them: one group per organization (else
 * registrable domain), worst news first. The audit already makes one finding per party per
 * status, so a group holds that party's findings, e.g. Google disclosed for scripts and
 * "technology not disclosed" for storage.
 */

export interface FindingRowView {
  finding: Finding;
  /** Observations behind the finding. */
  count: number;
  /** Lower-cased text the search box matches: names, domains, category, hosts, URLs, cookie and storage names. */
  searchText: string;
}

export interface FindingGroup {
  /** Stable key for keyed lists. */
  key: string;
  /** Organization, else the registrable domain. */
  name: string;
  /** The most urgent status among the group's findings: it decides the group's place. */
  worstStatus: FindingStatus;
  rows: FindingRowView[];
}

/** Search text is built once per report, so typing in the search box only runs `includes`. */
export function toRowViews(findings: readonly Finding[], observationsById: ReadonlyMap<string, Observation>): FindingRowView[] {
  return findings.map((finding) => {
    const parts = new Set<string>([finding.subject, finding.organization ?? '', finding.category ?? '', ...finding.domains]);
    for (const id of finding.observationIds) {
      const o = observationsById.get(id);
      if (!o) continue;
      parts.add(o.host);
      if (o.url) parts.add(o.url);
      if (o.name) parts.add(o.name);
      if (o.storage?.key) parts.add(o.storage.key);
    }
    return { finding, count: finding.observationIds.length, searchText: [...parts].join('\n').toLowerCase() };
  });
}

export function groupNameOf(finding: Finding): string {
  return finding.organization ?? finding.domains[0] ?? finding.subject;
}

function byStatusThenName(a: FindingRowView, b: FindingRowView): number {
  return compareFindings(a.finding, b.finding);
}

export function groupFindings(rows: readonly FindingRowView[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const row of rows) {
    const name = groupNameOf(row.finding);
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { key, name, worstStatus: row.finding.status, rows: [row] });
  }
  for (const group of groups.values()) {
    group.rows.sort(byStatusThenName);
    group.worstStatus = group.rows[0]!.finding.status;
  }
  return [...groups.values()].sort(
    (a, b) => statusRank(a.worstStatus) - statusRank(b.worstStatus) || compareText(a.name, b.name),
  );
}

/** What every finding row needs besides its own finding; a group list hands it down unchanged. */
export interface FindingRowContext {
  observationsById: ReadonlyMap<string, Observation>;
  quotes: ReadonlyMap<string, QuotedClause>;
  policyApplied: boolean;
  startExpanded?: boolean;
  onverdict: (finding: Finding, review: FindingReview) => Promise<void>;
}
