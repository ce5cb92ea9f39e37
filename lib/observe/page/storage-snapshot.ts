import type { PageEvent } from '../page-events';

type Area = 'localStorage' | 'sessionStorage';
export type WebStorageRead = Record<Area, Map<string, { size: number; preview: string }>>;

/** Reads both web storages of the frame; a storage the frame may not use reads as empty. */
export function readWebStorage(win: typeof globalThis): WebStorageRead {
  return { localStorage: readArea(() => win.localStorage), sessionStorage: readArea(() => win.sessionStorage) };
}

function readArea(get: () => Storage): Map<string, { size: number; preview: string }> {
  const entries = new Map<string, { size: number; preview: string }>();
  try {
    const storage = get();
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null) continue;
      const value = storage.getItem(key) ?? '';
      entries.set(key, { size: value.length, preview: value.slice(0, 32) });
    }
  } catch {
    // Sandboxed frames and blocked storage throw: nothing to read.
  }
  return entries;
}

/**
 * Remembers the last read and reports keys that are new or whose value size changed since: the
 * only way to see `localStorage.foo = 1`, which calls no hookable method.
 */
export class StorageSnapshot {
  constructor(private last: WebStorageRead = { localStorage: new Map(), sessionStorage: new Map() }) {}

  changes(current: WebStorageRead): PageEvent[] {
    const events: PageEvent[] = [];
    for (const area of ['localStorage', 'sessionStorage'] as const) {
      for (const [key, value] of current[area]) {
        const before = this.last[area].get(key);
        if (before && before.size === value.size && before.preview === value.preview) continue;
        events.push({ type: 'storage', via: 'read', area, key, valueSize: value.size, valuePreview: value.preview });
      }
    }
    this.last = current;
    return events;
  }

  /**
   * Another document of the origin (a second tab of the site) changed localStorage: the new value
   * is that page's write, not this one's, so the next read must not report it here.
   */
  acceptChangeFromElsewhere(area: Area, key: string | null, value: string | null): void {
    if (key === null) {
      this.last[area] = new Map();
      return;
    }
    if (value === null) this.last[area].delete(key);
    else this.last[area].set(key, { size: value.length, preview: value.slice(0, 32) });
  }
}
