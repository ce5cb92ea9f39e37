import { describe, expect, it } from 'vitest';
import { toHtml } from '../../lib/export/html';
import { pagesTable } from '../../lib/export/html-pages';
import { toMarkdown } from '../../lib/export/markdown';
import { isEvidencePath, parseReport, type Report } from '../../lib/model/report';
import { sampleReport } from './export-fixture';

/** A report of two consent states, each page with its screenshot and HAR beside the report. */
function reportWithEvidence(): Report {
  const report = sampleReport();
  report.pages = [
    { url: 'https://www.shop.test/', finalUrl: 'https://www.shop.test/', consent: 'none', screenshot: 'pages/1-none.png', har: 'pages/1-none.har' },
    { url: 'https://www.shop.test/', finalUrl: 'https://www.shop.test/', consent: 'accept', screenshot: 'pages/1-accept.png', har: 'pages/1-accept.har' },
    { url: 'https://shop.test/<b>"x"</b>', finalUrl: 'https://shop.test/<b>"x"</b>', consent: 'accept', error: 'HTTP 404' },
  ];
  return report;
}

describe('evidence paths in report.json', () => {
  it('accept plain relative names only: no absolute path, no .., no scheme, no markup', () => {
    for (const good of ['pages/1-none.png', 'pages/s2-10-accept.har', 'a_b/c.d-e']) expect(isEvidencePath(good), good).toBe(true);
    const bad = ['/etc/passwd', '../x.png', 'pages/../../x', './x', 'javascript:alert(1)', 'pages/a b.png', 'pages\\x.png', 'x"><script>', 'https://e.test/x.png', '', 'pages//x', '.hidden'];
    for (const path of bad) expect(isEvidencePath(path), path).toBe(false);
  });

  it('are validated when a report is read (merge, import)', () => {
    const report = reportWithEvidence();
    expect(parseReport(JSON.parse(JSON.stringify(report))).pages[0]!.screenshot).toBe('pages/1-none.png');
    report.pages[0]!.har = '../../secret.har';
    expect(() => parseReport(JSON.parse(JSON.stringify(report)), 'shard/report.json')).toThrow(/^shard\/report\.json: pages\[0\]\.har: /);
  });
});

describe('report.html links each page to its screenshot and HAR', () => {
  const doc = toHtml(reportWithEvidence());
  const pages = doc.slice(doc.indexOf('id="pages-heading"'), doc.indexOf('</table>', doc.indexOf('id="pages-heading"')));

  it('in the pages table, with the consent state of each row', () => {
    expect(pages).toContain('<th scope="col">Consent</th>');
    expect(pages).toContain('<th scope="col">Evidence</th>');
    expect(pages).toContain('<a href="pages/1-none.png" title="PNG of the page once it went quiet">screenshot</a>');
    expect(pages).toContain(`<a href="pages/1-accept.har" title="HAR 1.2 file of the page's traffic (no response bodies)">HAR</a>`);
    expect(pages.match(/<a href=/g)).toHaveLength(4);
  });

  it('escapes what the page controls and links nothing else', () => {
    expect(pages).toContain('https://shop.test/&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(pages).not.toContain('<b>');
    const hrefs = [...doc.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.every((href) => isEvidencePath(href)), hrefs.join(' ')).toBe(true);
  });

  it('drops a link that is not a plain relative path, even from a report that was never validated', () => {
    const report = reportWithEvidence();
    report.pages[0]!.screenshot = 'javascript:alert(1)';
    report.pages[0]!.har = '" onmouseover="x';
    const table = pagesTable(report).markup;
    expect(table).not.toContain('javascript:');
    expect(table).not.toContain('onmouseover');
    expect(table.match(/<a href=/g)).toHaveLength(2);
  });

  it('adds no column and no link to a report without evidence', () => {
    const plain = pagesTable(sampleReport()).markup;
    expect(plain).not.toContain('Evidence');
    expect(plain).not.toContain('<a ');
  });
});

describe('report.md lists the evidence beside each page', () => {
  it('as markdown links in an Evidence column; page text stays escaped', () => {
    const md = toMarkdown(reportWithEvidence());
    expect(md).toContain('| Page | Consent | Result | Evidence |');
    expect(md).toContain('| https://www.shop.test/ | none | loaded | [screenshot](pages/1-none.png) · [HAR](pages/1-none.har) |');
    expect(md).toContain('| https://shop.test/&lt;b&gt;"x"&lt;/b&gt; | accept | ✕ HTTP 404 | – |');
  });

  it('leaves the column out when no page has evidence, and never links a path that is not plain', () => {
    expect(toMarkdown(sampleReport())).not.toContain('Evidence');
    const report = reportWithEvidence();
    report.pages = [{ ...report.pages[0]!, screenshot: 'x)[a](javascript:alert(1)', har: undefined }];
    const md = toMarkdown(report);
    expect(md).not.toContain('javascript');
    expect(md).not.toContain('Evidence');
  });
});
