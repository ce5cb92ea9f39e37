import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { attachReviews } from '../../lib/audit/reviews';
import { VerdictStore } from '../../lib/store/verdict-store';
import { sampleReport } from './export-fixture';

const freshStore = () => new VerdictStore(`verdicts-reviews-${Math.random()}`);

describe('verdicts kept from earlier audits of the same site', () => {
  const report = sampleReport();

  it('attach by status and subject, not by finding id', async () => {
    const store = freshStore();
    await store.save({ site: 'shop.test', status: 'undisclosed', subject: 'ads.test', verdict: 'not-compliant', comment: 'Not in §4' }, 1);
    // A disclosed Google finding gets no verdict given to a technology-not-disclosed Google finding.
    await store.save({ site: 'shop.test', status: 'technology-not-disclosed', subject: 'google', verdict: 'needs-review' }, 1);
    const renumbered = report.findings.map((f, i) => ({ ...f, id: `new-id-${i}` }));
    const reviewed = attachReviews(renumbered, await store.forSite('shop.test'));
    expect(reviewed.map((f) => [f.status, f.subject, (f as { review?: unknown }).review])).toEqual([
      ['disclosed', 'Google', undefined],
      ['undisclosed', 'ads.test', { verdict: 'not-compliant', comment: 'Not in §4' }],
      ['technology-not-disclosed', 'Google', { verdict: 'needs-review' }],
      ['disclosed-by-category', 'Hotjar', undefined],
      ['first-party', 'shop.test', undefined],
    ]);
  });

  it('leaves findings nobody reviewed without a review, and ignores records with neither verdict nor comment', () => {
    const reviewed = attachReviews(report.findings, [{ status: 'disclosed', subject: 'Google', comment: '' }]);
    expect(reviewed.every((f) => f.review === undefined)).toBe(true);
  });
});
