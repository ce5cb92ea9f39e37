import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Observation } from '../model/observation';
import { addCapped, deleteCappedBefore, forgetCapped, readCapped, writeCapped, type CappedDeltas, type CappedRecord } from './capped-counts';
import { StoreQuota, writeWithinLimits, type StoreLimits } from './store-limits';
import { HeldStates } from './held-states';

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
/** See ObservationStore.catchUp: at most this much of a burst is waiting in memory. */
const BURST_SPACING_MS = 50;
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

export interface ObservationStoreOptions {
  dbName?: string;
  /** Flush when this many observations are waiting… */
  batchSize?: number;
  /**
   * …or this long after the first one arrived. 0 (the default) writes at the end of the current
   * task, or, while a write is in flight, the moment it ends: a worker stopped between two events
   * then loses at most what arrived during one write.
   */
  flushDelayMs?: number;
  /** How long a state that will soon be replaced is held back (HeldStates); tests pass short ones. */
  holdMs?: number;
  /** What the database keeps (store-limits.ts); tests pass small ones. */
  limits?: StoreLimits;
  clock?: () => number;
}

export class ObservationStore {
  private readonly dbPromise: Promise<IDBPDatabase<AuditorDb>>;
  private pending = new Map<string, Observation>();
  private pendingCapped: CappedDeltas = new Map();
  private readonly quota: StoreQuota;
  private readonly clock: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private microtaskQueued = false;
  private flushing: Promise<void> = Promise.resolve();
  private readonly batchSize: number;
  private readonly flushDelayMs: number;

  constructor(options: ObservationStoreOptions = {}) {
    this.dbPromise = openAuditorDb(options.dbName);
    this.batchSize = options.batchSize ?? 100;
    this.flushDelayMs = options.flushDelayMs ?? 0;
    this.quota = new StoreQuota(options.limits);
    this.clock = options.clock ?? Date.now;
    this.held = new HeldStates((observations) => {
      for (const observation of observations) this.pending.set(observation.id, observation);
      this.schedule();
    }, options.holdMs);
  }

  private readonly held: HeldStates;

  /**
   * Tabs whose events are not the audit's: the tabs in which the extension reads a site's policy
   * for the user. What they load must not become the site's observations.
   */
  private readonly unrecordedTabs = new Set<number>();

  /** The user paused recording (options page): nothing new is kept until it is resumed. */
  paused = false;

  private epoch = 0;
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
   * Queues an observation; a later one with the same id (e.g. request completed) replaces it.
   * `soonReplaced`: a state that a later one will replace within moments (a request in flight);
   * it is held back a while (HeldStates) and written only if nothing replaced it.
   */
  add(observation: Observation, { soonReplaced = false } = {}): void {
    if (this.paused) return;
    if (observation.tabId !== undefined && this.unrecordedTabs.has(observation.tabId)) return;
    if (soonReplaced) {
      this.pending.delete(observation.id);
      this.held.hold(observation);
    } else {
      this.held.drop(observation.id);
      this.pending.set(observation.id, observation);
      this.schedule();
    }
    this.changed(observation.sessionId);
  }

  /**
   * Counts reports of a page that were left out (its frames' limits, the page budget): written
   * with the next batch, added to what the database holds for the page (its `capped`).
   */
  noteCapped(page: { pageUrl: string; sessionId?: string; tabId?: number }, count: number): void {
    if (this.paused || count <= 0) return;
    if (page.tabId !== undefined && this.unrecordedTabs.has(page.tabId)) return;
    addCapped(this.pendingCapped, page, count);
    this.changed(page.sessionId);
    this.schedule();
  }

  private changed(sessionId: string | undefined): void {
    if (sessionId !== undefined) this.sessionRevisions.set(sessionId, (this.sessionRevisions.get(sessionId) ?? 0) + 1);
    else this.epoch += 1;
  }

  private schedule(): void {
    if (this.pending.size >= this.batchSize) void this.writePending();
    else if (this.flushDelayMs === 0) {
      // While a write is in flight, what arrives waits for it and goes in the next one together
      // (it is written the moment that one ends): a transaction per event made IndexedDB most of
      // the worker's work during a burst of requests.
      if (this.writing === 0 && !this.microtaskQueued && this.timer === undefined) {
        this.microtaskQueued = true;
        queueMicrotask(() => {
          this.microtaskQueued = false;
          void this.writePending();
        });
      }
    } else this.timer ??= setTimeout(() => void this.writePending(), this.flushDelayMs);
  }

