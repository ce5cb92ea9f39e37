import type { Worker } from 'playwright-core';
import type { Observation } from '../model/observation';

/**
 * What the CLI reads and clears in the extension's worker (entrypoints/background.ts exposes it as
 * `globalThis.auditor`). Functions run inside the worker: no helpers of ours are in scope there.
 */
interface AuditorGlobal {
  auditor: {
    store: { all(): Promise<Observation[]>; clear(): Promise<void>; cappedByPage(): Promise<Record<string, number>> };
    cookies: { settle(): Promise<void> };
  };
}

/** Everything recorded so far, cookie changes still settling included, after the pending batch was written. */
export function readRecord(worker: Worker): Promise<Observation[]> {
  return worker.evaluate(async () => {
    const { auditor } = globalThis as unknown as AuditorGlobal;
    await auditor.cookies.settle();
    return auditor.store.all();
  });
}

/** Drops everything recorded so far; cookie changes still settling are that traffic's too. */
export function clearRecord(worker: Worker): Promise<void> {
  return worker.evaluate(async () => {
    const { auditor } = globalThis as unknown as AuditorGlobal;
    await auditor.cookies.settle();
    await auditor.store.clear();
  });
}

/** Per page URL, how many of its reports the extension left out (the page flooded the record, or the database was full). */
export function cappedByPage(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(() => (globalThis as unknown as AuditorGlobal).auditor.store.cappedByPage());
}
