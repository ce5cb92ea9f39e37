#!/usr/bin/env node
// Bundles the headless CLI (lib/headless/cli.ts and what it imports from lib/) into ES modules,
// dist/headless/cli.mjs and the chunks it loads on demand, so a run starts without compiling TypeScript. Packages stay imports of
// node_modules. The bundle sits two folders below the project root, as lib/headless/*.ts do, so
// the paths the CLI derives from its own location (the project root, policy/, .output/) hold.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/headless');
// Chunk names change with their content: the previous build's would pile up.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { cli: join(root, 'lib/headless/cli.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  // Modules imported on demand (the policy reader and its language library) stay in chunks of
  // their own, beside the entry so that paths derived from a module's location still hold.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
});
