import { describe, expect, it } from 'vitest';
import { toHtml } from '../../lib/export/html';
import { escapeHtml, html, SafeHtml } from '../../lib/export/html-escape';
import { sortFindingsForReview } from '../../lib/export/html-findings';
import { observation, sampleReport } from './export-fixture';

/** Every tag the document contains, as written (escaped text cannot produce one). */
function tags(doc: string): string[] {
  return doc.match(/<[a-zA-Z!/][^>]*>/g) ?? [];
}

/** Visible text of a fragment, roughly: tags removed, entities left as they are. */
/**
 * Attribute names of a tag. Our markup always double-quotes values and escapes `"` inside them,
 * so dropping the quoted values leaves exactly the names (text like " onload=" inside an escaped
 * value is data, not an attribute).
 */
function attributeNames(tag: string): string[] {
  const names = tag.replace(/"[^"]*"/g, '').match(/\s([^\s=>/]+)/g) ?? [];
  return names.map((n) => n.trim().toLowerCase());
}

const URL_ATTRIBUTES = ['src', 'href', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background'];

function textOf(fragment: string): string {
  return fragment.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
}

function between(doc: string, startMarker: string, endMarker: string): string {
  const start = doc.indexOf(startMarker);
  expect(start, `marker ${startMarker}`).toBeGreaterThan(-1);
  return doc.slice(start, doc.indexOf(endMarker, start));
}

describe('escapeHtml and the html template', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('escapes interpolations but keeps nested markup and flattens lists', () => {
    const name = '<b>';
    const out = html`<p title="${'"x"'}">${name}${html`<i>${'&'}</i>`}${[1, html`<br>`, null, false, undefined]}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.markup).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>&amp;</i>1<br></p>');
  });
});

describe('toHtml', () => {
  const doc = toHtml(sampleReport());

  it('is one self-contained document: inline style, no script, nothing fetched', () => {
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<link\b/i);
    for (const tag of tags(doc)) {
      expect(attributeNames(tag).filter((n) => URL_ATTRIBUTES.includes(n)), tag).toEqual([]);
    }
    expect(doc).not.toMatch(/url\(|@import/i);
    // Quotes in the attribute are entity-escaped; the browser reads them back as 'none'.
    expect(doc).toContain('content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;');
  });

  it('shows run metadata, summary counts and the category chart (the status cards count by status)', () => {
    expect(doc).toContain('Policy vs. Trackers Auditor 0.1.0');
    expect(doc).toContain('2026-01-01 12:00:00 UTC to 2026-01-01 12:01:30 UTC');
    expect(doc).toContain('1 min 30 s');
    expect(doc).toContain('1 did not load completely');
    expect(doc).toContain('Third-party cookies allowed; Chromium 140');
    expect(doc).toContain('Shop privacy policy (2025)');
    expect(doc).toContain('<code>policy/shop.policy.json</code>');
    expect(textOf(between(doc, 'id="summary-heading"', '<div class="charts">'))).toContain('5 findings from 5 observations (4 third-party)');
    const charts = doc.match(/<svg [^>]*role="img"/g) ?? [];
    expect(charts).toHaveLength(2); // findings by category, cookie lifetimes
    expect(doc).not.toContain('chart-status');
    expect(doc).toContain('<desc id="chart-category-desc">Advertising: 2; Analytics: 1; Session replay: 1; Uncategorised: 1</desc>');
  });

  it('lists findings in review order, undisclosed first', () => {
    const findings = between(doc, 'id="findings-heading"', '</table>');
    const order = [...findings.matchAll(/<tr id="finding-([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['f-undisclosed', 'f-tech', 'f-category', 'f-disclosed', 'f-first']);
  });

  it('sorts unknown statuses after the known ones', () => {
    const report = sampleReport();
    const odd = { ...report.findings[0]!, id: 'odd', status: 'from-the-future' } as unknown as (typeof report.findings)[number];
    expect(sortFindingsForReview([odd, ...report.findings]).at(-1)!.id).toBe('odd');
  });

  it('gives every status chip its words and symbol, not colour alone', () => {
    const row = between(doc, '<tr id="finding-f-tech"', '</tr>');
    expect(row).toContain('<span class="chip s-technology-not-disclosed"><span aria-hidden="true">!</span> Technology not disclosed</span>');
  });

  it('quotes the clause or says that none covers the finding', () => {
    expect(between(doc, '<tr id="finding-f-undisclosed"', '</tr>')).toContain('No clause covers this.');
    expect(between(doc, '<tr id="finding-f-category"', '</tr>')).toContain(
      '<blockquote>Our analytics partners may store identifiers on your device.<cite>Clause c2</cite></blockquote>',
    );
  });

  it('shows clause ids when the report carries no quotes', () => {
    const bare = toHtml({ ...sampleReport(), declarations: undefined, unmatchedDeclarations: undefined });
    expect(between(bare, '<tr id="finding-f-disclosed"', '</tr>')).toContain('Clause <code>c1</code>');
    expect(bare).toContain('does not say which declarations went unmatched');
  });

  it('says in the row of a finding resting only on page claims that it is one', () => {
    const report = sampleReport();
    report.findings = report.findings.map((f) => (f.id === 'f-category' ? { ...f, pageClaimOnly: true } : f));
    const claimed = toHtml(report);
    expect(textOf(between(claimed, '<tr id="finding-f-category"', '</tr>'))).toContain('Page claim only: every observation of this party was reported by script inside the page');
    expect(between(claimed, '<tr id="finding-f-tech"', '</tr>')).not.toContain('Page claim only');
  });

  it('puts cookie, storage and page evidence in an expandable block', () => {
    const cookieRow = between(doc, '<tr id="finding-f-tech"', '</tr>');
    expect(cookieRow).toContain('<details class="evidence"><summary>1 observation on 1 page</summary>');
    expect(textOf(cookieRow)).toContain('IDE on .doubleclick.net/ , 1 y 31 d, Secure, HttpOnly, SameSite=no_restriction, set via http');
    const storageRow = between(doc, '<tr id="finding-f-category"', '</tr>');
    expect(textOf(storageRow)).toContain('localStorage _hjSession (120 bytes) for https://www.shop.test');
    expect(storageRow).toContain('reported by page script');
    const beaconRow = between(doc, '<tr id="finding-f-undisclosed"', '</tr>');
    expect(beaconRow).toContain('https://px.ads.test/collect?e=view');
    expect(textOf(beaconRow)).toContain('Pages where seen https://www.shop.test/cart');
  });

  it('lists each URL once and says how many cited observations are missing', () => {
    const report = sampleReport();
    report.observations.push(observation({ id: 'o1-again', pageUrl: 'https://www.shop.test/cart' }));
    report.findings[0] = { ...report.findings[0]!, observationIds: ['o1', 'o1-again', 'gone'] };
    const row = between(toHtml(report), '<tr id="finding-f-disclosed"', '</tr>');
    expect(row).toContain('<summary>2 observations on 2 pages</summary>');
    expect(row.split('https://www.google-analytics.com/analytics.js')).toHaveLength(2);
    expect(row).toContain('1 cited observation not included in this report.');
  });

  it('quotes full policy declarations (quote under clause) with their section', () => {
    const report = sampleReport();
    report.declarations = [
      { id: 'c2', clause: { section: 'Cookies & analytics', quote: 'Partners may store identifiers.' }, technologies: ['cookie'] },
      { id: 'c3', clause: { section: 'Sharing', quote: 'We share data with Facebook.' } },
    ];
    report.unmatchedDeclarations = [{ id: 'c3' }];
    const out = toHtml(report);
    expect(between(out, '<tr id="finding-f-category"', '</tr>')).toContain(
      '<blockquote>Partners may store identifiers.<cite>Clause c2, section “Cookies &amp; analytics”</cite></blockquote>',
    );
    expect(between(out, 'id="unmatched-heading"', '</section>')).toContain('We share data with Facebook.<cite>Clause c3, section “Sharing”');
  });

  it('lists declarations that nothing matched', () => {
    expect(between(doc, 'id="unmatched-heading"', '</section>')).toContain('We share data with Facebook for advertising.<cite>Clause c3</cite>');
  });

  it('caps the observations appendix and says how many were left out', () => {
    const report = sampleReport();
    report.observations = Array.from({ length: 12 }, (_, i) => observation({ id: `o${i}`, url: `https://t.test/${i}` }));
    const capped = toHtml(report, { observationRowLimit: 10 });
    const appendix = between(capped, 'id="observations-heading"', '</section>');
    expect(appendix).toContain('Showing the first 10 of 12 observations; 2 left out.');
    expect(appendix).toContain('https://t.test/9<');
    expect(appendix).not.toContain('https://t.test/10<');
  });

  it('renders a report with no pages, findings or policy', () => {
    const empty = toHtml({ ...sampleReport(), pages: [], observations: [], findings: [], policy: undefined, settings: undefined });
    expect(empty).toContain('Privacy policy audit: no pages');
    expect(empty).toContain('No findings');
    expect(empty).toContain('None: findings were not compared with a policy');
    expect(empty).toContain('No observations were recorded.');
  });

  it('uses table headers with scope for every column and row header', () => {
    const headers = tags(doc).filter((t) => /^<th\b/.test(t));
    expect(headers.length).toBeGreaterThan(5);
    expect(headers.filter((tag) => !/scope="(col|row)"/.test(tag))).toEqual([]);
  });

  it('supports dark mode and print', () => {
    expect(doc).toContain('@media (prefers-color-scheme: dark)');
    expect(doc).toContain('@media print');
  });
});

