import type { Observation } from '../model/observation';

/**
 * What the extension's database keeps. The manifest asks for `unlimitedStorage` (a long crawl
 * must not hit the browser's quota), so without limits of our own a page making requests or
 * reports in a loop could fill the disk. Past a limit a new observation is counted against its
 * page (`capped`), never dropped silently; observations older than RETENTION_DAYS go anyway.
 */
export interface StoreLimits {
  /** Observations of one site session (a crawl of one site is one session). */
  session: number;
  /** Observations in the whole database. */
  database: number;
}

export const STORE_LIMITS: StoreLimits = { session: 100_000, database: 200_000 };

/**
 * Everything but network evidence (storage, script cookies, the browser's own reads, Resource
 * Timing stand-ins) stops at this share of each limit: what the browser's network stack saw
 * (requests, beacons, Set-Cookie cookies) keeps the rest.
 */
export const REPORTS_SHARE = 0.5;

/** URLs longer than this are stored cut, with their full length in `urlLength`. */
export const STORED_URL_LIMIT = 4_096;

export function isNetworkEvidence(observation: Observation): boolean {
  return observation.source === 'network';
}

/**
 * Pure: the observation as the database keeps it. A URL can be megabytes long (Chromium takes
 * 2 MB), and every observation of a page carries its URLs: `url` is cut with its length kept,
 * a frame's URL (context only) is cut without.
 */
export function boundForStorage(observation: Observation): Observation {
  const { url, frameUrl } = observation;
  if ((!url || url.length <= STORED_URL_LIMIT) && (!frameUrl || frameUrl.length <= STORED_URL_LIMIT)) return observation;
  const bounded = { ...observation };
  if (url && url.length > STORED_URL_LIMIT) {
    bounded.url = url.slice(0, STORED_URL_LIMIT);
    bounded.urlLength = observation.urlLength ?? url.length;
  }
  if (frameUrl && frameUrl.length > STORED_URL_LIMIT) bounded.frameUrl = frameUrl.slice(0, STORED_URL_LIMIT);
  return bounded;
}

/** Ids refused lately, so a request refused when it starts and again when it ends counts once. */
const REFUSALS_REMEMBERED = 10_000;

/**
 * Counts of what the database holds, per site session and in all, so that deciding about an
 * observation costs O(1). They start from the database's own count the first time a worker
 * writes a session (and after deletions), then grow with each id this worker stores for the
 * first time. An id an earlier worker stored and this one stores again counts twice: the counts
 * err on the side of keeping less, never more.
 */
export class StoreQuota {
  private total: number | undefined;
  private readonly sessions = new Map<string, number>();
  /** Ids this worker stored: storing one again is an update, which takes no room. */
  private readonly known = new Set<string>();
  private readonly refused = new Set<string>();

  constructor(private readonly limits: StoreLimits = STORE_LIMITS) {}

  /** What must be counted in the database before `batch` can be judged. */
  toCount(batch: readonly Observation[]): { total: boolean; sessions: string[] } {
    const sessions = new Set<string>();
    for (const o of batch) if (!this.sessions.has(sessionOf(o))) sessions.add(sessionOf(o));
    return { total: this.total === undefined, sessions: [...sessions] };
  }

  counted(total: number | undefined, sessions: readonly [string, number][]): void {
    if (total !== undefined) this.total = total;
    for (const [session, count] of sessions) this.sessions.set(session, count);
  }

  /**
   * `store`: it fits, and is counted. `if-stored`: it is over its limit, and may only replace an
   * observation already in the database (a request that started before the limit was reached).
   */
  judge(observation: Observation): 'store' | 'if-stored' {
    if (this.known.has(observation.id)) return 'store';
    const share = isNetworkEvidence(observation) ? 1 : REPORTS_SHARE;
    const session = sessionOf(observation);
    const inSession = this.sessions.get(session) ?? 0;
    const total = this.total ?? 0;
    if (total >= this.limits.database * share || inSession >= this.limits.session * share) return 'if-stored';
    this.known.add(observation.id);
    this.total = total + 1;
    this.sessions.set(session, inSession + 1);
    return 'store';
  }

  /** An observation over the limit turned out to be in the database: storing it again is an update. */
  storedBefore(observation: Observation): void {
    this.known.add(observation.id);
  }

  /** Whether a refusal is news: true the first time an id is refused lately. */
  refuse(observation: Observation): boolean {
    if (this.refused.has(observation.id)) return false;
    this.refused.add(observation.id);
    if (this.refused.size > REFUSALS_REMEMBERED) this.refused.delete(this.refused.values().next().value!);
    return true;
  }

  /** The database lost observations (deleted, cleared): count again before the next write. */
  reset(): void {
    this.total = undefined;
    this.sessions.clear();
    this.known.clear();
  }
}

function sessionOf(observation: Observation): string {
  return observation.sessionId ?? '';
}

/** The reads of an IndexedDB object store (idb's wrapper) that writing within the limits uses. */
interface ObservationTable {
  count(): Promise<number>;
  index(name: 'bySession'): { count(key: string): Promise<number> };
  getKey(id: string): Promise<unknown>;
}

/**
 * Hands `put` what fits the limits (inside the caller's transaction) and returns what was
 * refused: new observations past a limit. One past it that the database already holds is an
 * update (a request that ends) and is written; only for those is the database asked whether it
 * holds the id, so a batch within the limits costs no read.
 */
export async function writeWithinLimits(
  table: ObservationTable,
  quota: StoreQuota,
  batch: readonly Observation[],
  put: (observation: Observation) => void,
): Promise<Observation[]> {
  const toCount = quota.toCount(batch);
  if (toCount.total || toCount.sessions.length > 0) {
    const [total, ...sessions] = await Promise.all([
      toCount.total ? table.count() : undefined,
      ...toCount.sessions.map((s) => table.index('bySession').count(s)),
    ]);
    quota.counted(total, toCount.sessions.map((s, i): [string, number] => [s, sessions[i]!]));
  }
  const over = batch.filter((o) => quota.judge(o) === 'if-stored');
  const stored = over.length ? await Promise.all(over.map((o) => table.getKey(o.id))) : [];
  const refused = new Set(over.filter((_, i) => stored[i] === undefined));
  for (const o of over) if (!refused.has(o)) quota.storedBefore(o);
  for (const o of batch) if (!refused.has(o)) put(boundForStorage(o));
  return [...refused];
}
