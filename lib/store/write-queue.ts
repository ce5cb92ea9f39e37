import { unwrap, type IDBPDatabase } from 'idb';
import type { Observation } from '../model/observation';
import type { AuditorDb } from './observation-store';
import { addCapped, writeCapped, type CappedDeltas } from './capped-counts';
import { boundForStorage, writeWithinLimits, type StoreQuota } from './store-limits';

/**
 * See WriteQueue.catchUp: at most this much of a burst waits in memory. 200 ms rather than 50: the
 * worker is half as busy in a 2,000-request burst (a quarter of the transactions), and a request
 * lost with a stopped worker is still recovered from the page's Resource Timing.
 */
const BURST_SPACING_MS = 200;
/**
 * A request's start waits this long for its end before it is written: most requests end sooner,
 * and their end replaces the start in the queue, so a burst costs one put per request, not two.
 * A request still open by then (a hanging one) is written as started; any read writes it at once.
 */
const PROVISIONAL_WAIT_MS = 1_000;
/** Observations written lately that `get` answers without a read transaction (cookie merges ask). */
const RECENT_KEPT = 2_000;

export interface WriteQueueOptions {
  /** Write when this many observations are waiting… */
  batchSize?: number;
  /**
   * …or this long after the first one arrived. 0 (the default) writes at the end of the current
   * task, the writes of a burst at least BURST_SPACING_MS apart: a worker stopped between two
   * events then loses at most what arrived in the last of those intervals.
   */
  flushDelayMs?: number;
  /** How long a provisional observation waits for its replacement (PROVISIONAL_WAIT_MS). */
  provisionalWaitMs?: number;
}

/**
 * Observations on their way to IndexedDB: queued, written in batches (one transaction each, in
 * the order they were queued), within the database's limits. What the database refused is
 * counted on its page (`capped`); what it could not hold even alone is in `failedWrites`.
 */
export class WriteQueue {
  private readonly pending = new Map<string, Observation>();
  /** Queued observations that a later one will most likely replace (see add), with when they came. */
  private readonly provisional = new Map<string, number>();
  private provisionalTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingCapped: CappedDeltas = new Map();
  private readonly recent = new Map<string, Observation>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private microtaskQueued = false;
  private flushing: Promise<void> = Promise.resolve();
  private writing = 0;
  private lastWriteStarted = -Infinity;
  private readonly batchSize: number;
  private readonly flushDelayMs: number;
  private readonly provisionalWaitMs: number;

  /** Observations that could not be stored even alone (a value the database cannot hold), with why. */
  readonly failedWrites: { id: string; error: string }[] = [];

  constructor(
    private readonly db: Promise<IDBPDatabase<AuditorDb>>,
    private readonly quota: StoreQuota,
    private readonly clock: () => number,
    /** A session's stored observations changed after all (an observation was refused). */
    private readonly onRefused: (sessionId: string | undefined) => void,
    options: WriteQueueOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.flushDelayMs = options.flushDelayMs ?? 0;
    this.provisionalWaitMs = options.provisionalWaitMs ?? PROVISIONAL_WAIT_MS;
  }

  /**
   * Queues an observation. A provisional one (a request just started) is kept back from the
   * writes of a burst for a while (PROVISIONAL_WAIT_MS), in case its replacement comes first; `flush`
   * writes it anyway.
   */
  add(observation: Observation, provisional = false): void {
    this.pending.set(observation.id, observation);
    this.provisional.delete(observation.id);
    if (!provisional) return this.schedule();
    this.provisional.set(observation.id, performance.now());
    this.comeBackForProvisional(this.provisionalWaitMs);
  }

  addCapped(page: { pageUrl: string; sessionId?: string }, count: number): void {
    addCapped(this.pendingCapped, page, count);
    this.schedule();
  }

  /** The observation as last queued or written lately; undefined when the database must be asked. */
  latest(id: string): Observation | undefined {
    return this.pending.get(id) ?? this.recent.get(id);
  }

  /** Forgets an observation still queued (it is being deleted). */
  drop(id: string): void {
    this.pending.delete(id);
    this.provisional.delete(id);
    this.recent.delete(id);
  }

  /** The database lost observations (deleted, cleared): what was written lately may be gone. */
  forgetRecent(): void {
    this.recent.clear();
  }

  private schedule(): void {
    if (this.pending.size - this.provisional.size >= this.batchSize) void this.writeDue();
    else if (this.flushDelayMs === 0) {
      // While a write is in flight, what arrives waits for it, and writes are spaced (see
      // catchUp): a transaction per event made IndexedDB most of the worker's work in a burst.
      if (this.writing > 0 || this.microtaskQueued || this.timer !== undefined) return;
      if (performance.now() - this.lastWriteStarted < BURST_SPACING_MS) this.catchUp();
      else {
        this.microtaskQueued = true;
        queueMicrotask(() => {
          this.microtaskQueued = false;
          void this.writeDue();
        });
      }
    } else this.timer ??= setTimeout(() => void this.writeDue(), this.flushDelayMs);
  }

