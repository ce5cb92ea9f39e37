import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFixture, descendants, parseXml, runCli, startFixtureServer, type AuditRun, type XmlElement } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import type { Report } from '../../lib/model/report';

/**
 * A crawl of the fixture site from the products page, gated on undisclosed findings, in every
 * format; then the same pages split over two shards and merged. One crawl and two shard runs
 * serve all the assertions.
 */
const START = 'https://www.inbenta.com/en/products/';
const CRAWL_ORDER = [
  'https://www.inbenta.com/en/products/',
  'https://www.inbenta.com/',
  'https://www.inbenta.com/en/products/chatbot/',
  'https://www.inbenta.com/en/products/search/',
  'https://www.inbenta.com/en/company/',
];
const COMMON = ['--scroll', '--fail-on', 'undisclosed'];

let server: FixtureServer;
let crawl: AuditRun;
let junit: XmlElement;
let shards: AuditRun[];
let merged: AuditRun;
let parallel: AuditRun;

beforeAll(async () => {
  server = await startFixtureServer();
  crawl = await auditFixture(server, [START], ['--max-pages', '5', '--format', 'json,csv,html,junit', ...COMMON]);
  parallel = await auditFixture(server, [START], ['--max-pages', '5', '--concurrency', '3', '--format', 'json', ...COMMON]);
  if (!crawl.report) throw new Error(`no report written; CLI said:\n${crawl.log.join('\n')}`);
  junit = await parseXml(await readFile(join(crawl.outDir, 'report.junit.xml'), 'utf8'));

  const listDir = await mkdtemp(join(tmpdir(), 'auditor-e2e-list-'));
  const urlsFile = join(listDir, 'urls.txt');
  await writeFile(urlsFile, `# the pages the crawl visited\n${crawl.report.pages.map((p) => p.url).join('\n')}\n`);
  shards = [];
  for (const shard of ['1/2', '2/2']) {
    shards.push(await auditFixture(server, [], ['--urls-file', urlsFile, '--shard', shard, '--format', 'json', ...COMMON]));
  }
  const mergedDir = await mkdtemp(join(tmpdir(), 'auditor-e2e-merged-'));
  // Shards in the wrong order on purpose: each report knows its shard.
  merged = await runCli(
    ['merge', join(shards[1]!.outDir, 'report.json'), join(shards[0]!.outDir, 'report.json'), '--out', mergedDir, '--format', 'json', '--fail-on', 'undisclosed'],
    mergedDir,
  );
});

afterAll(async () => {
  await server?.close();
});

describe('--concurrency: several tabs at once', () => {
  it('gives the report a one-tab crawl gives: the same pages in the same order, the same findings and network evidence per page', () => {
    const pagesOf = (run: AuditRun) => run.report!.pages.map((p) => p.url);
    const findingsOf = (run: AuditRun) => run.report!.findings.map((f) => [f.id, f.status, f.domains, f.technologies]);
    // Ids and times differ between any two runs; what the network carried for which page does not.
    const evidenceOf = (run: AuditRun) =>
      [...new Set(run.report!.observations.filter((o) => o.kind === 'request' || o.kind === 'beacon').map((o) => `${o.pageUrl} ${o.kind} ${o.url ?? o.host}`))].sort();
    expect(pagesOf(parallel)).toEqual(pagesOf(crawl));
    expect(findingsOf(parallel)).toEqual(findingsOf(crawl));
    expect(evidenceOf(parallel)).toEqual(evidenceOf(crawl));
  });

  it('audits page after page in the tabs it opened, one per page audited at once, not one per page', () => {
    const tabsOf = (run: AuditRun) => new Set(run.report!.observations.flatMap((o) => (o.tabId === undefined || o.tabId < 0 ? [] : [o.tabId])));
    expect(tabsOf(crawl).size).toBe(1);
    expect(tabsOf(parallel).size).toBeGreaterThan(1);
    expect(tabsOf(parallel).size).toBeLessThanOrEqual(3);
  });
});

