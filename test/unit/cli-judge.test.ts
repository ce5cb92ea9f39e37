import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choosePolicy, judgeObservations, prepareJudge } from '../../lib/headless/judge';
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

describe('prepareJudge', () => {
  it('leaves trackerdb out with --no-trackerdb or AUDITOR_TRACKERDB=off', async () => {
    expect((await prepareJudge(undefined, ['https://a.test/'], false, {})).trackerDb).toBe(false);
    expect((await prepareJudge(undefined, ['https://a.test/'], true, { AUDITOR_TRACKERDB: 'off' })).trackerDb).toBe(false);
  });

  it('uses trackerdb by default, after the policy and the built-in map', async () => {
    const chosen = await choosePolicy(undefined, 'https://www.inbenta.com/', PROJECT_ROOT);
    const judge = await prepareJudge(chosen, ['https://www.inbenta.com/'], true, {});
    expect(judge.trackerDb).toBe(true);
    expect(judge.attribute('w.sharethis.com')).toMatchObject({ organization: 'ShareThis, Inc.', source: 'policy' });
    expect(judge.attribute('static.hotjar.com')).toMatchObject({ organization: 'Hotjar', source: 'builtin' });
    expect(judge.attribute('www.inbenta.com')).toMatchObject({ party: 'first' });
  });
});

describe('judgeObservations', () => {
  it('judges against the policy and names it in the report fields', async () => {
    const chosen = await choosePolicy(undefined, 'https://www.inbenta.com/', PROJECT_ROOT);
    const judge = await prepareJudge(chosen, ['https://www.inbenta.com/'], false, {});
    const fields = judgeObservations([observation({ id: 'o1', pageUrl: 'https://www.inbenta.com/' })], judge);
    expect(fields.policy).toEqual({ id: 'inbenta', file: chosen!.file, title: 'Privacy policy | Inbenta.com' });
    expect(fields.findings.map((f) => [f.subject, f.status, f.clauseIds])).toEqual([['Google', 'disclosed', ['c1']]]);
    expect(fields.declarations).toHaveLength(11);
    expect(fields.unmatchedDeclarations?.map((d) => d.id)).not.toContain('c1');
  });

  it('leaves findings unreviewed without a policy', async () => {
    const judge = await prepareJudge(undefined, ['https://www.shop.test/'], false, {});
    const fields = judgeObservations([observation({ id: 'o1' })], judge);
    expect(fields).toEqual({ findings: [expect.objectContaining({ status: 'unreviewed', subject: 'Google' })] });
  });
});
