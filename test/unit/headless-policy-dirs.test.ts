import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../lib/headless/cli';
import { policySearchDirs } from '../../lib/headless/policy-dirs';
import { choosePolicy } from '../../lib/headless/policy-choice';
import { PROJECT_ROOT } from '../../lib/headless/project';

function policyFor(id: string, domain: string, technology = 'cookie') {
  return JSON.stringify({
    id,
    site: { name: id, firstPartyDomains: [domain] },
    source: { title: `${id} privacy policy`, url: `https://${domain}/privacy` },
    declarations: [{ id: 'c1', clause: { section: 'Cookies', quote: 'We use cookies.' }, categories: ['analytics-providers'], technologies: [technology] }],
  });
}

/** Another repository's checkout: its own policy/ folder, and a folder CI passes with --policies-dir. */
async function otherRepository(): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'policy-dirs-'));
  await mkdir(join(repo, 'policy'));
  await mkdir(join(repo, 'ci-policies'));
  await writeFile(join(repo, 'policy', 'acme.policy.json'), policyFor('acme', 'acme.test'));
  await writeFile(join(repo, 'policy', 'beta.policy.json'), policyFor('beta', 'beta.test'));
  await writeFile(join(repo, 'ci-policies', 'beta-reviewed.policy.json'), policyFor('beta-reviewed', 'beta.test'));
  return repo;
}

describe('policySearchDirs', () => {
  it('searches --policies-dir, then ./policy/ of the working directory, then the tool’s policy/', async () => {
    const repo = await otherRepository();
    expect(await policySearchDirs(['ci-policies'], repo, PROJECT_ROOT)).toEqual([
      join(repo, 'ci-policies'),
      join(repo, 'policy'),
      join(PROJECT_ROOT, 'policy'),
    ]);
  });

  it('skips a working directory without policy/, and searches a folder named twice once', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'policy-dirs-empty-'));
    expect(await policySearchDirs([], empty, PROJECT_ROOT)).toEqual([join(PROJECT_ROOT, 'policy')]);
    expect(await policySearchDirs([join(PROJECT_ROOT, 'policy')], PROJECT_ROOT, PROJECT_ROOT)).toEqual([join(PROJECT_ROOT, 'policy')]);
  });

  it('names a --policies-dir that does not exist', async () => {
    const repo = await otherRepository();
    await expect(policySearchDirs(['polices'], repo, PROJECT_ROOT)).rejects.toThrow('--policies-dir polices: no such directory');
  });
});

describe('choosePolicy over several folders', () => {
  it('takes the first folder with a policy for the site, so a repository’s own policies come before the tool’s', async () => {
    const repo = await otherRepository();
    const dirs = await policySearchDirs(['ci-policies'], repo, PROJECT_ROOT);
    expect((await choosePolicy(undefined, 'https://www.acme.test/', PROJECT_ROOT, dirs))?.policy.id).toBe('acme');
    expect((await choosePolicy(undefined, 'https://beta.test/', PROJECT_ROOT, dirs))?.policy.id).toBe('beta-reviewed');
    expect((await choosePolicy(undefined, 'https://www.inbenta.com/', PROJECT_ROOT, dirs))?.policy.id).toBe('inbenta');
    expect(await choosePolicy(undefined, 'https://www.example.org/', PROJECT_ROOT, dirs)).toBeUndefined();
  });

  it('is what an audit run uses: a broken policy in --policies-dir ends the run before any browsing', async () => {
    const repo = await otherRepository();
    const broken = join(repo, 'broken');
    await mkdir(broken);
    await writeFile(join(broken, 'gamma.policy.json'), policyFor('gamma', 'gamma.test', 'cookie-ish'));
    const lines: string[] = [];
    const argv = ['https://gamma.test/', '--policies-dir', broken, '--chromium', process.execPath, '--no-build'];
    expect(await runAudit(argv, (l) => lines.push(l))).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .*broken\/gamma\.policy\.json: declarations\[0\]\.technologies\[0\]: "cookie-ish" is not one of /);
  });
});
