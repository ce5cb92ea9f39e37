import 'fake-indexeddb/auto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/audit/build-report';
import { SiteReports } from '../../lib/extension/site-reports';
import { runAudit } from '../../lib/headless/cli';
import { choosePolicy, loadAttributionSources } from '../../lib/headless/policy-choice';
import { PROJECT_ROOT } from '../../lib/headless/project';
import type { Finding } from '../../lib/model/finding';
import { seenOnInbenta } from './inbenta-visit-fixture';
import { parseReport } from '../../lib/model/report';
import { parsePolicy } from '../../lib/policy/parse';
import { PolicyStore } from '../../lib/store/policy-store';
import { VerdictStore } from '../../lib/store/verdict-store';

const inbentaJson = JSON.parse(await readFile(new URL('../../policy/inbenta.policy.json', import.meta.url), 'utf8'));
const inbenta = parsePolicy(inbentaJson, 'policy/inbenta.policy.json');
const policy = { policy: inbenta, file: 'policy/inbenta.policy.json' };
const tool = { name: 'policy-tracker-auditor', version: '0.1.0' };
const noTrackerDb = { trackerDb: false } as const;

let n = 0;
const seen = seenOnInbenta;

/** The site itself, Google (named in the policy), parties nobody declared, one known only to trackerdb. */
const visit = [
  seen('request', 'www.inbenta.com', { resourceType: 'main_frame' }),
  seen('request', 'www.google-analytics.com', { resourceType: 'script', pageUrl: 'https://www.inbenta.com/en/products/' }),
  seen('storage', 'www.hotjar.com', { name: '_hjid', storage: { area: 'localStorage', origin: 'https://www.inbenta.com', key: '_hjid' } }),
  seen('cookie', 'www.inbenta.com', { name: '_ga', via: ['js'], url: 'https://www.googletagmanager.com/gtag/js', party: 'first' }),
  seen('request', 'tracker.unknown-fixture.example', { resourceType: 'script' }),
  seen('request', 'cdn.rtbidder.net', { resourceType: 'script' }),
  seen('beacon', 'ad.doubleclick.net', { resourceType: 'ping' }),
];

describe('buildReport', () => {
  const report = buildReport({ tool, startedAt: 500, finishedAt: Date.UTC(2026, 0, 1), observations: visit, policy, sources: noTrackerDb });

  it('judges against the policy: a valid report with the policy, its clauses and what no finding cites', () => {
    expect(parseReport(report)).toEqual(report);
    expect(report.policy).toEqual({ id: 'inbenta', file: 'policy/inbenta.policy.json', title: inbenta.source.title });
    expect(report.declarations?.map((d) => d.id)).toEqual(inbenta.declarations.map((d) => d.id));
    const status = (host: string) => report.findings.find((f) => f.domains.some((d) => host.endsWith(d)))?.status;
    expect(status('www.google-analytics.com')).toBe('disclosed');
    expect(status('tracker.unknown-fixture.example')).toBe('undisclosed');
    expect(status('www.inbenta.com')).toBe('first-party');
    expect(report.unmatchedDeclarations?.length).toBeGreaterThan(0);
  });

  it('writes the report in the schema’s order, observations between pages and findings', () => {
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'startedAt', 'finishedAt', 'settings', 'policy', 'pages', 'observations', 'findings', 'declarations', 'unmatchedDeclarations']);
  });

  it('checks every observation before judging any, naming the one that does not fit and its field', () => {
    const broken = [visit[0]!, { ...visit[1]!, host: undefined }] as unknown as typeof visit;
    expect(() => buildReport({ tool, startedAt: 500, finishedAt: 600, observations: broken, policy, sources: noTrackerDb })).toThrow(/^report: observations\[1\]\.host: /);
  });

  it('gives a cookie in the site’s jar to the third party whose script wrote it', () => {
    const ga = report.findings.find((f) => f.observationIds.includes(visit[3]!.id))!;
    expect(ga.organization).toBe('Google');
    expect(ga.domains).toContain('googletagmanager.com');
    expect(ga.domains).not.toContain('inbenta.com');
  });

  it('lists each top-level page once, in the order first seen, unless the caller lists the pages', () => {
    expect(report.pages.map((p) => p.url)).toEqual(['https://www.inbenta.com/en/', 'https://www.inbenta.com/en/products/']);
    const listed = buildReport({ tool, startedAt: 0, finishedAt: 0, observations: visit, pages: [{ url: 'https://www.inbenta.com/', finalUrl: 'https://www.inbenta.com/en/' }], sources: noTrackerDb });
    expect(listed.pages).toEqual([{ url: 'https://www.inbenta.com/', finalUrl: 'https://www.inbenta.com/en/' }]);
  });

  it('counts the audited pages’ site as first party when the policy is another site’s', () => {
    const elsewhere = [seen('request', 'www.shop.test', { pageUrl: 'https://www.shop.test/', party: 'first' })];
    const judged = buildReport({ tool, startedAt: 0, finishedAt: 0, observations: elsewhere, policy, sources: noTrackerDb });
    expect(judged.findings.map((f) => [f.subject, f.status])).toEqual([['shop.test', 'first-party']]);
  });

  it('without a policy, leaves every third party unreviewed and quotes no clause', () => {
    const bare = buildReport({ tool, startedAt: 5_000, finishedAt: 5_000, observations: visit, sources: noTrackerDb });
    expect(bare.policy).toBeUndefined();
    expect(bare.declarations).toBeUndefined();
    expect(new Set(bare.findings.filter((f) => f.status !== 'first-party').map((f) => f.status))).toEqual(new Set(['unreviewed']));
  });

  it('carries kept reviewer verdicts into the findings they judged', () => {
    const undisclosed = report.findings.find((f) => f.status === 'undisclosed')!;
    const reviewed = buildReport({
      tool, startedAt: 0, finishedAt: 9_000, observations: visit, policy, sources: noTrackerDb,
      reviews: [{ status: 'undisclosed', subject: undisclosed.subject.toUpperCase(), verdict: 'not-compliant', comment: 'x' }],
    });
    expect(reviewed.findings.find((f) => f.id === undisclosed.id)).toMatchObject({ review: { verdict: 'not-compliant', comment: 'x' } });
    expect(reviewed.findings.filter((f) => f.review)).toHaveLength(1);
  });

  it('records which attribution sources were used, and trackerdb names what the others cannot', async () => {
    expect(report.settings).toEqual({ trackerDb: false });
    const withDb = buildReport({ tool, startedAt: 0, finishedAt: 0, observations: visit, policy, sources: await loadAttributionSources(true, {}) });
    expect(withDb.settings).toEqual({ trackerDb: true });
    const adServer = (r: typeof report) => r.findings.find((f) => f.domains.includes('rtbidder.net'));
    expect(adServer(report)).toMatchObject({ subject: 'rtbidder.net', status: 'undisclosed' });
    expect(adServer(withDb)).toMatchObject({ category: 'advertising', status: 'disclosed-by-category' });
    expect(adServer(withDb)?.organization).toBeTruthy();
  });
});

