import { describe, expect, it } from 'vitest';
import { MARKDOWN_FILE_NAME, toMarkdown } from '../../lib/export/markdown';
import { markdownText } from '../../lib/export/markdown-escape';
import { sampleReport } from './export-fixture';

/** Table rows of a markdown text: the lines that start with a pipe, split on unescaped pipes. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(/(?<!\\)\s\|\s/));
}

describe('toMarkdown (report.md)', () => {
  it('puts the verdict first, then the status counts, the findings to fix, the policy and the pages', () => {
    const md = toMarkdown(sampleReport());
    expect(MARKDOWN_FILE_NAME).toBe('report.md');
    expect(md.startsWith('## Privacy audit: www.shop.test\n\n✕ **2 findings not covered by the policy**')).toBe(true);
    expect(md).toContain('✕ 1 of 2 pages did not load');
    const order = ['| Status | Findings |', '### Findings to fix (2)', '### Policy', '### Pages (2)', 'Attribution: '].map((s) => md.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(md).toContain('| ✕ Undisclosed | 1 |');
    expect(md).toContain('| ! Technology not disclosed | 1 |');
    expect(md).not.toContain('| ? Unreviewed |');
    expect(md).toContain('Shop privacy policy (2025) (policy/shop.policy.json)');
    expect(md).toContain('| https://shop.test/cart | ✕ net::ERR\\_TIMED\\_OUT |');
    expect(md).toContain("Attribution: the policy's parties, the built-in map. Policy vs. Trackers Auditor 0.1.0, 2026-01-01 12:00:00 UTC");
    expect(md.endsWith('\n')).toBe(true);
  });

  it('names the technologies each failing party was not disclosed for, and the clauses it has', () => {
    const report = sampleReport();
    report.findings[2]!.coverage = [
      { technology: 'cookie', status: 'technology-not-disclosed', clauseIds: [] },
      { technology: 'script', status: 'disclosed', clauseIds: ['c1'] },
    ];
    report.findings[3]!.coverage = [{ technology: 'local-storage', status: 'disclosed-by-category', clauseIds: ['c2'] }];
    const rows = tableRows(toMarkdown(report)).filter((row) => row.length === 5);
    expect(rows).toEqual([
      ['Party', 'Domains', 'Status', 'Not covered', 'Clauses'],
      ['---', '---', '---', '---', '---'],
      ['ads.test', 'ads.test', '✕ Undisclosed', 'beacon', '–'],
      ['Google', 'doubleclick.net', '! Technology not disclosed', 'cookie', 'c1'],
    ]);
    const byCategory = toMarkdown(report, { failing: ['undisclosed', 'technology-not-disclosed', 'disclosed-by-category'] });
    expect(byCategory).toContain('### Findings to fix (3)');
    expect(byCategory).toContain('| Hotjar | hotjar.test | ≈ Disclosed by category | local-storage (by category only) | c2 |');
  });

  it('says when nothing fails', () => {
    const report = sampleReport();
    report.findings = report.findings.filter((f) => f.status === 'disclosed' || f.status === 'first-party');
    report.pages.pop();
    const md = toMarkdown(report);
    expect(md).toContain('✓ **Every third party is covered by the policy** · 1 third party on 1 page');
    expect(md).not.toContain('### Findings to fix');
  });

  it('warns when the policy is a draft read from the site, not reviewed', () => {
    const report = sampleReport();
    report.policy = {
      id: 'shop-draft',
      title: 'Privacy',
      discovered: { urls: ['https://www.shop.test/privacy'], readAt: '2026-01-01T12:01:00.000Z', textSha256: 'a'.repeat(64) },
    };
    const md = toMarkdown(report);
    expect(md).toContain('judged against an unreviewed draft');
    expect(md).toContain('> [!WARNING]\n> Judged against a draft read from https://www.shop.test/privacy, not reviewed: correct the draft');
  });

  it('says no policy was applied, and what was tried to find one', () => {
    const report = sampleReport();
    delete report.policy;
    report.findings = report.findings.map((f) => ({ ...f, status: f.status === 'first-party' ? f.status : ('unreviewed' as const) }));
    report.policyDiscovery = { attempts: [{ url: 'https://www.shop.test/privacy', kind: 'privacy', found: 'well-known-path', outcome: 'not-found', detail: 'HTTP 404' }] };
    const md = toMarkdown(report);
    expect(md).toContain('? **No policy applied**: 4 third parties unreviewed');
    expect(md).toContain('- tried https://www.shop.test/privacy: not found (HTTP 404)');
    expect(md).not.toContain('### Findings to fix');
  });

  it('keeps page-controlled text from breaking the table, opening code, links or HTML, or mentioning people', () => {
    const report = sampleReport();
    report.findings[1]!.subject = 'Evil | co`de` <img src=x onerror=alert(1)> [click](javascript:alert(1))\n## heading @octocat';
    report.pages[1]!.error = 'line one\r\nline | two';
    const md = toMarkdown(report);
    const evil = tableRows(md).find((row) => row[0]!.startsWith('Evil'))!;
    expect(evil).toHaveLength(5);
    expect(evil[0]).toBe(
      'Evil \\| co\\`de\\` &lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1)) \\#\\# heading @\u200Boctocat',
    );
    expect(md).toContain('| https://shop.test/cart | ✕ line one line \\| two |');
    expect(md).not.toMatch(/<img|@octocat|\n## heading/);
  });

  it('ends long lists with a pointer to report.json (GitHub caps a job summary at 1 MiB)', () => {
    const report = sampleReport();
    report.pages = Array.from({ length: 130 }, (_, i) => ({ url: `https://www.shop.test/p${i}`, finalUrl: `https://www.shop.test/p${i}` }));
    const md = toMarkdown(report);
    expect(md).toContain('### Pages (130)');
    expect(md).toContain('… and 80 more pages in report.json.');
    expect(md).not.toContain('https://www.shop.test/p50 ');
  });
});

describe('markdownText', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['`x`', '\\`x\\`'],
    ['<b>&</b>', '&lt;b&gt;&amp;&lt;/b&gt;'],
    ['[a](b)', '\\[a\\](b)'],
    ['![img](x)', '!\\[img\\](x)'],
    ['one\ntwo\r\nthree\u2028four', 'one two three four'],
    ['*bold* _it_ ~s~ \\', '\\*bold\\* \\_it\\_ \\~s\\~ \\\\'],
    ['@team #1', '@\u200Bteam \\#1'],
    ['bell\u0007 esc\u001b[31m', 'bell? esc?\\[31m'],
  ])('escapes %j', (input, expected) => {
    expect(markdownText(input)).toBe(expected);
  });
});
