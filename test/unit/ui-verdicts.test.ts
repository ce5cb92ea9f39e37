import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../lib/model/report';
import { exportFile } from '../../lib/ui/export-files';
import { attachReviews } from '../../lib/audit/reviews';
import { reviewsById, withReviews } from '../../lib/ui/verdicts';
import { sampleReport } from './export-fixture';


describe('reviews on the page', () => {
  const report = sampleReport();

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
