import type { Finding, FindingStatus } from './finding';
import { compareText, compareFindings, statusRank } from './order';

/**
 * Findings as the popup and the report page list them: one group per organization (else
 * registrable domain), worst news first. The audit already makes one finding per party per
 * status, so a group holds that party's findings, e.g. Google disclosed for scripts and
 * "technology not disclosed" for storage. The worker cuts the popup's first screen by the same
 * order, so it lives down here where both reach it.
 */
export interface FindingGroup<Row extends { finding: Finding } = { finding: Finding }> {
  /** Stable key for keyed lists. */
  key: string;
  /** Organization, else the registrable domain. */
  name: string;
  /** The most urgent status among the group's findings: it decides the group's place. */
  worstStatus: FindingStatus;
  rows: Row[];
}

export function groupNameOf(finding: Finding): string {
  return finding.organization ?? finding.domains[0] ?? finding.subject;
}

export function groupFindings<Row extends { finding: Finding }>(rows: readonly Row[]): FindingGroup<Row>[] {
  const groups = new Map<string, FindingGroup<Row>>();
  for (const row of rows) {
    const name = groupNameOf(row.finding);
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { key, name, worstStatus: row.finding.status, rows: [row] });
  }
  for (const group of groups.values()) {
    group.rows.sort((a, b) => compareFindings(a.finding, b.finding));
    group.worstStatus = group.rows[0]!.finding.status;
  }
  return [...groups.values()].sort(
    (a, b) => statusRank(a.worstStatus) - statusRank(b.worstStatus) || compareText(a.name, b.name),
  );
}
