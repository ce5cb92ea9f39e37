import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Observation } from '../model/observation';
import { deleteCappedBefore, forgetCapped, readCapped, type CappedRecord } from './capped-counts';
import { StoreQuota, type StoreLimits } from './store-limits';
import { WriteQueue, type WriteQueueOptions } from './write-queue';
import { ChangeLog } from './change-log';

/**
 * IndexedDB persistence for observations. An MV3 service worker can be stopped at any moment, so
 * observations are written as they arrive (in small batches), never kept only in memory.
 * Writes are `put` by id: replaying a batch after a restart cannot duplicate anything.
 */
export interface AuditorDb extends DBSchema {
  observations: {
    key: string;
    value: Observation;
    indexes: { byTab: number; bySession: string; byTime: number };
  };
  /** Reports left out per page (capped-counts.ts). */
  capped: {
    key: string;
    value: CappedRecord;
    indexes: { bySession: string };
  };
}

export const DB_NAME = 'policy-tracker-auditor';
const DB_VERSION = 2;

export function openAuditorDb(name = DB_NAME): Promise<IDBPDatabase<AuditorDb>> {
  return openDB<AuditorDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const observations = db.createObjectStore('observations', { keyPath: 'id' });
        observations.createIndex('byTab', 'tabId');
        observations.createIndex('bySession', 'sessionId');
        observations.createIndex('byTime', 'time');
      }
      if (oldVersion < 2) db.createObjectStore('capped', { keyPath: 'key' }).createIndex('bySession', 'sessionId');
    },
  });
}

export interface ObservationStoreOptions extends WriteQueueOptions {
  dbName?: string;
  /** What the database keeps (store-limits.ts); tests pass small ones. */
  limits?: StoreLimits;
  clock?: () => number;
}

export class ObservationStore {
  private readonly dbPromise: Promise<IDBPDatabase<AuditorDb>>;
  private readonly quota: StoreQuota;
  private readonly queue: WriteQueue;

  constructor(options: ObservationStoreOptions = {}) {
    this.dbPromise = openAuditorDb(options.dbName);
    this.quota = new StoreQuota(options.limits);
    this.queue = new WriteQueue(this.dbPromise, this.quota, options.clock ?? Date.now, (sessionId) => this.refused(sessionId), options);
  }

  /** Observations that could not be stored even alone (a value the database cannot hold), with why. */
  get failedWrites(): readonly { id: string; error: string }[] {
    return this.queue.failedWrites;
  }

  /**
   * Tabs whose events are not the audit's: the tabs in which the extension reads a site's policy
   * for the user. What they load must not become the site's observations.
   */
  private readonly unrecordedTabs = new Set<number>();

  /** The user paused recording (options page): nothing new is kept until it is resumed. */
  paused = false;

  private epoch = 0;
  /** Which observations of a watched session changed (see ChangeLog): read by the badge's count. */
  readonly changes = new ChangeLog();
  private readonly sessionRevisions = new Map<string, number>();

  /**
   * Changes whenever what `bySession(sessionId)` returns may have changed: a report built for the
   * session can be kept until then.
   */
  revisionOf(sessionId: string): string {
    return `${this.epoch}.${this.sessionRevisions.get(sessionId) ?? 0}`;
  }

  setTabRecorded(tabId: number, recorded: boolean): void {
    if (recorded) this.unrecordedTabs.delete(tabId);
    else this.unrecordedTabs.add(tabId);
  }

  /**
   * Queues an observation; a later one with the same id (e.g. request completed) replaces it. A
   * provisional one (a request just started) most likely will be, and waits a little for that.
   */
  add(observation: Observation, provisional = false): void {
    if (this.paused) return;
    if (observation.tabId !== undefined && this.unrecordedTabs.has(observation.tabId)) return;
    this.queue.add(observation, provisional);
    this.changed(observation.sessionId);
    this.changes.noteChanged(observation.sessionId, observation.id);
  }

