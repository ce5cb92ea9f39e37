import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itWithSeed, SEED_RELATIVE } from './inbenta-seed';
import { runPolicyDraft } from '../../lib/policy/draft-cli';
import { loadPolicy } from '../../lib/policy/loader';
import { parsePolicy } from '../../lib/policy/parse';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seed = SEED_RELATIVE;
const fixture = 'test/fixtures/policies/quillmark-cookie-policy.html';
const scratch = mkdtempSync(join(tmpdir(), 'policy-draft-cli-'));

function spawnCli(args: string[]) {
  return spawnSync('npx', ['tsx', 'lib/policy/draft-cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
}

async function runInProcess(args: string[]) {
  const lines: string[] = [];
  let out = '';
  const code = await runPolicyDraft(args, { out: (text) => (out += text), log: (line) => lines.push(line) }, repoRoot);
  return { code, lines, out };
}

describe('npm run policy:draft', () => {
  const empty = join(scratch, 'empty.md');
  writeFileSync(empty, '  \n\n');

  // Spawning costs seconds on a two-core machine: three runs show the real process prints one
  // line and exits 2; the other mistakes go through the same function in this process.
  it.each([
    ['no arguments', [], /^missing the policy text file \(usage: /],
    ['no --site', [seed], /^--site: missing; which site is .*inbenta-privacy-policy-2015\.md the policy of\?/],
    ['an unsupported extension', ['policy.pdf', '--site', 'a.com'], /^policy\.pdf: unsupported file type \(use \.md, /],
  ])('exits 2 with one line for %s (spawned)', { timeout: 60_000 }, (_, args, message) => {
    const result = spawnCli(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it.each([
    ['a missing file', ['nowhere/policy.md', '--site', 'a.com'], /^nowhere\/policy\.md: cannot read the policy text \(ENOENT\)$/],
    ['an empty text', [empty, '--site', 'a.com'], /empty\.md: the policy text is empty$/],
    ['a site that is no domain', [fixture, '--site', 'not a site'], /^--site: "not a site" is not a domain such as example\.com$/],
    ['an unknown option', [fixture, '--site', 'a.com', '--bogus'], /^Unknown option '--bogus'\./],
    ['two files', [fixture, fixture, '--site', 'a.com'], /^expected one policy text file, got 2/],
    ['--site without a value', [fixture, '--site'], /^Option '--site <value>' argument missing/],
    ['--out without a value', [fixture, '--site', 'a.com', '--out', ' '], /^--out: missing the file name/],
  ])('exits 2 with one line for %s', async (_, args, message) => {
    const { code, lines, out } = await runInProcess(args as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  itWithSeed('writes the draft of the seed to standard output, valid against the seed', { timeout: 60_000 }, () => {
    const result = spawnCli([seed, '--site', 'inbenta.com']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.source.textFile).toBe(seed);
    expect(() => parsePolicy(json, 'stdout', readFileSync(join(repoRoot, seed), 'utf8'))).not.toThrow();
    expect(result.stderr).toMatch(/^drafted: \d+ declarations naming 6 parties \(TRUSTe, Act-On, Google, Facebook, Twitter, ShareThis\)/);
  });

  itWithSeed('writes --out as a policy file the loader accepts, quotes checked through source.textFile', async () => {
    const out = join(scratch, 'inbenta.policy.json');
    const { code, lines, out: stdout } = await runInProcess([seed, '--site', 'inbenta.com', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^wrote ${out}: \\d+ declarations`))]);
    const policy = await loadPolicy(out, { repoRoot });
    expect(policy.source.textFile).toMatch(/inbenta-privacy-policy-2015\.md$/);
    expect(policy.declarations[0]!.note).toMatch(/^draft: review/);
  });

  it('leaves source.textFile out for HTML whose markup the loader would trip on, and says so', async () => {
    const out = join(scratch, 'quillmark.policy.json');
    const { code, lines } = await runInProcess([fixture, '--site', 'quillmark.example', '--out', out]);
    expect(code).toBe(0);
    expect(lines[0]).toContain('no source.textFile');
    const policy = await loadPolicy(out, { repoRoot });
    expect(policy.source.textFile).toBeUndefined();
    expect(policy.declarations.length).toBeGreaterThan(10);
  });

  itWithSeed('adds no $schema to standard output or to a file outside the project', async () => {
    const { code, out } = await runInProcess([seed, '--site', 'inbenta.com']);
    expect(code).toBe(0);
    expect(JSON.parse(out).$schema).toBeUndefined();
    const file = join(scratch, 'x.policy.json');
    expect((await runInProcess([seed, '--site', 'inbenta.com', '--out', file])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).$schema).toBeUndefined();
  });

  it('exits 1 with one line when nothing in the text is about tracking', async () => {
    const plain = join(scratch, 'plain.txt');
    writeFileSync(plain, 'We keep your invoices for ten years. You can ask for a copy.');
    const { code, lines } = await runInProcess([plain, '--site', 'a.com']);
    expect(code).toBe(1);
    expect(lines).toEqual([`${plain}: no sentence names a tracking technology or a third party; nothing to draft`]);
  });
});