/** Findings as a reviewer compares them; merge prefixes observation ids with the shard. */
function comparable(findings: readonly Finding[]) {
  return findings.map((f) => ({ ...f, observationIds: f.observationIds.map((id) => id.replace(/^s\d+:/, '')) }));
}

describe('one pipeline: the popup, the CLI and merge give the same findings for the same observations', () => {
  it('with trackerdb switched on in the extension and left on in the CLI', async () => {
    const sources = await loadAttributionSources(true, {});

    const stores = { policies: new PolicyStore(`policies-one-${++n}`), verdicts: new VerdictStore(`verdicts-one-${++n}`) };
    const extension = await new SiteReports({
      observations: { bySession: async () => visit },
      sessions: { startOf: async () => undefined },
      ...stores,
      tool,
      sources: async () => sources,
    }).build('inbenta.com');

    const chosen = await choosePolicy(undefined, 'https://www.inbenta.com/en/', PROJECT_ROOT);
    const pages = [...new Set(visit.map((o) => o.pageUrl))].map((url) => ({ url, finalUrl: url }));
    const cli = buildReport({ tool, startedAt: 0, finishedAt: 1, pages, observations: visit, policy: chosen!, settings: { thirdPartyCookies: 'allowed' }, sources });

    const dir = await mkdtemp(join(tmpdir(), 'one-pipeline-'));
    await writeFile(join(dir, 'shard.json'), JSON.stringify(cli));
    const lines: string[] = [];
    expect(await runAudit(['merge', join(dir, 'shard.json'), '--out', join(dir, 'merged'), '--format', 'json'], (l) => lines.push(l)), lines.join('\n')).toBe(0);
    const merged = parseReport(JSON.parse(await readFile(join(dir, 'merged', 'report.json'), 'utf8')));

    expect(cli.findings.some((f) => f.status === 'undisclosed')).toBe(true);
    expect(extension.report.findings).toEqual(cli.findings);
    expect(comparable(merged.findings)).toEqual(cli.findings);
    expect([extension.report.settings?.trackerDb, cli.settings?.trackerDb, merged.settings?.trackerDb]).toEqual([true, true, true]);
  });
});

describe('buildReport: pages that left reports out', () => {
  it('gives the extension’s pages their counts, and a page whose every report was left out is still a page', () => {
    const report = buildReport({
      tool: { name: 't', version: '1' },
      startedAt: 0,
      finishedAt: 1,
      observations: [{ id: 'r', kind: 'request', pageUrl: 'https://www.site.test/', host: 'www.site.test', party: 'first', time: 0, source: 'network' }],
      capped: { 'https://www.site.test/': 3, 'https://www.site.test/full': 7 },
      sources: { trackerDb: false },
    });
    expect(report.pages).toEqual([
      { url: 'https://www.site.test/', finalUrl: 'https://www.site.test/', capped: 3 },
      { url: 'https://www.site.test/full', finalUrl: 'https://www.site.test/full', capped: 7 },
    ]);
  });
});
