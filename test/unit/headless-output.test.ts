import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, failingFindings, outcomeOf, reportedFailures } from '../../lib/headless/gate';
import { deliverReport } from '../../lib/headless/outputs';
import { Progress } from '../../lib/headless/progress';
import { consentComparison, failingLines } from '../../lib/headless/run-summary';
import { observation, sampleReport } from './export-fixture';

describe('--fail-on', () => {
  const findings = sampleReport().findings;

  it.each([
    ['undisclosed', ['f-undisclosed', 'f-tech']],
    ['by-category', ['f-undisclosed', 'f-tech', 'f-category']],
    ['none', []],
  ] as const)('%s fails %j', (failOn, ids) => {
    expect(failingFindings(findings, failOn).map((f) => f.id)).toEqual(ids);
  });

  it.each([
    [{ failed: false, interrupted: false, failingFindings: 0 }, 0],
    [{ failed: false, interrupted: false, failingFindings: 3 }, 1],
    [{ failed: true, interrupted: false, failingFindings: 3 }, 2],
    [{ failed: false, interrupted: true, failingFindings: 3 }, 130],
    [{ failed: true, interrupted: true, failingFindings: 0 }, 2],
  ])('exits %j → %i', (run, code) => {
    expect(EXIT_CODES[outcomeOf(run)]).toBe(code);
  });

  it('lists the findings that fail the run', () => {
    expect(failingLines(failingFindings(findings, 'undisclosed'), 'undisclosed')).toEqual([
      '2 findings fail --fail-on undisclosed:',
      '  ✕ ads.test (ads.test): undisclosed, not covered: beacon',
      '  ! Google (doubleclick.net): technology not disclosed, not covered: cookie',
    ]);
    expect(failingLines([], 'undisclosed')).toEqual([]);
  });

  it('says when a failing finding rests only on what the page’s own scripts reported', () => {
    const [line] = failingLines([{ ...findings[0]!, pageClaimOnly: true }], 'undisclosed').slice(1);
    expect(line).toMatch(/page claim only: reported by the page’s own scripts, unconfirmed by the browser\)$/);
  });

  it.each([
    ['none', ['undisclosed', 'technology-not-disclosed']],
    ['undisclosed', ['undisclosed', 'technology-not-disclosed']],
    ['by-category', ['undisclosed', 'technology-not-disclosed', 'disclosed-by-category']],
  ] as const)('with --fail-on %s, JUnit and report.md list %j as failures', (failOn, statuses) => {
    expect(reportedFailures(failOn)).toEqual(statuses);
  });
});

describe('deliverReport', () => {
  it('writes report.md and report.junit.xml for --format markdown,junit, listing failures whatever --fail-on says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deliver-'));
    const lines: string[] = [];
    const io = { log: (line: string) => lines.push(line), out: () => undefined };
    const { files, failing } = await deliverReport(sampleReport(), { outDir: dir, formats: ['markdown', 'junit'], failOn: 'none' }, io);
    expect(files).toEqual([join(dir, 'report.md'), join(dir, 'report.junit.xml')]);
    expect(failing).toBe(0);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('### Findings to fix (2)');
    expect(await readFile(join(dir, 'report.junit.xml'), 'utf8')).toMatch(/<testsuites [^>]*failures="2"/);
    expect(lines).toEqual([`Report: ${files.join(', ')}`]);
  });
});

describe('consentComparison', () => {
  it('puts each third party against each consent state', () => {
    const report = sampleReport();
    report.settings = {
      thirdPartyCookies: 'allowed',
      consent: [
        { state: 'none', outcome: 'not-requested' },
        { state: 'accept', outcome: 'handled', cmp: 'cookieyes' },
      ],
    };
    report.observations = report.observations.map((o) => ({ ...o, consent: o.id === 'o4' ? 'accept' : 'none' }));
    report.observations.push(observation({ id: 'o6', consent: 'accept' }));
    report.findings[0]!.observationIds.push('o6');
    expect(consentComparison(report)).toBe(
      [
        '  Third party (observations)  none  accept',
        '  ----------------------------------------',
        '  ads.test                       –       1',
        '  Google                         2       1',
        '  Hotjar                         1       –',
        '',
      ].join('\n'),
    );
  });

  it('says nothing for a single state', () => {
    expect(consentComparison(sampleReport())).toBeUndefined();
  });
});

describe('Progress', () => {
  function terminal(isTTY: boolean) {
    const written: string[] = [];
    return { written, sink: { isTTY, columns: 40, write: (text: string) => written.push(text) } };
  }

  it('writes one plain line per finished page when not on a terminal', () => {
    const lines: string[] = [];
    const { written, sink } = terminal(false);
    const progress = new Progress((l) => lines.push(l), sink);
    progress.pageStarted({ n: 1, total: 2, url: 'https://a.test/' });
    progress.pageFinished({ n: 1, total: 2, url: 'https://a.test/', thirdParties: 1 });
    progress.pageFinished({ n: 2, total: 2, url: 'https://a.test/b', state: 'accept', thirdParties: 4, error: 'HTTP 500' });
    progress.clear();
    expect(written).toEqual([]);
    expect(lines).toEqual([
      '[1/2] https://a.test/ — 1 third party so far',
      '[accept 2/2] https://a.test/b — 4 third parties so far',
      '  page error: HTTP 500',
    ]);
  });

  it('rewrites one live line on a terminal, fitted to its width, cleared before lasting lines', () => {
    const lines: string[] = [];
    const { written, sink } = terminal(true);
    const progress = new Progress((l) => lines.push(l), sink);
    progress.pageStarted({ n: 1, total: 3, url: 'https://a.test/' });
    progress.pageFinished({ n: 1, total: 3, url: 'https://a.test/a-rather-long-path/that/does/not/fit', thirdParties: 2 });
    progress.note('Interrupted');
    progress.clear();
    expect(written).toEqual([
      '\r\x1b[2K[1/3] https://a.test/ …',
      '\r\x1b[2K[1/3] https://a.test/a-rather-long-pat…',
      '\r\x1b[2K',
    ]);
    expect(lines).toEqual(['Interrupted']);
  });

  it('never lets a page address move the cursor', () => {
    const lines: string[] = [];
    new Progress((l) => lines.push(l)).pageFinished({ n: 1, total: 1, url: 'https://a.test/\x1b[2J\r' });
    expect(lines).toEqual(['[1/1] https://a.test/?[2J?']);
  });
});
