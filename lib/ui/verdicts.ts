import type { Finding, Review, ReviewVerdict } from '../model/finding';

export const VERDICT_LABELS: Record<ReviewVerdict, string> = {
  compliant: 'Compliant',
  'not-compliant': 'Not compliant',
  'needs-review': 'Needs review',
};

export const VERDICT_ORDER: readonly ReviewVerdict[] = ['compliant', 'not-compliant', 'needs-review'];

/** A reviewer's verdict and comment on one finding, as the Finding schema holds it. */
export type FindingReview = Review;

export function reviewOfFinding(finding: Finding): FindingReview | undefined {
  return finding.review;
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
      const { review: _old, ...rest } = finding;
      const review = reviews.get(finding.id);
      return review && (review.verdict || review.comment) ? { ...rest, review } : rest;
    }),
  };
}
