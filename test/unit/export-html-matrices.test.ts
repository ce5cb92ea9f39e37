import { describe, expect, it } from 'vitest';
import { toHtml } from '../../lib/export/html';
import { consentSection, pageMatrixSection } from '../../lib/export/html-matrices';
import type { Report } from '../../lib/model/report';
import { observation, sampleReport } from './export-fixture';

const HOSTILE = '"><script>alert(1)</script>';

/** The sample report audited in three consent states: ads.test fires only after accept. */
function consentReport(): Report {
  const report = sampleReport();
  report.settings = {
    consent: [
      { state: 'none', outcome: 'not-requested' },
      { state: 'reject', outcome: 'handled', cmp: `Cookie${HOSTILE}` },
      { state: 'accept', outcome: 'handled' },
    ],
  };
  report.observations = report.observations.map((o) => ({ ...o, consent: o.id === 'o4' ? 'accept' : 'none' }));
  return report;
}

function textOf(fragment: string): string {
  return fragment.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('consent comparison in report.html', () => {
  it.each([
    ['one state', sampleReport()],
    ['no settings', { ...sampleReport(), settings: undefined }],
  ])('is left out for %s', (_, report) => {
    expect(consentSection(report)).toBe('');
    expect(toHtml(report)).not.toContain('id="consent-heading"');
  });

  const section = String(consentSection(consentReport()));

  it('heads a column per state with what became of the banner, escaping the manager name', () => {
    expect(textOf(section.slice(section.indexOf('<thead>'), section.indexOf('</thead>')))).toBe(
      `Third party No answer banner left alone Rejected banner answered (Cookie&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;) Accepted banner answered`,
    );
    expect(section).not.toContain('<script');
  });

  it.each([
    ['ads.test', ['not seen', 'not seen', '✕ Undisclosed 1 observation']],
    ['Google', ['! Technology not disclosed 2 observations', 'not seen', 'not seen']],
    ['Hotjar', ['≈ Disclosed by category 1 observation', 'not seen', 'not seen']],
  ])('gives %s its status per state in words and colour', (party, cells) => {
    const row = section.split('<tr>').find((r) => r.startsWith(`<th scope="row">${party}<br>`))!;
    expect(row, party).toBeDefined();
    expect([...row.matchAll(/<td class="cell[^"]*"[^>]*>(.*?)<\/td>/g)].map((m) => textOf(m[1]!))).toEqual(cells);
  });

  it('colours a seen cell by its status and says so in its title', () => {
    expect(section).toContain('<td class="cell s-undisclosed" title="ads.test, consent “Accepted”: Undisclosed">');
    expect(section).not.toContain('shop.test<br>');
  });

  it('stands between the findings and the declarations never observed', () => {
    const doc = toHtml(consentReport());
    const at = (marker: string) => doc.indexOf(marker);
    expect(at('id="findings-heading"')).toBeLessThan(at('id="consent-heading"'));
    expect(at('id="consent-heading"')).toBeLessThan(at('id="page-matrix-heading"'));
    expect(at('id="page-matrix-heading"')).toBeLessThan(at('id="lifetimes-heading"'));
    expect(at('id="lifetimes-heading"')).toBeLessThan(at('id="unmatched-heading"'));
  });
});

describe('page × third-party matrix in report.html', () => {
  it('is left out for a single page', () => {
    const report = sampleReport();
    report.pages = report.pages.slice(0, 1);
    report.observations = report.observations.map((o) => ({ ...o, pageUrl: 'https://www.shop.test/' }));
    expect(pageMatrixSection(report)).toBe('');
  });

  const section = String(pageMatrixSection(sampleReport()));

  it('has a column per third party with its status chip, a row per page, counts as text', () => {
    const heads = [...section.matchAll(/<th scope="col">(.*?)<\/th>/g)].map((m) => textOf(m[1]!));
    expect(heads).toEqual(['Page', 'Third parties', 'ads.test ✕ Undisclosed', 'Google ! Technology not disclosed', 'Hotjar ≈ Disclosed by category']);
    expect(section).toContain('<th scope="row" class="url">https://www.shop.test/cart <span class="error">(did not load completely)</span></th><td class="num">1</td>');
    expect(section).toContain('<td class="cell s-undisclosed" title="ads.test on https://www.shop.test/cart: 1 observation"><span aria-hidden="true">✕</span> 1</td>');
    expect(section).toContain('<td class="cell not-seen"><span class="sr-only">not seen</span><span aria-hidden="true">–</span></td>');
    expect(textOf(section.slice(section.indexOf('<tfoot>')))).toContain('Seen on 1 page 1 page 1 page');
  });

  it('caps a large crawl and says how much more there is', () => {
    const report = sampleReport();
    for (let i = 0; i < 45; i++) report.pages.push({ url: `https://www.shop.test/p${i}`, finalUrl: `https://www.shop.test/p${i}` });
    for (let i = 0; i < 14; i++) {
      report.observations.push(observation({ id: `x${i}`, host: `t${i}.test`, url: `https://t${i}.test/a.js` }));
      report.findings.push({ id: `x${i}`, subject: `t${i}.test`, domains: [`t${i}.test`], kinds: ['request'], status: 'undisclosed', clauseIds: [], observationIds: [`x${i}`] });
    }
    const capped = String(pageMatrixSection(report));
    expect(capped.match(/<th scope="row" class="url">/g)).toHaveLength(40);
    expect(capped.match(/<th scope="col">/g)).toHaveLength(2 + 12);
    expect(capped).toContain('<p class="note">And 7 more pages (see Pages visited) and 5 more third parties (see Findings).</p>');
  });

  it('escapes hostile page URLs and party names', () => {
    const report = sampleReport();
    report.observations.push(observation({ id: 'h1', pageUrl: `https://www.shop.test/${HOSTILE}`, host: 'evil.test' }));
    report.findings.push({ id: 'h', subject: HOSTILE, domains: ['evil.test'], kinds: ['request'], status: 'undisclosed', clauseIds: [], observationIds: ['h1'] });
    const hostile = String(pageMatrixSection(report));
    expect(hostile).not.toContain('<script');
    expect(hostile).toContain('<th scope="row" class="url">https://www.shop.test/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(hostile).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; on https://www.shop.test/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;: 1 observation"');
  });
});
