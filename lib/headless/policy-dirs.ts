import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from './errors';

/**
 * Where a site's policy file is looked for, first match wins: each `--policies-dir`, then
 * `./policy/` of the working directory (another repository's CI keeps its policies there), then
 * the tool's own `policy/`. A directory named twice is searched once; a missing `./policy/` is
 * simply not searched, a missing `--policies-dir` is a mistake worth a line.
 */
export async function policySearchDirs(explicit: readonly string[], cwd: string, toolRoot: string): Promise<string[]> {
  for (const dir of explicit) {
    if (!(await isDirectory(resolve(cwd, dir)))) throw new UserError(`--policies-dir ${dir}: no such directory`);
  }
  const candidates = [...explicit.map((dir) => resolve(cwd, dir)), resolve(cwd, 'policy'), resolve(toolRoot, 'policy')];
  const unique = [...new Set(candidates)];
  const present = await Promise.all(unique.map(isDirectory));
  return unique.filter((_, i) => present[i]);
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