describe('--concurrency: two open tabs of one site share its storage', () => {
  it("credits a database, cache or service worker to the page that made it, not to the other tab's page that found it", async () => {
    // The first page runs alone; the next two at once, in two tabs: the quiet page is open while
    // the storage page makes its IndexedDB database, cache and service worker.
    const pages = ['https://www.auditor-fixture.com/landing.html', 'https://www.auditor-fixture.com/landing.html?open-meanwhile', 'https://www.auditor-fixture.com/storage.html'];
    const options = ['--format', 'json', '--no-policy-discovery'];
    const [oneTab, twoTabs] = [await auditFixture(server, pages, options), await auditFixture(server, pages, [...options, '--concurrency', '2'])];
    const stored = (run: AuditRun) =>
      run.report!.observations
        .filter((o) => o.kind === 'storage' && ['indexedDB', 'cache', 'serviceWorker'].includes(o.storage!.area))
        .map((o) => `${o.pageUrl} ${o.storage!.area} ${o.storage!.key}`)
        .sort();
    expect(stored(oneTab)).toContain('https://www.auditor-fixture.com/storage.html indexedDB fixture-db');
    expect(stored(twoTabs)).toEqual(stored(oneTab));
  }, 120_000);

  it('credits a cookie written with cookieStore to the page that wrote it, not to the other tab open on the same host', async () => {
    // No header and no document.cookie write names the page: only the hook on cookieStore.set does.
    const pages = ['https://www.auditor-fixture.com/landing.html', 'https://www.auditor-fixture.com/landing.html?open-meanwhile', 'https://www.auditor-fixture.com/cookies.html'];
    const options = ['--format', 'json', '--no-policy-discovery'];
    const [oneTab, twoTabs] = [await auditFixture(server, pages, options), await auditFixture(server, pages, [...options, '--concurrency', '2'])];
    const cookies = (run: AuditRun) => [...new Set(run.report!.observations.filter((o) => o.kind === 'cookie').map((o) => `${o.pageUrl} ${o.name}`))].sort();
    expect(cookies(oneTab)).toContain('https://www.auditor-fixture.com/cookies.html cs_api');
    expect(cookies(twoTabs)).toEqual(cookies(oneTab));
  }, 120_000);
});

describe('--max-pages: a same-site breadth-first crawl', () => {
  it('visits the linked pages nearest the start first, within the budget', () => {
    expect(crawl.report!.pages.map((p) => [p.url, p.error])).toEqual(CRAWL_ORDER.map((url) => [url, undefined]));
    expect(crawl.log.filter((line) => /^\[\d\/5\] /.test(line))).toHaveLength(5);
  });

  it('never requests logout links, files, other sites or pages beyond the budget', () => {
    const requested = server.requests.join('\n');
    for (const never of ['/logout', '/account/sign-out', 'action=logout', 'brochure.pdf', 'www.example.org', '/en/company/team/', '/en/live/']) {
      expect(requested, never).not.toContain(never);
    }
  });

  it('--scroll brings the lazy Tweet button into view', () => {
    const chatbot = crawl.report!.observations.filter((o) => o.pageUrl === 'https://www.inbenta.com/en/products/chatbot/');
    expect(chatbot.filter((o) => o.host === 'platform.twitter.com').map((o) => o.resourceType).sort()).toEqual(['script', 'sub_frame']);
  });
});

