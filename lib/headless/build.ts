import { spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './errors';

const SOURCES = ['entrypoints', 'lib', 'components', 'wxt.config.ts', 'package.json', 'public'];
/** Node-only code the extension never bundles: editing the CLI must not trigger a rebuild. */
const NOT_BUNDLED = new Set([join('lib', 'headless')]);

export function extensionDir(root: string): string {
  return join(root, '.output', 'chrome-mv3');
}

/** True when there is no build, or a source file is newer than the built manifest. */
export function buildIsStale(root: string): boolean {
  const manifest = join(extensionDir(root), 'manifest.json');
  if (!existsSync(manifest)) return true;
  const builtAt = statSync(manifest).mtimeMs;
  return SOURCES.some((entry) => newestMtime(root, entry) > builtAt);
}

function newestMtime(root: string, entry: string): number {
  const path = join(root, entry);
  if (NOT_BUNDLED.has(entry) || !existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(root, join(entry, name)));
  return newest;
}

/** Runs `wxt build` with the project's own Node (npm puts it first on PATH). */
export async function buildExtension(root: string, log: (line: string) => void): Promise<void> {
  log('Building the extension (wxt build)…');
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const child = spawn('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('close', done);
    child.on('error', () => done(-1));
  });
  if (code !== 0) throw new UserError(`extension build failed:\n${output.join('').trim()}`);
}
