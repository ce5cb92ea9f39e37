import type { Finding, Review, ReviewVerdict } from '../model/finding';

/**
 * A reviewer's verdict as kept across audits: by the party (the finding's subject) and the status
 * judged, since finding ids are rebuilt by every audit. If a later audit changes the status (the
 * policy was updated, the party started using a new technology) the old verdict no longer applies.
 */
export interface KeptReview {
  status: string;
  subject: string;
  verdict?: ReviewVerdict;
  comment?: string;
}

/** Case and surrounding space do not make a different party. */
export function subjectKeyOf(subject: string): string {
  return subject.trim().toLowerCase();
}

function reviewKey(status: string, subject: string): string {
  return `${status}\n${subjectKeyOf(subject)}`;
}

/**
 * The findings of a new audit with the verdicts reviewers gave the same party and status before.
 * Findings nobody reviewed are returned unchanged (no empty `review` object).
 */
export function attachReviews(findings: readonly Finding[], kept: readonly KeptReview[]): Finding[] {
  const byKey = new Map(kept.map((r) => [reviewKey(r.status, r.subject), r]));
  return findings.map((finding) => {
    const record = byKey.get(reviewKey(finding.status, finding.subject));
    if (!record || (!record.verdict && !record.comment)) return finding;
    const review: Review = {
      ...(record.verdict ? { verdict: record.verdict } : {}),
      ...(record.comment ? { comment: record.comment } : {}),
    };
    return { ...finding, review };
  });
}