describe('toHtml with hostile page data', () => {
  const script = '<script>alert(1)</script>';
  const breakout = '"><img src=x onerror=alert(1)>';
  const report = sampleReport();
  report.observations.push(
    observation({ id: 'h1', kind: 'cookie', name: script, host: 'evil.test', cookie: { domain: `evil.test${breakout}`, path: '/', lifetimeSeconds: 60 } }),
    observation({ id: 'h2', url: 'javascript:alert(1)', pageUrl: breakout, host: 'evil.test', storage: undefined }),
    observation({ id: 'h3', kind: 'storage', host: 'evil.test', storage: { area: 'localStorage', origin: breakout, key: `'onmouseover='alert(1)` } }),
  );
  report.findings.push({
    id: `h"><svg onload=alert(1)>`,
    subject: script,
    organization: breakout,
    domains: ['evil.test'],
    category: `</title><script>alert(1)</script>`,
    kinds: ['cookie', 'request', 'storage'],
    status: 'undisclosed',
    clauseIds: ['c9'],
    observationIds: ['h1', 'h2', 'h3'],
  });
  report.declarations = [...(report.declarations ?? []), { id: 'c9', quote: `<style>body{display:none}</style>${script}` }];
  report.pages.push({ url: 'javascript:alert(1)', finalUrl: breakout, error: script });
  const doc = toHtml(report);

  it('contains no script element and no event handler attribute', () => {
    expect(doc).not.toMatch(/<script/i);
    for (const tag of tags(doc)) {
      const names = attributeNames(tag);
      expect(names.filter((n) => n.startsWith('on')), tag).toEqual([]);
      // With no URL-bearing attribute at all, a javascript: URL has nowhere to run from.
      expect(names.filter((n) => URL_ATTRIBUTES.includes(n)), tag).toEqual([]);
    }
    expect(tags(doc).filter((t) => /^<(img|svg onload|iframe|object|embed)/i.test(t))).toEqual([]);
    expect(doc.match(/<style>/g)).toHaveLength(1);
  });

  it('shows the hostile strings as escaped text', () => {
    expect(doc).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code> on <code>evil.test&quot;&gt;&lt;img src=x onerror=alert(1)&gt;/</code>');
    expect(doc).toContain('<span class="url">javascript:alert(1)</span>');
    expect(doc).toContain('&#39;onmouseover=&#39;alert(1)');
    expect(doc).toContain('<tr id="finding-h&quot;&gt;&lt;svg onload=alert(1)&gt;">');
    expect(doc).toContain('&lt;style&gt;body{display:none}&lt;/style&gt;');
  });

  it('escapes hostile category names inside the SVG chart too', () => {
    const chart = between(doc, 'id="chart-category-caption"', '</svg>');
    expect(chart).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;: 1</title>');
  });
});

describe('run settings line', () => {
  it('names every condition of the run', async () => {
    const { settingsText } = await import('../../lib/export/html');
    expect(
      settingsText({
        thirdPartyCookies: 'allowed',
        gpc: true,
        consent: [{ state: 'accept', outcome: 'handled', cmp: 'Cookie<Yes>' }, { state: 'none', outcome: 'not-requested' }],
        trackerDb: false,
        shard: { index: 2, count: 4 },
      }),
    ).toBe(
      "Third-party cookies allowed; Global Privacy Control sent; consent \"accept\": banner answered (Cookie<Yes>); consent \"none\": banner left alone; attribution: the policy's parties, the built-in map; shard 2 of 4",
    );
  });
});
