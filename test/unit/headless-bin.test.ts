import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The published command runs the TypeScript CLI with no build step of its own. */
describe('bin/policy-audit.mjs', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/policy-audit.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('is the package bin', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ 'policy-audit': 'bin/policy-audit.mjs' });
    expect(readFileSync('bin/policy-audit.mjs', 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the usage under its own name and exits 0', () => {
    const result = run('--help');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: policy-audit <url\.\.\.> \[options\]\n {7}policy-audit merge /);
    expect(result.stdout).not.toContain('npm run audit');
  }, 60_000);

  it('exits 2 with one line for bad usage', () => {
    const result = run('not-a-url');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('error: not a URL: "not-a-url" (give a full http:// or https:// address)');
  }, 60_000);
});
