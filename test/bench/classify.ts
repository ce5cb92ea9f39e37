/**
 * Classifier throughput, built-in map alone vs with trackerdb, and what loading trackerdb costs.
 * Run: npx tsx test/bench/classify.ts   (prints; asserts nothing, since timings vary by machine)
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClassifier, listOrganizations, type Classifier } from '../../lib/classify/index';
import { readTrackerDbEngine } from '../../lib/classify/trackerdb-node';
import { loadTrackerDbSource } from '../../lib/classify/trackerdb-source';

const HOSTS_PER_KIND = 10_000;
// Best of several rounds: the machine is shared, and the fastest round is the least disturbed one.
const ROUNDS = 7;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function memory() {
  gc();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, external: external + arrayBuffers };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// 1. Loading trackerdb, measured first so the heap holds nothing else of ours yet.
const before = memory();
let started = performance.now();
const engine = await readTrackerDbEngine();
const readMs = performance.now() - started;
started = performance.now();
const trackerDb = await loadTrackerDbSource(engine);
const loadMs = performance.now() - started;
const after = memory();

// 2. Hosts: a third each known to the built-in map, known only to trackerdb, and unknown.
const builtinDomains = listOrganizations().flatMap((o) => [...o.domains, ...(o.services ?? []).flatMap((s) => s.domains)]);
const packageDir = join(dirname(createRequire(import.meta.url).resolve('@ghostery/trackerdb')), '..');
const exported = JSON.parse(await readFile(join(packageDir, 'trackerdb.json'), 'utf8')) as { domains: object };
const builtinOnly = createClassifier({ siteDomains: [] });
const trackerDbOnlyDomains = Object.keys(exported.domains).filter((d) => builtinOnly.classify(d).source === 'none');
const pick = (list: readonly string[], i: number) => list[(i * 7919) % list.length]!;
const hosts: string[] = [];
for (let i = 0; i < HOSTS_PER_KIND; i++) {
  hosts.push(`h${i}.${pick(builtinDomains, i)}`, `h${i}.${pick(trackerDbOnlyDomains, i)}`, `h${i}.site${i % 977}.example`);
}

/** Best round; `seen` first classifies every host once, untimed, so only cache hits are timed. */
function nsPerHost(makeClassifier: () => Classifier, seen: boolean): number {
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const classifier = makeClassifier();
    if (seen) for (const host of hosts) classifier.classify(host);
    const t0 = performance.now();
    for (const host of hosts) classifier.classify(host);
    timings.push(((performance.now() - t0) * 1e6) / hosts.length);
  }
  return Math.min(...timings);
}

const withoutDb = () => createClassifier({ siteDomains: ['example.com'] });
const withDb = () => createClassifier({ siteDomains: ['example.com'], trackerDb });
nsPerHost(withDb, false); // warm up the JIT on both paths before measuring
const cold = { builtin: nsPerHost(withoutDb, false), trackerdb: nsPerHost(withDb, false) };
const warm = { builtin: nsPerHost(withoutDb, true), trackerdb: nsPerHost(withDb, true) };

const found = (c: Classifier) => hosts.filter((h) => c.classify(h).source !== 'none').length;
console.log(`trackerdb engine: ${mb(trackerDb.engineBytes)} (${trackerDb.engineBytes} bytes)`);
console.log(`trackerdb load: read ${readMs.toFixed(0)} ms + import & deserialize ${loadMs.toFixed(0)} ms`);
console.log(
  `trackerdb heap growth after GC: JS heap +${mb(after.heapUsed - before.heapUsed)}, ` +
    `external/ArrayBuffers +${mb(after.external - before.external)}`,
);
console.log(`hosts: ${hosts.length} distinct (built-in known / trackerdb-only / unknown, a third each)`);
console.log(`attributed: builtin only ${found(withoutDb())}, with trackerdb ${found(withDb())}`);
for (const [label, timing] of [['first sight (cache miss)', cold], ['repeated host (cache hit)', warm]] as const) {
  console.log(
    `classify, ${label}: builtin only ${timing.builtin.toFixed(0)} ns/host, ` +
      `with trackerdb ${timing.trackerdb.toFixed(0)} ns/host, ratio ${(timing.trackerdb / timing.builtin).toFixed(2)}×`,
  );
}
