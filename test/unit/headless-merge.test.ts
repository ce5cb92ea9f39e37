import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaceIds } from '../../lib/headless/namespace-ids';
import { runAudit } from '../../lib/headless/cli';
import { interleavePages } from '../../lib/headless/merge';
import { parseReport, REPORT_SCHEMA_VERSION, type PageVisit, type Report } from '../../lib/model/report';
import type { Observation } from '../../lib/model/observation';
import { observation } from './export-fixture';

const page = (url: string, consent?: PageVisit['consent']): PageVisit => ({ url, finalUrl: url, ...(consent ? { consent } : {}) });

describe('interleavePages', () => {
  it('gives back the order of the URL list from shards of every n-th URL', () => {
    const shard1 = [page('u1'), page('u3'), page('u5')];
    const shard2 = [page('u2'), page('u4')];
    expect(interleavePages([shard1, shard2], undefined).map((p) => p.url)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
  });

  it('keeps pages grouped by consent state, in the order of the run', () => {
    const settings = {
      thirdPartyCookies: 'allowed' as const,
      consent: [
        { state: 'reject' as const, outcome: 'handled' as const },
        { state: 'none' as const, outcome: 'not-requested' as const },
      ],
    };
    const shard1 = [page('u1', 'reject'), page('u3', 'reject'), page('u1', 'none'), page('u3', 'none')];
    const shard2 = [page('u2', 'reject'), page('u2', 'none')];
    expect(interleavePages([shard1, shard2], settings).map((p) => `${p.consent} ${p.url}`)).toEqual([
      'reject u1',
      'reject u2',
      'reject u3',
      'none u1',
      'none u2',
      'none u3',
    ]);
  });
});

describe('namespaceIds', () => {
  it('prefixes ids and the redirect links between them', () => {
    const observations = [observation({ id: 'req-1-a' }), observation({ id: 'req-2-b', redirectedFrom: 'req-1-a' })];
    expect(namespaceIds(observations, 's2').map((o) => [o.id, o.redirectedFrom])).toEqual([
      ['s2:req-1-a', undefined],
      ['s2:req-2-b', 's2:req-1-a'],
    ]);
  });
});

describe('merge (no browser: shard reports written by hand)', () => {
  const shardReport = (index: number, pages: string[], observations: Observation[]): Report => ({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'policy-tracker-auditor', version: '0.1.0' },
    startedAt: `2026-01-01T12:0${index}:00.000Z`,
    finishedAt: `2026-01-01T12:0${index}:30.000Z`,
    settings: { thirdPartyCookies: 'allowed', gpc: false, consent: [{ state: 'none', outcome: 'not-requested' }], trackerDb: false, shard: { index, count: 2 } },
    policy: { id: 'inbenta', file: 'policy/inbenta.policy.json', title: 'Privacy policy | Inbenta.com' },
    pages: pages.map((url) => ({ url, finalUrl: url, consent: 'none' })),
    observations,
    findings: [],
  });
  // The same id in both shards: Chromium numbers requests per profile.
  const unknownBeacon = observation({ id: 'req-7-x', pageUrl: 'https://www.inbenta.com/', host: 'collect.unknown-fixture.example', url: 'https://collect.unknown-fixture.example/pixel', resourceType: 'ping', consent: 'none' });
  const analytics = observation({ id: 'req-7-x', pageUrl: 'https://www.inbenta.com/b', consent: 'none' });

  async function writeShards(reports: Report[]): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'cli-merge-'));
    return Promise.all(
      reports.map(async (report, i) => {
        const file = join(dir, `shard${i + 1}.json`);
        await writeFile(file, JSON.stringify(report));
        return file;
      }),
    );
  }

  it('interleaves pages, keeps ids apart and judges all observations against the shards’ policy', async () => {
    const files = await writeShards([
      shardReport(2, ['https://www.inbenta.com/b'], [analytics]),
      shardReport(1, ['https://www.inbenta.com/', 'https://www.inbenta.com/c'], [unknownBeacon]),
    ]);
    const out = await mkdtemp(join(tmpdir(), 'cli-merged-'));
    const lines: string[] = [];
    const code = await runAudit(['merge', ...files, '--out', out, '--format', 'json,junit', '--fail-on', 'undisclosed'], (l) => lines.push(l));
    expect(code, lines.join('\n')).toBe(1);
    const merged = parseReport(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    expect(merged.pages.map((p) => p.url)).toEqual(['https://www.inbenta.com/', 'https://www.inbenta.com/b', 'https://www.inbenta.com/c']);
    expect(merged.observations.map((o) => o.id)).toEqual(['s1:req-7-x', 's2:req-7-x']);
    expect(merged.findings.map((f) => [f.subject, f.status, f.observationIds])).toEqual([
      ['unknown-fixture.example', 'undisclosed', ['s1:req-7-x']],
      ['Google', 'disclosed', ['s2:req-7-x']],
    ]);
    expect(merged.policy).toEqual({ id: 'inbenta', file: 'policy/inbenta.policy.json', title: 'Privacy policy | Inbenta.com' });
    expect(merged.settings).toEqual({ thirdPartyCookies: 'allowed', gpc: false, consent: [{ state: 'none', outcome: 'not-requested' }], trackerDb: false });
    expect([merged.startedAt, merged.finishedAt]).toEqual(['2026-01-01T12:01:00.000Z', '2026-01-01T12:02:30.000Z']);
    expect(existsSync(join(out, 'report.junit.xml'))).toBe(true);
    expect(lines).toContain('Merged 2 reports: 3 pages, 2 observations.');
  });

  it('judges against the draft the shards read from the site (policy.draft.json beside them) and keeps it beside the merged report', async () => {
    const discovered = { urls: ['https://www.inbenta.com/privacy'], readAt: '2026-01-01T12:00:00.000Z', textSha256: 'a'.repeat(64) };
    const withDraft = (report: Report): Report => ({ ...report, policy: { id: 'inbenta-draft', title: 'Read from the site', discovered } });
    const files = await writeShards([
      withDraft(shardReport(1, ['https://www.inbenta.com/'], [unknownBeacon])),
      withDraft(shardReport(2, ['https://www.inbenta.com/b'], [analytics])),
    ]);
    const { $schema: _, ...policy } = JSON.parse(await readFile(new URL('../../policy/inbenta.policy.json', import.meta.url), 'utf8'));
    const draft = { ...policy, id: 'inbenta-draft', source: { title: 'Read from the site', url: 'https://www.inbenta.com/privacy' } };
    await writeFile(join(dirname(files[0]!), 'policy.draft.json'), JSON.stringify(draft));
    const out = await mkdtemp(join(tmpdir(), 'cli-merged-'));
    const lines: string[] = [];
    expect(await runAudit(['merge', ...files, '--out', out, '--format', 'json'], (l) => lines.push(l)), lines.join('\n')).toBe(0);
    const merged = parseReport(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    expect(merged.policy).toMatchObject({ id: 'inbenta-draft', discovered });
    expect(merged.findings.find((f) => f.subject === 'Google')?.status).toBe('disclosed');
    expect(JSON.parse(await readFile(join(out, 'policy.draft.json'), 'utf8')).id).toBe('inbenta-draft');

    const changed = withDraft(shardReport(2, ['https://www.inbenta.com/b'], [analytics]));
    changed.policy!.discovered = { ...discovered, textSha256: 'b'.repeat(64) };
    const mixed = await writeShards([withDraft(shardReport(1, ['https://www.inbenta.com/'], [unknownBeacon])), changed]);
    const refused: string[] = [];
    expect(await runAudit(['merge', ...mixed, '--out', out], (l) => refused.push(l))).toBe(2);
    expect(refused).toEqual(["error: the shards read different texts of the site's policy (its text changed during the crawl); pass --policy <file>"]);
  });

  it("judges the shards' evidence anew without reading their findings; a bad observation names its file and field", async () => {
    // Findings a shard wrote under another schema (or by hand) are verdicts the merge replaces.
    const stale = { ...shardReport(1, ['https://www.inbenta.com/'], [unknownBeacon]), findings: [{ subject: 'old verdict' }] } as unknown as Report;
    const files = await writeShards([stale, shardReport(2, ['https://www.inbenta.com/b'], [analytics])]);
    const out = await mkdtemp(join(tmpdir(), 'cli-merged-'));
    const lines: string[] = [];
    expect(await runAudit(['merge', ...files, '--out', out, '--format', 'json'], (l) => lines.push(l)), lines.join('\n')).toBe(0);
    const merged = parseReport(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    expect(merged.findings.map((f) => f.subject)).toEqual(['unknown-fixture.example', 'Google']);

    const broken = shardReport(2, ['https://www.inbenta.com/b'], [{ ...analytics, host: 7 } as unknown as Observation]);
    const [, brokenFile] = await writeShards([shardReport(1, ['https://www.inbenta.com/'], [unknownBeacon]), broken]);
    lines.length = 0;
    expect(await runAudit(['merge', files[0]!, brokenFile!, '--out', out], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^error: .*shard2\.json: observations\[0\]\.host: /);
  });

  it.each([
    [['merge'], ['error: merge needs the report.json files of the shards', 'run merge --help for the options']],
    [['merge', 'a.json'], ['error: merge needs --out <dir> for the merged report', 'run merge --help for the options']],
    [['merge', 'a.json', '--out', 'x', '--shard', '1/2'], ["error: Unknown option '--shard'", 'run merge --help for the options']],
    [['merge', '/nowhere/a.json', '--out', '/tmp/x'], ['error: /nowhere/a.json: cannot read the report (ENOENT)']],
  ])('%j ends with exit code 2, a usage mistake with a hint at merge --help', async (argv, expected) => {
    const lines: string[] = [];
    expect(await runAudit(argv, (l) => lines.push(l))).toBe(2);
    expect(lines).toEqual(expected);
  });

  it("prints merge's own usage for merge --help", async () => {
    const lines: string[] = [];
    expect(await runAudit(['merge', '--help'], (l) => lines.push(l), {})).toBe(0);
    expect(lines[0]).toBe('Usage: npm run audit -- merge <report.json...> --out <dir> [options]');
    expect(lines.join('\n')).toContain('--policy <file>');
    expect(lines.join('\n')).not.toContain('--max-pages');
  });

  it('refuses shards judged against different policies, or the same shard twice', async () => {
    const other = shardReport(2, ['https://www.inbenta.com/b'], []);
    other.policy = { id: 'acme', file: 'policy/acme.policy.json' };
    const lines: string[] = [];
    const files = await writeShards([shardReport(1, ['https://www.inbenta.com/'], []), other]);
    expect(await runAudit(['merge', ...files, '--out', '/tmp/never'], (l) => lines.push(l))).toBe(2);
    expect(lines).toEqual(['error: the reports were judged against different policies (inbenta, acme); pass --policy <file>']);
    const twice = await writeShards([shardReport(1, ['https://www.inbenta.com/'], []), shardReport(1, ['https://www.inbenta.com/'], [])]);
    lines.length = 0;
    expect(await runAudit(['merge', ...twice, '--out', '/tmp/never'], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^error: .*shard2\.json and .*shard1\.json are both shard 1$/);
  });
});
