import { describe, expect, it } from 'vitest';
import { formatLifetime, formatSeconds, formatTime } from '../../lib/export/format';
import { formatSummary, summarize, UNCATEGORISED } from '../../lib/export/summary';
import { sampleReport } from './export-fixture';

describe('summarize', () => {
  it('counts findings by status, category and kind, and observations by kind and party', () => {
    const summary = summarize(sampleReport());
    expect(summary.pages).toBe(2);
    expect(summary.findings.total).toBe(5);
    expect(summary.findings.byStatus).toEqual({
      undisclosed: 1,
      'technology-not-disclosed': 1,
      'disclosed-by-category': 1,
      disclosed: 1,
      'first-party': 1,
      unreviewed: 0,
    });
    // Largest first, ties by name; a finding without category is counted, not dropped.
    expect(summary.findings.byCategory).toEqual([
      { category: 'Advertising', count: 2 },
      { category: 'Analytics', count: 1 },
      { category: 'Session replay', count: 1 },
      { category: UNCATEGORISED, count: 1 },
    ]);
    expect(summary.findings.byKind).toEqual({ request: 2, cookie: 1, storage: 1, beacon: 1, flash: 0 });
    expect(summary.observations).toEqual({
      total: 5,
      thirdParty: 4,
      byKind: { request: 2, cookie: 1, storage: 1, beacon: 1, flash: 0 },
    });
  });

  it('counts a finding once per kind even if the kind is listed twice', () => {
    const report = sampleReport();
    report.findings = [{ ...report.findings[0]!, kinds: ['cookie', 'cookie', 'request'] }];
    expect(summarize(report).findings.byKind).toMatchObject({ cookie: 1, request: 1 });
  });
});

describe('formatSummary', () => {
  it('prints aligned status, category and kind tables', () => {
    const text = formatSummary(sampleReport());
    expect(text).toContain('2 pages, 5 observations (4 third-party), 5 findings');
    expect(text).toContain('Policy: Shop privacy policy (2025)');
    const blocks = text.split('\n\n').slice(1).map((block) => block.trimEnd().split('\n'));
    expect(blocks.map((lines) => lines[0]!.trim().split(/ +/)[0])).toEqual(['Status', 'Category', 'Kind']);
    // Each table is a rectangle: counts right-aligned under their heading.
    for (const lines of blocks) expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(blocks[0]).toContainEqual(expect.stringMatching(/^ {2}Undisclosed +1$/));
    expect(blocks[0]).toContainEqual(expect.stringMatching(/^ {2}Unreviewed +0$/));
    expect(blocks[1]![2]).toMatch(/^ {2}Advertising +2$/);
    expect(blocks[2]).toContainEqual(expect.stringMatching(/^ {2}flash +0$/));
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says when no policy was applied', () => {
    expect(formatSummary({ ...sampleReport(), policy: undefined })).toContain('Policy: none (findings are unreviewed)');
  });

  it('strips terminal control characters from site-controlled names', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0]!, category: '\u001b[2J\u001b[31mRed' };
    const text = formatSummary(report);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('?[2J?[31mRed');
  });
});

describe('format helpers', () => {
  it.each([
    [null, 'session'],
    [0, 'expired (deletion)'],
    [-5, 'expired (deletion)'],
    [45, '45 s'],
    [3_600 * 2 + 60 * 5 + 7, '2 h 5 min'],
    [34_214_400, '1 y 31 d'],
  ])('formatLifetime(%j) is %j', (seconds, text) => {
    expect(formatLifetime(seconds)).toBe(text);
  });

  it('drops units below the second largest', () => {
    expect(formatSeconds(365 * 86_400 + 5)).toBe('1 y');
  });

  it('formats times in UTC and leaves unreadable values as they are', () => {
    expect(formatTime('2026-01-01T12:00:00.000Z')).toBe('2026-01-01 12:00:00 UTC');
    expect(formatTime(Date.UTC(2026, 5, 1))).toBe('2026-06-01 00:00:00 UTC');
    expect(formatTime('yesterday')).toBe('yesterday');
  });
});
