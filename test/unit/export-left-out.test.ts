import { describe, expect, it } from 'vitest';
import { leftOutOf, leftOutText, pageLeftOutText, popupLeftOutText } from '../../lib/export/left-out';
import { formatSummary } from '../../lib/export/summary';
import { toHtml } from '../../lib/export/html';
import { toMarkdown } from '../../lib/export/markdown';
import { sampleReport } from './export-fixture';

const pages = [
  { url: 'https://www.site.test/', capped: 94_000 },
  { url: 'https://www.site.test/quiet' },
  { url: 'https://www.site.test/b', capped: 1 },
];

describe('what was left out, in words', () => {
  it('adds up the pages that say so', () => {
    expect(leftOutOf(pages)).toEqual({ reports: 94_001, pages: 2 });
    expect(leftOutOf([{ url: 'https://a.test/' }])).toEqual({ reports: 0, pages: 0 });
  });

  it('says it once for a report, per page in tables, and not at all when nothing was left out', () => {
    expect(leftOutText(pages)).toBe('94,001 reports from 2 pages were left out: the pages flooded the record');
    expect(leftOutText([{ url: 'https://a.test/', capped: 1 }])).toBe('1 report from 1 page was left out: the page flooded the record');
    expect(leftOutText([{ url: 'https://a.test/' }])).toBeUndefined();
    expect(pageLeftOutText(94_000)).toBe('94,000 reports left out: the page flooded the record');
    expect(pageLeftOutText(undefined)).toBeUndefined();
  });

  it('tells the popup about the page the tab shows, else about the site’s pages', () => {
    expect(popupLeftOutText(pages, 'https://www.site.test/')).toBe('94,000 reports from this page were left out: the page flooded the record.');
    expect(popupLeftOutText(pages, 'https://www.site.test/quiet')).toBe('94,001 reports from this site’s pages were left out: a page flooded the record.');
    expect(popupLeftOutText(pages)).toMatch(/^94,001 reports from this site’s pages/);
    expect(popupLeftOutText([{ url: 'https://a.test/' }], 'https://a.test/')).toBeUndefined();
  });
});

describe('every export says it', () => {
  const report = sampleReport();
  report.pages[0] = { ...report.pages[0]!, capped: 94_000 };

  it('the CLI summary', () => {
    expect(formatSummary(report)).toContain('94,000 reports from 1 page were left out: the page flooded the record (pages[].capped)');
    expect(formatSummary(sampleReport())).not.toContain('left out');
  });

  it('report.html, in the run’s metadata and the page’s row', () => {
    const doc = toHtml(report);
    expect(doc).toContain('94,000 reports from 1 page were left out: the page flooded the record.');
    expect(doc).toContain('<span class="warning">94,000 reports left out: the page flooded the record</span>');
  });

  it('report.md, in the page’s row', () => {
    expect(toMarkdown(report)).toContain('94,000 reports left out: the page flooded the record');
  });
});