  /**
   * Counts reports of a page that were left out (its frames' limits, the page budget): written
   * with the next batch, added to what the database holds for the page (its `capped`).
   */
  noteCapped(page: { pageUrl: string; sessionId?: string; tabId?: number }, count: number): void {
    if (this.paused || count <= 0) return;
    if (page.tabId !== undefined && this.unrecordedTabs.has(page.tabId)) return;
    this.queue.addCapped(page, count);
    this.changed(page.sessionId);
  }

  /** An observation the database refused (its limits) was logged as stored: the log is wrong now. */
  private refused(sessionId: string | undefined): void {
    this.changed(sessionId);
    if (sessionId === undefined) this.changes.forgetAll();
    else this.changes.forget(sessionId);
  }

  private changed(sessionId: string | undefined): void {
    if (sessionId !== undefined) this.sessionRevisions.set(sessionId, (this.sessionRevisions.get(sessionId) ?? 0) + 1);
    else this.epoch += 1;
  }

  /** Resolves once everything added so far is on disk. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /**
   * Resolves once everything added so far is on disk, except requests' starts still waiting for
   * their end (`add`'s provisional) whose URL is not among `urls`: for a writer that needs its own
   * observations stored, and those it relies on, not a reader.
   */
  flushSettled(urls: ReadonlySet<string> = new Set()): Promise<void> {
    return this.queue.writeDue((o) => o.url !== undefined && urls.has(o.url));
  }

  async get(id: string): Promise<Observation | undefined> {
    return this.queue.latest(id) ?? (await this.dbPromise).get('observations', id);
  }

  /** Everything stored, oldest first, after flushing what is pending. */
  async all(): Promise<Observation[]> {
    await this.flush();
    return (await this.dbPromise).getAllFromIndex('observations', 'byTime');
  }

  async bySession(sessionId: string): Promise<Observation[]> {
    await this.flush();
    return (await this.dbPromise).getAllFromIndex('observations', 'bySession', sessionId);
  }

  async byTab(tabId: number): Promise<Observation[]> {
    await this.flush();
    return (await this.dbPromise).getAllFromIndex('observations', 'byTab', tabId);
  }

  /** Reports left out per page URL (the pages' `capped`): of one site session, or of all. */
  async cappedByPage(sessionId?: string): Promise<Record<string, number>> {
    await this.flush();
    return readCapped(await this.dbPromise, sessionId);
  }

  /** A new session of the site starts: what its pages left out before is no longer its. */
  async forgetCapped(sessionId: string): Promise<void> {
    await this.flush();
    await forgetCapped(await this.dbPromise, sessionId);
    this.changed(sessionId);
  }

  async count(): Promise<number> {
    await this.flush();
    return (await this.dbPromise).count('observations');
  }

  /**
   * Removes one observation, pending or stored (e.g. a stand-in the real record replaced). What is
   * queued is written first: the record that replaces it must be on disk before it goes.
   */
  async delete(id: string): Promise<void> {
    this.queue.drop(id);
    await this.queue.flush();
    this.queue.drop(id); // a write that was under way remembered it again
    await (await this.dbPromise).delete('observations', id);
    this.epoch += 1;
    this.changes.noteDeleted(id);
  }

  /** Removes what was recorded before `time` (ms since the epoch): the retention limit. Returns how many. */
  async deleteBefore(time: number): Promise<number> {
    await this.flush();
    const db = await this.dbPromise;
    const tx = db.transaction(['observations', 'capped'], 'readwrite');
    const observations = tx.objectStore('observations');
    let removed = 0;
    for (let cursor = await observations.index('byTime').openCursor(IDBKeyRange.upperBound(time, true)); cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      removed += 1;
    }
    await deleteCappedBefore(tx.objectStore('capped'), time);
    await tx.done;
    this.epoch += 1;
    this.changes.forgetAll();
    if (removed > 0) {
      this.quota.reset();
      this.queue.forgetRecent();
    }
    return removed;
  }

  async clear(): Promise<void> {
    await this.flush();
    const db = await this.dbPromise;
    await Promise.all([db.clear('observations'), db.clear('capped')]);
    this.epoch += 1;
    this.changes.forgetAll();
    this.quota.reset();
    this.queue.forgetRecent();
  }

  async close(): Promise<void> {
    await this.flush();
    (await this.dbPromise).close();
  }
}
