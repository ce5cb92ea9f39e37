import type { WorkerCalls } from './extension-worker';
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

/** Observations per call when the record is read. */
const READ_CHUNK = 5_000;

/**
 * The longest any one call into the worker may take. Reading 100,000 observations takes seconds;
 * a worker that hangs never answers at all, and the run must end with an error
 * that says so instead of waiting for ever.
 */
const WORKER_ANSWER_MS = 120_000;

function answered<T>(call: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The extension's worker did not answer within ${ms / 1000} s when asked to ${what}.`)), ms);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/** The record being read, kept in the worker between the calls that fetch it chunk by chunk. */
interface ReadInProgress {
  auditorRecordRead?: Observation[];
}

/**
 * Everything recorded so far, cookie changes still settling included, after the pending batch was
 * written. Fetched as JSON text, a chunk at a time: returned as one value, a long crawl's 85,000
 * observations made Playwright's serialization hold 750 MB in the CLI and took 25-45 s.
 */
export async function readRecord(worker: WorkerCalls, timeoutMs = WORKER_ANSWER_MS): Promise<Observation[]> {
  // A worker restarted between two chunks has lost the record it was reading: start again, once.
  for (let attempt = 0; ; attempt++) {
    const total = await answered(
      worker.evaluate(async () => {
        const g = globalThis as unknown as AuditorGlobal & ReadInProgress;
        await g.auditor.cookies.settle();
        g.auditorRecordRead = await g.auditor.store.all();
        return g.auditorRecordRead.length;
      }),
      'read the record',
      timeoutMs,
    );
    const observations: Observation[] = [];
    for (let from = 0; from < total; from += READ_CHUNK) {
      const text = await answered(
        worker.evaluate(
          ({ from, size }) => {
            const g = globalThis as unknown as ReadInProgress;
            const chunk = g.auditorRecordRead ? JSON.stringify(g.auditorRecordRead.slice(from, from + size)) : undefined;
            if (!g.auditorRecordRead || from + size >= g.auditorRecordRead.length) delete g.auditorRecordRead;
            return chunk;
          },
          { from, size: READ_CHUNK },
        ),
        'read the record',
        timeoutMs,
      );
      if (text === undefined) break;
      for (const observation of JSON.parse(text) as Observation[]) observations.push(observation);
    }
    if (observations.length === total || attempt === 1) return observations;
  }
}

/** Drops everything recorded so far; cookie changes still settling are that traffic's too. */
export function clearRecord(worker: WorkerCalls, timeoutMs = WORKER_ANSWER_MS): Promise<void> {
  const cleared = worker.evaluate(async () => {
    const { auditor } = globalThis as unknown as AuditorGlobal;
    await auditor.cookies.settle();
    await auditor.store.clear();
  });
  return answered(cleared, 'clear the record', timeoutMs);
}

/**
 * Whether the record holds a document request of a page other than `ignoredOrigin`'s: proof that
 * the extension records (see warm-up.ts).
 * Answered in the worker, so a first page that flooded the record is not read back for a yes or no.
 */
export function recordsADocument(worker: WorkerCalls, ignoredOrigin: string, timeoutMs = WORKER_ANSWER_MS): Promise<boolean> {
  const found = worker.evaluate(async (ignored) => {
    const { auditor } = globalThis as unknown as AuditorGlobal;
    const all = await auditor.store.all();
    return all.some((o) => o.kind === 'request' && o.resourceType === 'main_frame' && !o.pageUrl.startsWith(ignored));
  }, ignoredOrigin);
  return answered(found, 'look for the first page in the record', timeoutMs);
}

/** Per page URL, how many of its reports the extension left out (the page flooded the record, or the database was full). */
export function cappedByPage(worker: WorkerCalls, timeoutMs = WORKER_ANSWER_MS): Promise<Record<string, number>> {
  const counts = worker.evaluate(() => (globalThis as unknown as AuditorGlobal).auditor.store.cappedByPage());
  return answered(counts, 'count what pages left out', timeoutMs);
}