  /** Writes everything queued at once; resolves when it (and every earlier write) is on disk. */
  flush(): Promise<void> {
    return this.writeDue(() => true);
  }

  /**
   * Writes what is queued except provisional observations younger than their wait (unless `needed`
   * says one must be on disk now), and comes back for those once they are due. Resolves when what
   * it wrote is on disk.
   */
  writeDue(needed?: (observation: Observation) => boolean): Promise<void> {
    const now = performance.now();
    const due = new Map(this.pending);
    let oldestKeptBack: number | undefined;
    for (const [id, since] of this.provisional) {
      if (now - since >= this.provisionalWaitMs || needed?.(this.pending.get(id)!)) continue;
      due.delete(id);
      oldestKeptBack = Math.min(oldestKeptBack ?? since, since);
    }
    const written = this.writeQueued(due);
    if (oldestKeptBack !== undefined) this.comeBackForProvisional(oldestKeptBack + this.provisionalWaitMs - now);
    return written;
  }

  private comeBackForProvisional(delay: number): void {
    this.provisionalTimer ??= setTimeout(() => {
      this.provisionalTimer = undefined;
      void this.writeDue();
    }, delay);
  }

  private writeQueued(observations: Map<string, Observation>): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...observations.values()];
    const capped = this.pendingCapped;
    for (const id of observations.keys()) {
      this.pending.delete(id);
      this.provisional.delete(id);
    }
    this.pendingCapped = new Map();
    // Started at once (IndexedDB runs read-write transactions on one store in the order they were
    // created, so batches still land in order); chained so that awaiting flush() covers earlier ones.
    const written = batch.length || capped.size ? this.writeThenCatchUp(batch, capped) : Promise.resolve();
    this.flushing = Promise.all([this.flushing, written]).then(() => undefined);
    return this.flushing;
  }

  private async writeThenCatchUp(batch: Observation[], capped: CappedDeltas): Promise<void> {
    this.writing += 1;
    this.lastWriteStarted = performance.now();
    try {
      await this.write(batch, capped);
    } finally {
      this.writing -= 1;
      if (this.writing === 0 && (this.pending.size > this.provisional.size || this.pendingCapped.size > 0) && this.flushDelayMs === 0) this.catchUp();
    }
  }

  /**
   * What arrives during a write, or soon after it, is written once BURST_SPACING_MS have passed
   * since that write began: in a burst, a transaction then carries dozens of observations instead
   * of two or three. The first event after a quiet moment is written at once.
   */
  private catchUp(): void {
    const wait = this.lastWriteStarted + BURST_SPACING_MS - performance.now();
    if (wait <= 0) void this.writeDue();
    else this.timer ??= setTimeout(() => void this.writeDue(), wait);
  }

  /**
   * Never rejects: one record the database refuses (an uncloneable value, a quota hit) fails its
   * whole transaction, so the batch is written again one record at a time and only what still
   * fails is left out, counted in `failedWrites`. A rejected write must not leave `flushing`
   * rejected, or every later flush, read and clear would fail until the worker restarts.
   */
  private async write(batch: Observation[], capped: CappedDeltas): Promise<void> {
    let refused: Observation[] = [];
    let landed = batch;
    try {
      refused = await this.writeTogether(batch);
    } catch {
      landed = [];
      for (const observation of batch) {
        try {
          refused.push(...(await this.writeTogether([observation])));
          landed.push(observation);
        } catch (error) {
          this.failed(observation.id, error);
        }
      }
    }
    this.remember(landed, refused);
    // Refusals are counted once the transaction that judged them is done, so a retried batch cannot count them twice.
    for (const observation of refused) {
      if (!this.quota.refuse(observation)) continue;
      addCapped(capped, observation, 1);
      this.onRefused(observation.sessionId);
    }
    try {
      await writeCapped(await this.db, capped, this.clock());
    } catch (error) {
      this.failed('capped counts', error);
    }
  }

  private remember(landed: Observation[], refused: Observation[]): void {
    const left = new Set(refused);
    for (const observation of landed) {
      if (left.has(observation)) continue;
      this.recent.delete(observation.id);
      this.recent.set(observation.id, boundForStorage(observation));
    }
    for (const id of this.recent.keys()) {
      if (this.recent.size <= RECENT_KEPT) break;
      this.recent.delete(id);
    }
  }

  private failed(id: string, error: unknown): void {
    if (this.failedWrites.length < 1_000) this.failedWrites.push({ id, error: String(error) });
  }

  /** Writes what fits the database's limits (store-limits.ts) and returns what was refused. */
  private async writeTogether(batch: Observation[]): Promise<Observation[]> {
    const db = await this.db;
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
}
