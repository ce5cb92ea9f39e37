import type { Finding } from '../audit/finding';
import { subjectKeyOf, type Verdict, type VerdictRecord } from '../store/verdict-store';

export const VERDICT_LABELS: Record<Verdict, string> = {
  compliant: 'Compliant',
  'not-compliant': 'Not compliant',
  'needs-review': 'Needs review',
};

export const VERDICT_ORDER: readonly Verdict[] = ['compliant', 'not-compliant', 'needs-review'];

/** What lib/export reads (finding-extras.ts `reviewOf`): `finding.review = { verdict?, comment? }`. */
export interface FindingReview {
  verdict?: Verdict;
  comment?: string;
}

export type ReviewedFinding = Finding & { review?: FindingReview };

function recordKey(status: string, subject: string): string {
  return `${status}\n${subjectKeyOf(subject)}`;
}

/**
 * The findings of a new audit with the verdicts reviewers gave the same party and status before.
 * Findings nobody reviewed are returned unchanged (no empty `review` object).
 */
export function attachReviews(findings: readonly Finding[], records: readonly VerdictRecord[]): ReviewedFinding[] {
  const byKey = new Map(records.map((r) => [recordKey(r.status, r.subject), r]));
  return findings.map((finding) => {
    const record = byKey.get(recordKey(finding.status, finding.subject));
    if (!record || (!record.verdict && !record.comment)) return finding;
    const review: FindingReview = {
      ...(record.verdict ? { verdict: record.verdict } : {}),
      ...(record.comment ? { comment: record.comment } : {}),
    };
    return { ...finding, review };
  });
}

export function reviewOfFinding(finding: Finding): FindingReview | undefined {
  return (finding as ReviewedFinding).review;
}

/** Finding id → review, for a page that edits verdicts without rebuilding the whole report. */
export function reviewsById(findings: readonly Finding[]): Map<string, FindingReview> {
  const reviews = new Map<string, FindingReview>();
  for (const finding of findings) {
    const review = reviewOfFinding(finding);
    if (review) reviews.set(finding.id, review);
  }
  return reviews;
}

/** The report as it should be exported: every finding with the review the page currently shows. */
export function withReviews<R extends { findings: Finding[] }>(report: R, reviews: ReadonlyMap<string, FindingReview>): R {
  return {
    ...report,
    findings: report.findings.map((finding) => {
      const { review: _old, ...rest } = finding as ReviewedFinding;
      const review = reviews.get(finding.id);
      return review && (review.verdict || review.comment) ? { ...rest, review } : rest;
    }),
  };
}
