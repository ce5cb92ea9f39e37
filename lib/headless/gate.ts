import type { Finding, FindingStatus } from '../model/finding';
import type { FailOn } from './option-values';

/**
 * What `--fail-on` fails a build for. A party named in the policy but seen using a technology the
 * policy does not name for it (technology-not-disclosed) is as undisclosed as an unnamed party:
 * the visitor was not told about what it did.
 */
export const FAILING_STATUSES: Readonly<Record<FailOn, readonly FindingStatus[]>> = {
  undisclosed: ['undisclosed', 'technology-not-disclosed'],
  'by-category': ['undisclosed', 'technology-not-disclosed', 'disclosed-by-category'],
  none: [],
};

/**
 * What the CI-facing reports (JUnit, report.md) list as failures: always what the visitor was not
 * told about, so a test view is never green over undisclosed trackers; `--fail-on by-category`
 * adds what is disclosed only by category. `--fail-on` still decides the exit code alone.
 */
export function reportedFailures(failOn: FailOn): readonly FindingStatus[] {
  return FAILING_STATUSES[failOn === 'by-category' ? 'by-category' : 'undisclosed'];
}

/** Pure: the findings that fail the run at this level. */
export function failingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  const failing = FAILING_STATUSES[failOn];
  return findings.filter((finding) => failing.includes(finding.status));
}

export type Outcome = 'clean' | 'findings' | 'interrupted' | 'error';

export const EXIT_CODES: Readonly<Record<Outcome, number>> = { clean: 0, findings: 1, error: 2, interrupted: 130 };

/** An error outranks an interruption, which outranks findings: CI must never read a broken run as a verdict. */
export function outcomeOf(run: { failed: boolean; interrupted: boolean; failingFindings: number }): Outcome {
  if (run.failed) return 'error';
  if (run.interrupted) return 'interrupted';
  return run.failingFindings > 0 ? 'findings' : 'clean';
}