  /**
   * Resolves once everything added so far is on disk; with `includeHeld: false`, apart from the
   * states held back because they will soon be replaced (a writer that only needs its own
   * observations stored must not undo the holding).
   */
  flush({ includeHeld = true } = {}): Promise<void> {
    if (includeHeld) for (const observation of this.held.takeAll()) this.pending.set(observation.id, observation);
    return this.writePending();
  }

  private writePending(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    const capped = this.pendingCapped;
    this.pending = new Map();
    this.pendingCapped = new Map();
    // Started at once (IndexedDB runs read-write transactions on one store in the order they were
    // created, so batches still land in order); chained so that awaiting flush() covers earlier ones.
    const written = batch.length || capped.size ? this.writeThenCatchUp(batch, capped) : Promise.resolve();
    this.flushing = Promise.all([this.flushing, written]).then(() => undefined);
    return this.flushing;
  }

  private writing = 0;

  private lastWriteStarted = -Infinity;

  private async writeThenCatchUp(batch: Observation[], capped: CappedDeltas): Promise<void> {
    this.writing += 1;
    this.lastWriteStarted = performance.now();
    try {
      await this.write(batch, capped);
    } finally {
      this.writing -= 1;
      if (this.writing === 0 && (this.pending.size > 0 || this.pendingCapped.size > 0) && this.flushDelayMs === 0) this.catchUp();
    }
  }

  /**
   * What arrived during a write is written once BURST_SPACING_MS have passed since that write
   * began: in a burst, a transaction then carries dozens of observations instead of two or three.
   */
  private catchUp(): void {
    const wait = this.lastWriteStarted + BURST_SPACING_MS - performance.now();
    if (wait <= 0) void this.writePending();
    else this.timer ??= setTimeout(() => void this.writePending(), wait);
  }

  /** Observations that could not be stored even alone (a value the database cannot hold), with why. */
  readonly failedWrites: { id: string; error: string }[] = [];

  /**
   * Never rejects: one record the database refuses (an uncloneable value, a quota hit) fails its
   * whole transaction, so the batch is written again one record at a time and only what still
   * fails is left out, counted in `failedWrites`. A rejected write must not leave `flushing`
   * rejected, or every later flush, read and clear would fail until the worker restarts.
   */
  private async write(batch: Observation[], capped: CappedDeltas): Promise<void> {
    let refused: Observation[] = [];
    try {
      refused = await this.writeTogether(batch);
    } catch {
      for (const observation of batch) {
        try {
          refused.push(...(await this.writeTogether([observation])));
        } catch (error) {
          this.failed(observation.id, error);
        }
      }
    }
    // Refusals are counted once the transaction that judged them is done, so a retried batch cannot count them twice.
    for (const observation of refused) {
      if (!this.quota.refuse(observation)) continue;
      addCapped(capped, observation, 1);
      this.changed(observation.sessionId);
    }
    try {
      await writeCapped(await this.dbPromise, capped, this.clock());
    } catch (error) {
      this.failed('capped counts', error);
    }
  }

  private failed(id: string, error: unknown): void {
    if (this.failedWrites.length < 1_000) this.failedWrites.push({ id, error: String(error) });
  }

  /** Writes what fits the database's limits (store-limits.ts) and returns what was refused. */
  private async writeTogether(batch: Observation[]): Promise<Observation[]> {
    const db = await this.dbPromise;
    // Relaxed: the write is done once the operating system has it, not once it reached the disk
    // platter; a browser crash can lose it as it can lose what is still queued.
    const tx = db.transaction('observations', 'readwrite', { durability: 'relaxed' });
    // The puts go to the plain object store: the transaction's end says whether they all landed,
    // and a promise per put (idb's wrapper) was most of the worker's work in a burst of requests.
    const store = unwrap(tx.store);
    const refused = await writeWithinLimits(tx.store, this.quota, batch, (o) => store.put(o));
    // Ask for the commit now instead of when the event loop comes round: less time at risk.
    tx.commit?.();
    await tx.done;
    return refused;
  }

  async get(id: string): Promise<Observation | undefined> {
    return this.pending.get(id) ?? this.held.get(id) ?? (await this.dbPromise).get('observations', id);
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

  /** Removes one observation, pending or stored (e.g. a stand-in the real record replaced). */
  async delete(id: string): Promise<void> {
    this.pending.delete(id);
    this.held.drop(id);
    await this.flushing;
    await (await this.dbPromise).delete('observations', id);
    this.epoch += 1;
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
    if (removed > 0) this.quota.reset();
    return removed;
  }

  async clear(): Promise<void> {
    await this.flush();
    const db = await this.dbPromise;
    await Promise.all([db.clear('observations'), db.clear('capped')]);
    this.epoch += 1;
    this.quota.reset();
  }

  async close(): Promise<void> {
    await this.flush();
    (await this.dbPromise).close();
  }
}
