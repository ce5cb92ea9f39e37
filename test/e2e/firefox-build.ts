import { spawn } from 'node:child_process';

/**
 * Builds .output/firefox-mv2 (`wxt build -b firefox`). Always rebuilt: the CLI's staleness check
 * knows only the Chromium build, and this build takes about ten seconds.
 */
export async function buildFirefoxExtension(root: string): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const child = spawn('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('close', done);
    child.on('error', () => done(-1));
  });
  if (code !== 0) throw new Error(`wxt build -b firefox failed:\n${output.join('').trim()}`);
}
