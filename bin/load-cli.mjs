#!/usr/bin/env node
// Loads the headless CLI: the prebuilt bundle (bin/build-cli.mjs) when it is newer than every
// source file under lib/, else the TypeScript sources through tsx's loader (a checkout being
// edited). Either way it runs in this process, so Ctrl-C reaches the audit (which then writes its
// partial report) and the exit code is the audit's own.
import { existsSync, readdirSync, statSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/headless/cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The CLI's `main(argv)`. */
export async function loadCli() {
  // Node keeps the compiled code of the CLI and its packages (Playwright is most of it) on disk
  // between runs: a run starts about a tenth of a second sooner.
  nodeModule.enableCompileCache?.();
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(root, 'lib'))) {
    return (await import(pathToFileURL(bundle).href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import(pathToFileURL(join(root, 'lib/headless/cli.ts')).href)).main;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const main = await loadCli();
  await main(process.argv.slice(2));
}
