import type { Observation } from '../model/observation';
import { resourceObservation, type ResourceEntry } from './resource-timing';

interface Store {
  add(observation: Observation): void;
  delete(id: string): Promise<void>;
  byTab(tabId: number): Promise<Observation[]>;
}

interface Ledger {
  /** Ids of the requests the network listener recorded, per URL (a Set: events repeat per request). */
  recorded: Map<string, Set<string>>;
  /** Resource Timing entries already matched against them, per URL. */
  matched: Map<string, number>;
  /** Stand-ins made for entries nothing matched, per URL, until the real record turns up. */
  standIns: Map<string, string[]>;
  /** Entries handled by this worker: a batch sent again (its answer was lost) must not count twice. */
  entries: Set<string>;
}

/**
 * Cross-checks the network listener against the page's own Resource Timing, so a request the
 * listener missed (Chromium drops webRequest events while it restarts a stopped worker) is still
 * recorded. Each Resource Timing entry must be matched by one recorded request of the same page
 * and URL; an unmatched one gets a stand-in, which a late network record replaces.
 */
export class ResourceReconciler {
  private readonly ledgers = new Map<string, Promise<Ledger>>();

  constructor(private readonly store: Store) {}

  /** Called by the request collector for every new request observation. */
  async noteRequest(observation: Observation): Promise<void> {
    if (observation.tabId === undefined || !observation.url || observation.source !== 'network') return;
    const ledger = await this.ledger(observation.tabId, observation.pageUrl);
    const url = observation.url;
    const ids = ledger.recorded.get(url) ?? new Set<string>();
    if (ids.has(observation.id)) return;
    ids.add(observation.id);
    ledger.recorded.set(url, ids);
    const standIn = ledger.standIns.get(url)?.shift();
    if (standIn) {
      // The real record arrived late: it wins, and it matches the entry the stand-in was made for.
      ledger.matched.set(url, (ledger.matched.get(url) ?? 0) + 1);
      await this.store.delete(standIn);
    }
  }

  async reconcile(entries: ResourceEntry[], tabId: number, pageUrl: string): Promise<void> {
    const ledger = await this.ledger(tabId, pageUrl);
    for (const entry of entries) {
      const entryKey = `${entry.url} ${entry.startTime} ${entry.initiatorType}`;
      if (ledger.entries.has(entryKey)) continue;
      ledger.entries.add(entryKey);
      const matched = ledger.matched.get(entry.url) ?? 0;
      if (matched < (ledger.recorded.get(entry.url)?.size ?? 0)) {
        ledger.matched.set(entry.url, matched + 1);
        continue;
      }
      const observation = resourceObservation(entry, pageUrl, tabId);
      ledger.standIns.set(entry.url, [...(ledger.standIns.get(entry.url) ?? []), observation.id]);
      this.store.add(observation);
    }
  }

  /**
   * A worker stopped between writing a late network record and deleting the stand-in it replaces
   * leaves both behind: the next worker finishes the job.
   */
  private async dropReplacedStandIns(ledger: Ledger): Promise<Ledger> {
    for (const [url, standIns] of ledger.standIns) {
      const replaced = standIns.splice(0, Math.min(standIns.length, ledger.recorded.get(url)?.size ?? 0));
      for (const id of replaced) await this.store.delete(id);
    }
    return ledger;
  }

  forgetTab(tabId: number): void {
    for (const key of this.ledgers.keys()) if (key.startsWith(`${tabId} `)) this.ledgers.delete(key);
  }

  /** A restarted worker rebuilds the ledger of a page from what the store already holds. */
  private ledger(tabId: number, pageUrl: string): Promise<Ledger> {
    const key = `${tabId} ${pageUrl}`;
    let ledger = this.ledgers.get(key);
    if (!ledger) {
      ledger = this.store.byTab(tabId).then((stored) => {
        const fresh: Ledger = { recorded: new Map(), matched: new Map(), standIns: new Map(), entries: new Set() };
        for (const o of stored) {
          if (o.pageUrl !== pageUrl || !o.url || (o.kind !== 'request' && o.kind !== 'beacon' && o.kind !== 'flash')) continue;
          if (o.source === 'network') fresh.recorded.set(o.url, (fresh.recorded.get(o.url) ?? new Set()).add(o.id));
          else if (o.id.startsWith('req-rt-')) fresh.standIns.set(o.url, [...(fresh.standIns.get(o.url) ?? []), o.id]);
        }
        return this.dropReplacedStandIns(fresh);
      });
      this.ledgers.set(key, ledger);
    }
    return ledger;
  }
}
