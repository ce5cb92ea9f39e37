import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadTrackerDbSource, type TrackerDbSource } from './trackerdb-source';

/** Environment switch for the CLI and headless runs: AUDITOR_TRACKERDB=off leaves trackerdb out. */
export const TRACKERDB_SWITCH = 'AUDITOR_TRACKERDB';

const OFF_VALUES = new Set(['off', '0', 'false', 'no', 'disabled']);

export function isTrackerDbEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[TRACKERDB_SWITCH]?.trim().toLowerCase();
  return value === undefined || !OFF_VALUES.has(value);
}

/** The serialized engine shipped inside the package (its "exports" expose only the code). */
export async function readTrackerDbEngine(): Promise<Uint8Array> {
  const entry = createRequire(import.meta.url).resolve('@ghostery/trackerdb');
  // entry is dist/cjs/index.js; the engine sits in dist/.
  return readFile(join(dirname(entry), '..', 'trackerdb.engine'));
}

/**
 * The trackerdb source for a Node process, or false when the switch turns it off; pass the result
 * straight to createClassifier({ trackerDb }).
 */
export async function loadTrackerDbForNode(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<TrackerDbSource | false> {
  if (!isTrackerDbEnabled(env)) return false;
  return loadTrackerDbSource(await readTrackerDbEngine());
}
