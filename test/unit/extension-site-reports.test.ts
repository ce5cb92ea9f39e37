import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPolicies, resolvePolicy, savedPolicyEntry, type PolicyEntry } from '../../lib/extension/policy-catalog';
import { SessionStarts, sessionObservations } from '../../lib/extension/session-starts';
import { SiteReports } from '../../lib/extension/site-reports';
import { seenOnInbenta } from './inbenta-visit-fixture';
import { parsePolicy } from '../../lib/policy/parse';
import { NO_POLICY, PolicyStore } from '../../lib/store/policy-store';
import { VerdictStore } from '../../lib/store/verdict-store';

const inbentaJson = JSON.parse(readFileSync(new URL('../../policy/inbenta.policy.json', import.meta.url), 'utf8'));
const inbenta = parsePolicy(inbentaJson, 'policy/inbenta.policy.json');
const bundledInbenta = { key: 'bundled:inbenta', origin: 'bundled', file: 'policy/inbenta.policy.json', policy: inbenta } as const;

let n = 0;
const seen = seenOnInbenta;

/** A small visit: the site itself, Google (named in the policy), and two parties nobody declared. */
const visit = [
  seen('request', 'www.inbenta.com', { resourceType: 'main_frame' }),
  seen('request', 'www.google-analytics.com', { resourceType: 'script', pageUrl: 'https://www.inbenta.com/en/products/' }),
  seen('storage', 'www.hotjar.com', { name: '_hjid', storage: { area: 'localStorage', origin: 'https://www.inbenta.com', key: '_hjid' } }),
  seen('request', 'tracker.unknown-fixture.example', { resourceType: 'script' }),
];
const tool = { name: 'policy-tracker-auditor', version: '0.1.0' };

describe('which policy judges a site', () => {
  const other = parsePolicy({ ...inbentaJson, id: 'inbenta-2020', source: { ...inbentaJson.source, title: 'Imported copy' } }, 'mine.policy.json');
  const saved: PolicyEntry = { key: 'saved:inbenta-2020', origin: 'imported', file: 'mine.policy.json', policy: other };
  const entries: PolicyEntry[] = [saved, bundledInbenta];

  it('matches by first-party domain, the user’s saved policies before bundled ones', () => {
    expect(resolvePolicy('inbenta.com', entries)).toMatchObject({ state: 'matched', entry: { key: 'saved:inbenta-2020' } });
    expect(resolvePolicy('inbenta.com', [bundledInbenta])).toMatchObject({ state: 'matched', entry: { key: 'bundled:inbenta' } });
    expect(resolvePolicy('example.org', entries)).toEqual({ state: 'no-match' });
  });

  it('never matches a draft automatically, only when chosen', () => {
    const draft: PolicyEntry = { ...saved, key: 'saved:draft', origin: 'draft' };
    expect(resolvePolicy('inbenta.com', [draft, bundledInbenta])).toMatchObject({ state: 'matched', entry: { key: 'bundled:inbenta' } });
    expect(resolvePolicy('inbenta.com', [draft], { site: 'inbenta.com', policyKey: 'saved:draft' })).toMatchObject({ state: 'chosen', entry: { key: 'saved:draft' } });
  });

  it('follows the reviewer’s choice: a policy, no policy, or a chosen policy that is gone', () => {
    expect(resolvePolicy('example.org', entries, { site: 'example.org', policyKey: 'bundled:inbenta' })).toMatchObject({ state: 'chosen', entry: { key: 'bundled:inbenta' } });
    expect(resolvePolicy('inbenta.com', entries, { site: 'inbenta.com', policyKey: NO_POLICY })).toEqual({ state: 'none-chosen' });
    expect(resolvePolicy('inbenta.com', entries, { site: 'inbenta.com', policyKey: 'saved:deleted' })).toEqual({ state: 'chosen-unavailable', key: 'saved:deleted' });
  });

  it('bundles policy/*.policy.json at build time and validates them', () => {
    expect(bundledPolicies()).toContainEqual(expect.objectContaining({ key: 'bundled:inbenta', file: 'policy/inbenta.policy.json' }));
    expect(bundledPolicies().every((e) => e.policy && !e.error)).toBe(true);
  });

  it('keeps a stored policy that no longer validates, with its one-line error, and never uses it', () => {
    const broken = savedPolicyEntry({ key: 'saved:x', origin: 'imported', file: 'x.policy.json', json: { id: 'X!' }, savedAt: 1 });
    expect(broken.policy).toBeUndefined();
    expect(broken.error).toMatch(/^x\.policy\.json: id: /);
    expect(resolvePolicy('inbenta.com', [broken])).toEqual({ state: 'no-match' });
  });
});

