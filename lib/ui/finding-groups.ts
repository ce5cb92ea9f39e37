import type { Finding } from '../model/finding';
import type { FindingGroup as GroupOf } from '../model/finding-groups';
import type { Observation } from '../model/observation';
import type { QuotedClause } from '../export/clauses';
import type { FindingReview } from './verdicts';

export { groupFindings, groupNameOf } from '../model/finding-groups';

export interface FindingRowView {
  finding: Finding;
  /** Observations behind the finding. */
  count: number;
  /** Lower-cased text the search box matches: names, domains, category, hosts, URLs, cookie and storage names. */
  searchText: string;
}

export type FindingGroup = GroupOf<FindingRowView>;

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

/** What every finding row needs besides its own finding; a group list hands it down unchanged. */
export interface FindingRowContext {
  observationsById: ReadonlyMap<string, Observation>;
  quotes: ReadonlyMap<string, QuotedClause>;
  policyApplied: boolean;
  startExpanded?: boolean;
  onverdict: (finding: Finding, review: FindingReview) => Promise<void>;
}
