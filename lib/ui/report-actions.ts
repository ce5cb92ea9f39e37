import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import type { ExportChoice } from './export-files';
import { withReviews, type FindingReview } from './verdicts';
import { ask } from './client';
import { downloadFile } from './download';

/** What the popup and the report page do with a site report, shared so both behave the same. */

/** Persists a verdict (background → IndexedDB) and returns the review the page should now show. */
export async function saveVerdict(site: string, finding: Finding, review: FindingReview): Promise<FindingReview | undefined> {
  const saved = await ask({
    type: 'set-verdict',
    site,
    status: finding.status,
    subject: finding.subject,
    ...(review.verdict ? { verdict: review.verdict } : {}),
    ...(review.comment ? { comment: review.comment } : {}),
  });
  if (!saved) return undefined;
  return { ...(saved.verdict ? { verdict: saved.verdict } : {}), ...(saved.comment ? { comment: saved.comment } : {}) };
}

/** Builds the file with the verdicts as currently shown and hands it to the browser's downloads. */
export async function exportReport(report: Report, reviews: ReadonlyMap<string, FindingReview>, choice: ExportChoice, site: string): Promise<void> {
  // Loaded on the first export: the writers are much of the popup's script, and most opens export nothing.
  const { exportFile } = await import('./export-files');
  downloadFile(exportFile(withReviews(report, reviews), choice, site));
}
