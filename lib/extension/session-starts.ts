import type { Observation } from '../model/observation';

/**
 * "New session": the reviewer wants to audit a site from a clean slate without deleting what was
 * recorded. We remember, per site, when its current session started, and a site's report only
 * uses observations from that moment on. A site session is: observations whose sessionId is the
 * site's registrable domain, at or after the recorded start (no start recorded = everything since
 * the extension was installed).
 */

/** The part of browser.storage.local we use; injected so tests need no browser. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const STORAGE_KEY = 'sessionStarts';

export class SessionStarts {
  constructor(private readonly area: KeyValueArea) {}

  private async all(): Promise<Record<string, number>> {
    const value = (await this.area.get(STORAGE_KEY))[STORAGE_KEY];
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  }

  async startOf(site: string): Promise<number | undefined> {
    return (await this.all())[site];
  }

  /** Starts a new session for the site now; returns its start time. */
  async startNew(site: string, now: number): Promise<number> {
    const starts = await this.all();
    starts[site] = now;
    await this.area.set({ [STORAGE_KEY]: starts });
    return now;
  }
}

/** The observations of the site's current session, oldest first. */
export function sessionObservations(
  observations: readonly Observation[],
  site: string,
  start: number | undefined,
): Observation[] {
  return observations
    .filter((o) => o.sessionId === site && (start === undefined || o.time >= start))
    .sort((a, b) => a.time - b.time);
}
