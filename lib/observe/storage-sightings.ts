/** Sightings remembered at once; the oldest is forgotten first. */
const SIGHTINGS_REMEMBERED = 10_000;

/**
 * A database, cache or service worker: the browser keeps one per storage partition (the top-level
 * site), frame origin and name (a service worker: its script), shared by every tab of that site.
 */
export interface StoredItem {
  topSite: string;
  origin: string;
  area: string;
  name: string;
}

/**
 * Tells a page's own databases, caches and service workers from those another open tab of the same
 * site made. A page finds them two ways: its hooks see its scripts open or register them, and its
 * reads of the storage find ones that were not there when it started. Two tabs of one site share
 * that storage, so a read in one tab also finds what the other tab's page made meanwhile. What a
 * tab only found by reading is the other tab's when the other tab's page was seen opening it (by
 * its hook), whichever of the two reports reached the worker first. Kept in memory: after a worker
 * restart, a read of an item opened before the restart is kept.
 */
export class StorageSightings {
  /** Per item: the tabs whose page was seen opening it. */
  private readonly openers = new Map<string, Set<number>>();
  /** Per item: the observations of tabs that only found it by reading, by tab. */
  private readonly foundOnly = new Map<string, Map<number, string>>();

  /** A read in `tabId` found the item: false when another tab's page was seen opening it. */
  admitRead(item: StoredItem, tabId: number, observationId: string): boolean {
    const key = keyOf(item);
    const openers = this.openers.get(key);
    if (openers?.has(tabId)) return true;
    if (openers && openers.size > 0) return false;
    const found = this.foundOnly.get(key) ?? new Map<number, string>();
    found.set(tabId, observationId);
    this.remember(this.foundOnly, key, found);
    return true;
  }

  /**
   * A hook in `tabId` saw its page open the item. Returns the observations of other tabs that only
   * found it by reading: this tab's doing seen from elsewhere, to be taken back.
   */
  noteOpened(item: StoredItem, tabId: number): string[] {
    const key = keyOf(item);
    const openers = this.openers.get(key) ?? new Set<number>();
    openers.add(tabId);
    this.remember(this.openers, key, openers);
    const found = this.foundOnly.get(key);
    if (!found) return [];
    found.delete(tabId); // its own read: its hook now stands behind it
    const others = [...found.entries()].filter(([tab]) => !openers.has(tab)).map(([, id]) => id);
    this.foundOnly.delete(key);
    return others;
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > SIGHTINGS_REMEMBERED) map.delete(map.keys().next().value!);
  }
}

function keyOf(item: StoredItem): string {
  return `${item.topSite}\n${item.origin}\n${item.area}\n${item.name}`;
}
