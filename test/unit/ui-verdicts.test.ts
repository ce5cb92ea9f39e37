import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../lib/model/report';
import { VerdictStore } from '../../lib/store/verdict-store';
import { exportFile } from '../../lib/ui/export-files';
import { attachReviews } from '../../lib/audit/reviews';
import { reviewsById, withReviews } from '../../lib/ui/verdicts';
import { sampleReport } from './export-fixture';

let dbCounter = 0;
const freshStore = () => new VerdictStore(`verdicts-test-${++dbCounter}`);

describe('VerdictStore', () => {
  it('keeps verdicts per site, matching the subject whatever its case', async () => {
    const store = freshStore();
    await store.save({ site: 'shop.test', status: 'undisclosed', subject: 'ads.test', verdict: 'not-compliant', comment: ' ask legal ' }, 5);
    await store.save({ site: 'shop.test', status: 'undisclosed', subject: 'ADS.test', verdict: 'needs-review' }, 6);
    await store.save({ site: 'other.test', status: 'undisclosed', subject: 'ads.test', verdict: 'compliant' }, 7);
    const records = await store.forSite('shop.test');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ subject: 'ADS.test', verdict: 'needs-review', comment: '', updatedAt: 6 });
    expect(await store.forSite('other.test')).toHaveLength(1);
  });

  it('forgets a finding whose verdict and comment were both cleared', async () => {
    const store = freshStore();
    await store.save({ site: 's.test', status: 'disclosed', subject: 'Google', comment: 'fine' }, 1);
    expect(await store.save({ site: 's.test', status: 'disclosed', subject: 'Google', comment: '  ' }, 2)).toBeUndefined();
    expect(await store.forSite('s.test')).toEqual([]);
  });

  it('survives a reopened database (a restarted worker)', async () => {
    const name = `verdicts-test-${++dbCounter}`;
    const first = new VerdictStore(name);
    await first.save({ site: 's.test', status: 'undisclosed', subject: 'Hotjar', verdict: 'not-compliant' }, 1);
    await first.close();
    expect(await new VerdictStore(name).forSite('s.test')).toHaveLength(1);
  });
});

describe('verdicts on a new audit of the same site', () => {
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

  it('applies the reviews a page shows, and removes cleared ones', () => {
    const reviewed = { ...report, findings: attachReviews(report.findings, [
      { status: 'disclosed', subject: 'Google', verdict: 'compliant', comment: '' },
    ]) };
    expect([...reviewsById(reviewed.findings)]).toEqual([['f-disclosed', { verdict: 'compliant' }]]);
    const edited = withReviews(reviewed, new Map([['f-first', { comment: 'own CDN' }]]));
    expect(edited.findings.map((f) => (f as { review?: unknown }).review)).toEqual([undefined, undefined, undefined, undefined, { comment: 'own CDN' }]);
  });
});

describe('exports carry the verdicts', () => {
  const report = withReviews(sampleReport(), new Map([['f-undisclosed', { verdict: 'not-compliant' as const, comment: '=HYPERLINK("x")' }]]));

  it('JSON: a valid report with finding.review', () => {
    const json = JSON.parse(exportFile(report, 'json').text);
    expect(parseReport(json).findings).toHaveLength(5);
    expect(json.findings[1]).toMatchObject({ id: 'f-undisclosed', review: { verdict: 'not-compliant', comment: '=HYPERLINK("x")' } });
    expect(json.findings[0].review).toBeUndefined();
  });

  it('CSV: a verdict column, formula neutralised', () => {
    const file = exportFile(report, 'findings-csv', 'shop.test');
    expect(file).toMatchObject({ name: 'shop.test-findings.csv', mime: 'text/csv;charset=utf-8' });
    const rows = Papa.parse<Record<string, string>>(file.text, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.id === 'f-undisclosed')!;
    expect(Object.values(row)).toContain('not-compliant');
    expect(Object.values(row)).toContain(`'=HYPERLINK("x")`);
  });

  it('HTML: the verdict is shown, and there is no script', () => {
    const file = exportFile(report, 'html');
    expect(file.name).toBe('report.html');
    expect(file.text).not.toMatch(/<script/i);
    expect(file.text).toMatch(/not-compliant|Not compliant/);
  });

  it('names files per site without letting a site name make a path', () => {
    expect(exportFile(report, 'json', '../evil/site').name).toBe('.._evil_site-report.json');
    expect(exportFile(report, 'observations-csv').name).toBe('observations.csv');
  });
});
