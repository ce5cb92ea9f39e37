import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/audit/build-report';
import { choosePolicy, loadAttributionSources } from '../../lib/headless/policy-choice';
import { PROJECT_ROOT } from '../../lib/headless/project';
import { observation } from './export-fixture';

describe('choosePolicy', () => {
  it('finds the policy in policy/ whose first-party domains include the site', async () => {
    const chosen = await choosePolicy(undefined, 'https://blog.inbenta.com/post', PROJECT_ROOT);
    expect(chosen?.policy.id).toBe('inbenta');
    expect(chosen?.file).toMatch(/policy\/inbenta\.policy\.json$/);
  });

  it('finds none for another site', async () => {
    expect(await choosePolicy(undefined, 'https://www.example.org/', PROJECT_ROOT)).toBeUndefined();
  });

  it('reads --policy as given, and turns its mistakes into one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-judge-'));
    const file = join(dir, 'broken.policy.json');
    await writeFile(file, '{ "id": ');
    await expect(choosePolicy(file, 'https://www.example.org/', PROJECT_ROOT)).rejects.toThrow(
      new RegExp(`^${file.replace(/\./g, '\\.')}: not valid JSON: `),
    );
    await expect(choosePolicy(join(dir, 'missing.json'), 'https://a.test/', PROJECT_ROOT)).rejects.toThrow(
      /missing\.json: cannot read the policy file \(ENOENT\)/,
    );
  });
});

describe('loadAttributionSources', () => {
  it('leaves trackerdb out with --no-trackerdb or AUDITOR_TRACKERDB=off', async () => {
    expect((await loadAttributionSources(false, {})).trackerDb).toBe(false);
    expect((await loadAttributionSources(true, { AUDITOR_TRACKERDB: 'off' })).trackerDb).toBe(false);
  });

  it('loads trackerdb by default; the policy and the built-in map still come first', async () => {
    const chosen = await choosePolicy(undefined, 'https://www.inbenta.com/', PROJECT_ROOT);
    const sources = await loadAttributionSources(true, {});
    expect(sources.trackerDb && sources.trackerDb.name).toBe('trackerdb');
    const report = buildReport({
      tool,
      startedAt: 0,
      finishedAt: 0,
      observations: [
        observation({ id: 'o1', host: 'w.sharethis.com', pageUrl: 'https://www.inbenta.com/' }),
        observation({ id: 'o2', host: 'static.hotjar.com', pageUrl: 'https://www.inbenta.com/' }),
      ],
      policy: chosen!,
      sources,
    });
    expect(report.settings?.trackerDb).toBe(true);
    expect(report.findings.map((f) => [f.subject, f.organization])).toEqual([
      ['Hotjar', 'Hotjar'],
      ['ShareThis', 'ShareThis, Inc.'],
    ]);
  });
});

const tool = { name: 'policy-tracker-auditor', version: '0.0.0' };

describe('a CLI report', () => {
  it('is judged against the chosen policy and names it', async () => {
    const chosen = await choosePolicy(undefined, 'https://www.inbenta.com/', PROJECT_ROOT);
    const report = buildReport({
      tool,
      startedAt: 0,
      finishedAt: 0,
      observations: [observation({ id: 'o1', pageUrl: 'https://www.inbenta.com/' })],
      policy: chosen!,
      sources: { trackerDb: false },
    });
    expect(report.policy).toEqual({ id: 'inbenta', file: chosen!.file, title: 'Privacy policy | Inbenta.com' });
    expect(report.findings.map((f) => [f.subject, f.status, f.clauseIds])).toEqual([['Google', 'disclosed', ['c1']]]);
    expect(report.declarations).toHaveLength(11);
    expect(report.unmatchedDeclarations?.map((d) => d.id)).not.toContain('c1');
  });

  it('leaves findings unreviewed without a policy', () => {
    const report = buildReport({ tool, startedAt: 0, finishedAt: 0, observations: [observation({ id: 'o1' })], sources: { trackerDb: false } });
    expect(report.findings).toEqual([expect.objectContaining({ status: 'unreviewed', subject: 'Google' })]);
    expect(report.policy).toBeUndefined();
    expect(report.declarations).toBeUndefined();
  });
});