describe('site sessions', () => {
  it('use the observations of the site from the session start on, oldest first', () => {
    const list = [seen('request', 'a.test', { time: 50 }), seen('request', 'b.test', { time: 10 }), seen('request', 'c.test', { time: 30, sessionId: 'other.test' })];
    expect(sessionObservations(list, 'inbenta.com', undefined).map((o) => o.host)).toEqual(['b.test', 'a.test']);
    expect(sessionObservations(list, 'inbenta.com', 20).map((o) => o.host)).toEqual(['a.test']);
  });

  it('remember a start time per site in extension storage', async () => {
    const data: Record<string, unknown> = {};
    const area = { get: async (key: string) => ({ [key]: data[key] }), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
    const starts = new SessionStarts(area);
    expect(await starts.startOf('a.test')).toBeUndefined();
    await starts.startNew('a.test', 100);
    await starts.startNew('b.test', 200);
    expect(await new SessionStarts(area).startOf('a.test')).toBe(100);
    expect(data.sessionStarts).toEqual({ 'a.test': 100, 'b.test': 200 });
  });
});

describe('SiteReports: the background’s report and badge count from the stores', () => {
  async function setUp(start?: number) {
    const policies = new PolicyStore(`policies-sr-${++n}`);
    const verdicts = new VerdictStore(`verdicts-sr-${++n}`);
    const sessions = { startOf: async () => start };
    const observations = { bySession: async (site: string) => visit.filter((o) => o.sessionId === site) };
    return { policies, reports: new SiteReports({ observations, verdicts, policies, sessions, tool, sources: async () => ({ trackerDb: false as const }), clock: () => 10_000 }) };
  }

  it('builds a report with the bundled policy and counts the undisclosed findings for the badge', async () => {
    const { reports } = await setUp();
    const built = await reports.build('inbenta.com');
    expect(built.policy).toMatchObject({ state: 'matched', key: 'bundled:inbenta', origin: 'bundled', title: inbenta.source.title });
    const undisclosed = built.report.findings.filter((f) => f.status === 'undisclosed').length;
    expect(undisclosed).toBeGreaterThan(0);
    expect(await reports.undisclosedCount('inbenta.com')).toBe(undisclosed);
  });

  it('gives each page the count of reports the store left out of it', async () => {
    const policies = new PolicyStore(`policies-sr-${++n}`);
    const verdicts = new VerdictStore(`verdicts-sr-${++n}`);
    const observations = {
      bySession: async (site: string) => visit.filter((o) => o.sessionId === site),
      cappedByPage: async (site: string): Promise<Record<string, number>> => (site === 'inbenta.com' ? { 'https://www.inbenta.com/en/products/': 12 } : {}),
    };
    const reports = new SiteReports({ observations, verdicts, policies, sessions: { startOf: async () => undefined }, tool, sources: async () => ({ trackerDb: false as const }) });
    const { report } = await reports.build('inbenta.com');
    expect(report.pages.find((p) => p.url === 'https://www.inbenta.com/en/products/')?.capped).toBe(12);
    expect(report.pages.filter((p) => p.capped)).toHaveLength(1);
  });

  it('counts nothing for the badge when the reviewer chose no policy', async () => {
    const { reports, policies } = await setUp();
    await policies.choose('inbenta.com', NO_POLICY);
    expect((await reports.build('inbenta.com')).policy).toEqual({ state: 'none-chosen' });
    expect(await reports.undisclosedCount('inbenta.com')).toBe(0);
  });

  it('leaves out what came before a new session', async () => {
    const { reports } = await setUp(visit[2]!.time);
    const built = await reports.build('inbenta.com');
    expect(built.sessionStart).toBe(visit[2]!.time);
    expect(built.report.observations.map((o) => o.id)).toEqual([visit[2]!.id, visit[3]!.id]);
  });

  it('keeps the last report until the site’s observations change or something else does', async () => {
    const policies = new PolicyStore(`policies-sr-${++n}`);
    const verdicts = new VerdictStore(`verdicts-sr-${++n}`);
    let revision = 1;
    let reads = 0;
    const observations = {
      bySession: async (site: string) => {
        reads += 1;
        return visit.filter((o) => o.sessionId === site);
      },
      revisionOf: () => String(revision),
    };
    const reports = new SiteReports({ observations, verdicts, policies, sessions: { startOf: async () => undefined }, tool, sources: async () => ({ trackerDb: false as const }) });
    const first = await reports.build('inbenta.com');
    expect(await reports.build('inbenta.com')).toBe(first);
    await reports.undisclosedCount('inbenta.com');
    expect(reads).toBe(1);
    revision = 2;
    expect(await reports.build('inbenta.com')).not.toBe(first);
    expect(reads).toBe(2);
    await policies.choose('inbenta.com', NO_POLICY);
    reports.changed();
    expect((await reports.build('inbenta.com')).policy).toEqual({ state: 'none-chosen' });
    expect(reads).toBe(3);
  });

  it('keeps older reports only while the kept ones hold no more observations than the budget', async () => {
    const sizes: Record<string, number> = { 'a.test': 3, 'b.test': 3, 'c.test': 5 };
    const reads: string[] = [];
    const observations = {
      bySession: async (site: string) => {
        reads.push(site);
        return Array.from({ length: sizes[site]! }, (_, i) => seen('request', `t${i}.tracker.example`, { sessionId: site, pageUrl: `https://www.${site}/` }));
      },
      revisionOf: () => '1',
    };
    const deps = { verdicts: new VerdictStore(`verdicts-sr-${++n}`), policies: new PolicyStore(`policies-sr-${++n}`), sessions: { startOf: async () => undefined }, tool };
    const reports = new SiteReports({ ...deps, observations, sources: async () => ({ trackerDb: false as const }), keptObservations: 6 });
    await reports.build('a.test');
    await reports.build('b.test');
    await reports.build('a.test');
    await reports.build('b.test');
    expect(reads).toEqual(['a.test', 'b.test']);
    // 3 + 3 + 5 is over 6: the two older reports go, and the newest stays.
    await reports.build('c.test');
    await reports.build('c.test');
    await reports.build('b.test');
    await reports.build('a.test');
    expect(reads).toEqual(['a.test', 'b.test', 'c.test', 'b.test', 'a.test']);
  });
});
