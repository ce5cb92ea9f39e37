import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { AuditorDb } from './observation-store';

/**
 * How many reports of a page were left out, kept beside its observations: by the frames' limits,
 * the per-page budget, or the database's limits (store-limits.ts). One count per site session and
 * page URL, which the report shows as the page's `capped`. A worker is stopped and started many
 * times while a site is browsed, so the count lives in the database, not in the worker.
 */
export interface CappedRecord {
  /** `<session>\n<page URL>` */
  key: string;
  sessionId: string;
  pageUrl: string;
  count: number;
  /** When the count last grew (ms since the epoch): the retention limit applies to it too. */
  time: number;
}

export type CappedDeltas = Map<string, Omit<CappedRecord, 'key' | 'time'>>;

export function addCapped(deltas: CappedDeltas, page: { pageUrl: string; sessionId?: string }, count: number): void {
  const sessionId = page.sessionId ?? '';
  const key = `${sessionId}\n${page.pageUrl}`;
  const delta = deltas.get(key);
  if (delta) delta.count += count;
  else deltas.set(key, { sessionId, pageUrl: page.pageUrl, count });
}

/** Adds the deltas to the stored counts, in one transaction. */
export async function writeCapped(db: IDBPDatabase<AuditorDb>, deltas: CappedDeltas, time: number): Promise<void> {
  if (deltas.size === 0) return;
  const tx = db.transaction('capped', 'readwrite', { durability: 'relaxed' });
  const keys = [...deltas.keys()];
  const stored = await Promise.all(keys.map((key) => tx.store.get(key)));
  const writes = keys.map((key, i) => {
    const delta = deltas.get(key)!;
    return tx.store.put({ key, ...delta, count: (stored[i]?.count ?? 0) + delta.count, time });
  });
  tx.commit?.();
  await Promise.all([...writes, tx.done]);
}

/** Reports left out per page URL: of one site session, or of all. */
export async function readCapped(db: IDBPDatabase<AuditorDb>, sessionId?: string): Promise<Record<string, number>> {
  const records = sessionId === undefined ? await db.getAll('capped') : await db.getAllFromIndex('capped', 'bySession', sessionId);
  const byPage: Record<string, number> = {};
  for (const record of records) byPage[record.pageUrl] = (byPage[record.pageUrl] ?? 0) + record.count;
  return byPage;
}

/** Drops the counts of a site session (a new session starts from nothing left out). */
export async function forgetCapped(db: IDBPDatabase<AuditorDb>, sessionId: string): Promise<void> {
  const tx = db.transaction('capped', 'readwrite');
  const keys = await tx.store.index('bySession').getAllKeys(sessionId);
  await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
}

/** Drops counts that last grew before `time`, as observations that old are dropped. */
export async function deleteCappedBefore(store: IDBPObjectStore<AuditorDb, ['observations', 'capped'], 'capped', 'readwrite'>, time: number): Promise<void> {
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.time < time) await cursor.delete();
  }
}
