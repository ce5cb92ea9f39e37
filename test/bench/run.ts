/**
 * `npm run bench`: every benchmark, one after another (the machines have two cores; running them
 * side by side would measure each other). Each prints its own ratios; nothing here asserts.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BENCHMARKS = ['classify.ts', 'policy-draft.ts', 'page-load.ts', 'worker-profile.ts', 'audit-floor.ts', 'popup.ts', 'memory.ts'];
let failed = false;
for (const file of BENCHMARKS) {
  console.log(`\n== ${file} ==`);
  const result = spawnSync('npx', ['tsx', resolve(import.meta.dirname, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