describe('--fail-on and --format', () => {
  it('exits 1 when undisclosed findings exist and names them', () => {
    expect(crawl.code, crawl.log.join('\n')).toBe(1);
    const failing = crawl.report!.findings.filter((f) => f.status === 'undisclosed' || f.status === 'technology-not-disclosed');
    expect(failing.length).toBeGreaterThan(0);
    expect(crawl.log).toContain(`${failing.length} ${failing.length === 1 ? 'finding fails' : 'findings fail'} --fail-on undisclosed:`);
    expect(crawl.log).toContain('  ✕ Hotjar (hotjar.com): undisclosed, not covered: local-storage');
  });

  it('exits 0 for a clean shard and 1 for the shard with the undisclosed trackers', () => {
    expect(shards[0]!.code, shards[0]!.log.join('\n')).toBe(0);
    expect(shards[0]!.report!.findings.some((f) => f.status === 'undisclosed')).toBe(false);
    expect(shards[1]!.code, shards[1]!.log.join('\n')).toBe(1);
  });

  it('writes every requested format', () => {
    for (const name of ['report.json', 'findings.csv', 'observations.csv', 'report.html', 'report.junit.xml']) {
      expect(existsSync(join(crawl.outDir, name)), name).toBe(true);
    }
    expect(existsSync(join(shards[0]!.outDir, 'report.html'))).toBe(false);
  });

  it('writes JUnit XML a strict parser accepts: one test case per finding, failures as gated', () => {
    const report = crawl.report!;
    expect(junit.name).toBe('testsuites');
    const suites = descendants(junit, 'testsuite');
    const findingCases = descendants(suites[0]!, 'testcase');
    expect(findingCases).toHaveLength(report.findings.length);
    expect(descendants(suites[1]!, 'testcase')).toHaveLength(report.pages.length);
    const failures = findingCases.filter((c) => c.children.some((child) => child.name === 'failure'));
    const gated = report.findings.filter((f) => f.status === 'undisclosed' || f.status === 'technology-not-disclosed');
    expect(failures.map((c) => c.attributes.classname)).toEqual(gated.map((f) => `policy-audit.${f.status}`));
    expect(junit.attributes).toMatchObject({
      tests: String(report.findings.length + report.pages.length),
      failures: String(gated.length),
      errors: '0',
    });
    const hotjar = failures.find((c) => c.attributes.name!.startsWith('Hotjar'))!;
    expect(hotjar.text).toContain('Proposed declaration: {"parties":[{"name":"Hotjar"');
    expect(hotjar.text).toMatch(/hotjar\.com\S* on https:\/\/www\.inbenta\.com\//);
  });
});

describe('--shard i/n and merge', () => {
  it('gives each shard every second page of the list', () => {
    expect(shards.map((s) => s.report!.pages.map((p) => p.url))).toEqual([
      [CRAWL_ORDER[0], CRAWL_ORDER[2], CRAWL_ORDER[4]],
      [CRAWL_ORDER[1], CRAWL_ORDER[3]],
    ]);
    expect(shards.map((s) => s.report!.settings?.shard)).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
    ]);
  });

  it('merges into the report of the unsharded run: same pages, observations and findings', () => {
    expect(merged.code, merged.log.join('\n')).toBe(1);
    const [whole, parts] = [crawl.report!, merged.report!];
    expect(parts.pages.map(pageKey)).toEqual(whole.pages.map(pageKey));
    expect(pageTraffic(parts).map(observationKey).sort()).toEqual(pageTraffic(whole).map(observationKey).sort());
    expect(parts.findings.map(findingKey(parts))).toEqual(whole.findings.map(findingKey(whole)));
    expect(parts.unmatchedDeclarations).toEqual(whole.unmatchedDeclarations);
    expect(parts.policy).toEqual(whole.policy);
    expect(parts.settings?.shard).toBeUndefined();
  });

  it('keeps observation ids unique and evidence resolvable after merging', () => {
    const ids = merged.report!.observations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    expect(merged.report!.findings.flatMap((f) => f.observationIds).filter((id) => !known.has(id))).toEqual([]);
  });
});

const pageKey = (p: Report['pages'][number]) => [p.url, p.finalUrl, p.error ?? null, p.consent];

/** What an observation says, without what differs between two browser sessions (ids, times, tabs). */
const observationKey = (o: Report['observations'][number]) =>
  JSON.stringify([o.kind, o.pageUrl, o.host, o.url ?? null, o.resourceType ?? null, o.name ?? null, o.party, o.consent]);

/**
 * Chromium asks each host for /favicon.ico once per browser session, on whichever page comes
 * first: a fact about the browser, not the site, and it differs between sharded and whole runs.
 */
const isFavicon = (o: Report['observations'][number]) => o.url?.endsWith('/favicon.ico') === true;
const pageTraffic = (report: Report) => report.observations.filter((o) => !isFavicon(o));

const findingKey = (report: Report) => {
  const favicons = new Set(report.observations.filter(isFavicon).map((o) => o.id));
  return (f: Report['findings'][number]) => findingFacts(f, f.observationIds.filter((id) => !favicons.has(id)).length);
};

const findingFacts = (f: Report['findings'][number], evidence: number) => ({
  id: f.id,
  status: f.status,
  subject: f.subject,
  domains: f.domains,
  kinds: f.kinds,
  technologies: f.technologies,
  clauseIds: f.clauseIds,
  proposedDeclaration: f.proposedDeclaration,
  evidence,
});
