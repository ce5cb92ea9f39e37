import type { Finding, FindingStatus } from '../model/finding';
import { uncoveredTechnologies } from './status';

/** What of a failing finding needs a clause, split the way a policy author fixes it. */
export interface FailingParts {
  /** Technologies no clause covers for this party (undisclosed or technology-not-disclosed). */
  uncovered: string[];
  /** Technologies covered only by a category ("advertising partners"), when those count as failing. */
  byCategoryOnly: string[];
}

/**
 * The parts of a finding at the failing statuses, from its per-technology coverage. Reports
 * written before coverage existed judge the finding as a whole: all it was seen using is named.
 */
export function failingParts(finding: Finding, failing: readonly FindingStatus[]): FailingParts {
  const byCategory = failing.includes('disclosed-by-category');
  if (!finding.coverage?.length) {
    const seen = finding.technologies?.length ? finding.technologies : finding.kinds;
    const uncovered = finding.status === 'undisclosed' || finding.status === 'technology-not-disclosed';
    const categoryOnly = byCategory && finding.status === 'disclosed-by-category';
    return { uncovered: uncovered ? [...seen] : [], byCategoryOnly: categoryOnly ? [...seen] : [] };
  }
  return {
    uncovered: uncoveredTechnologies(finding),
    byCategoryOnly: byCategory ? finding.coverage.filter((c) => c.status === 'disclosed-by-category').map((c) => c.technology) : [],
  };
}

/** "not covered: cookie, beacon; by category only: script"; empty when nothing fails. */
export function failingPartsText(parts: FailingParts): string {
  return [
    ...(parts.uncovered.length ? [`not covered: ${parts.uncovered.join(', ')}`] : []),
    ...(parts.byCategoryOnly.length ? [`by category only: ${parts.byCategoryOnly.join(', ')}`] : []),
  ].join('; ');
}

/** "cookie: technology not disclosed (no clause); script: disclosed (c1)", one entry per technology. */
export function coverageText(finding: Finding, statusLabel: (status: FindingStatus) => string): string {
  return (finding.coverage ?? [])
    .map((c) => `${c.technology}: ${statusLabel(c.status)} (${c.clauseIds.length ? c.clauseIds.join(', ') : 'no clause'})`)
    .join('; ');
}
