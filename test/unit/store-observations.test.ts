import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ObservationStore } from '../../lib/store/observation-store';
import type { Observation } from '../../lib/model/observation';

let dbCounter = 0;
const freshName = () => `test-db-${++dbCounter}`;

function obs(id: string, time: number, extra: Partial<Observation> = {}): Observation {
  return {
    id,
    kind: 'request',
    pageUrl: 'https://site.test/',
    host: 'tracker.test',
    party: 'third',
    time,
    source: 'network',
    ...extra,
  };
}

describe('ObservationStore', () => {
  it('persists observations so a new store on the same database (a restarted worker) sees them', async () => {
    const name = freshName();
    const first = new ObservationStore({ dbName: name });
    first.add(obs('a', 2));
    first.add(obs('b', 1));
    await first.close();

    const second = new ObservationStore({ dbName: name });
    expect((await second.all()).map((o) => o.id)).toEqual(['b', 'a']);
  });

  it('writes a batch on its own once the delay passes, without an explicit flush', async () => {
    const name = freshName();
    const store = new ObservationStore({ dbName: name, flushDelayMs: 5 });
    store.add(obs('late', 1));
    await new Promise((r) => setTimeout(r, 50));
    const reader = new ObservationStore({ dbName: name });
    expect(await reader.count()).toBe(1);
  });

  it('never duplicates: the same id added twice, or replayed after a flush, is one record', async () => {
    const store = new ObservationStore({ dbName: freshName() });
    store.add(obs('x', 1, { statusCode: undefined }));
    store.add(obs('x', 1, { statusCode: 200 }));
    await store.flush();
    store.add(obs('x', 1, { statusCode: 200 }));
    const all = await store.all();
    expect(all).toHaveLength(1);
    expect(all[0]!.statusCode).toBe(200);
  });

  it('flushes when the batch is full and finds records by tab and session', async () => {
    const store = new ObservationStore({ dbName: freshName(), batchSize: 3, flushDelayMs: 60_000 });
    for (let i = 0; i < 7; i++) store.add(obs(`o${i}`, i, { tabId: i % 2, sessionId: i < 4 ? 's1' : 's2' }));
    expect((await store.byTab(1)).map((o) => o.id)).toEqual(['o1', 'o3', 'o5']);
    expect(await store.bySession('s2')).toHaveLength(3);
    await store.clear();
    expect(await store.count()).toBe(0);
  });

  it('keeps working after a write the database refuses: the rest of the batch lands, the refusal is counted', async () => {
    const store = new ObservationStore({ dbName: freshName() });
    store.add(obs('good-1', 1));
    // A function cannot be stored in IndexedDB: putting it throws a DataCloneError.
    store.add(obs('bad', 2, { name: (() => 'x') as unknown as string }));
    store.add(obs('good-2', 3));
    await expect(store.flush()).resolves.toBeUndefined();
    expect((await store.all()).map((o) => o.id)).toEqual(['good-1', 'good-2']);
    expect(store.failedWrites.map((f) => f.id)).toEqual(['bad']);
    expect(store.failedWrites[0]!.error).toMatch(/clone/i);

    store.add(obs('later', 4));
    await store.clear();
    store.add(obs('after-clear', 5));
    expect((await store.all()).map((o) => o.id)).toEqual(['after-clear']);
  });

  it('records nothing while paused, and deletes what is older than the retention limit', async () => {
    const store = new ObservationStore({ dbName: freshName() });
    store.add(obs('old', 1_000));
    store.add(obs('recent', 9_000));
    store.paused = true;
    store.add(obs('while-paused', 9_500));
    store.paused = false;
    store.add(obs('after', 9_800));
    expect(await store.deleteBefore(5_000)).toBe(1);
    expect((await store.all()).map((o) => o.id)).toEqual(['recent', 'after']);
  });
});

describe('ObservationStore in a burst', () => {
  it('writes what arrives during a write together, at most one transaction per spacing interval', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const store = new ObservationStore({ dbName: freshName(), batchSize: 1_000 });
      await store.count(); // the database is open
      transaction.mockClear();
      const started = performance.now();
      for (let i = 0; i < 300; i++) {
        store.add(obs(`b${i}`, i));
        await new Promise((r) => setTimeout(r, 1));
      }
      await store.flush();
      const elapsed = performance.now() - started;
      const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
      expect(writes).toBeGreaterThan(1);
      expect(writes).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
      expect(await store.count()).toBe(300);
    } finally {
      transaction.mockRestore();
    }
  });

  it("writes a request's start only if its end has not replaced it within the wait: one put per request", async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      const name = freshName();
      const store = new ObservationStore({ dbName: name, provisionalWaitMs: 200 });
      await store.count();
      put.mockClear();
      store.add(obs('quick', 1), true);
      store.add(obs('cookie', 2, { kind: 'cookie', name: 'uid' }));
      await new Promise((r) => setTimeout(r, 50));
      const reader = new ObservationStore({ dbName: name });
      expect((await reader.all()).map((o) => o.id)).toEqual(['cookie']); // written at once; the start waits
      store.add(obs('quick', 1, { statusCode: 200 }));
      store.add(obs('hanging', 3), true);
      await new Promise((r) => setTimeout(r, 400)); // past the wait: the hanging start is written on its own
      expect((await reader.all()).map((o) => [o.id, o.statusCode])).toEqual([['quick', 200], ['cookie', undefined], ['hanging', undefined]]);
      expect(put.mock.calls.map(([o]) => (o as Observation).id).sort()).toEqual(['cookie', 'hanging', 'quick']);
    } finally {
      put.mockRestore();
    }
  });

  it("writes a waiting start when a writer relies on its URL (a page's Resource Timing matched it), and only then", async () => {
    const name = freshName();
    const store = new ObservationStore({ dbName: name, provisionalWaitMs: 60_000 });
    store.add(obs('matched', 1, { url: 'https://tracker.test/a' }), true);
    store.add(obs('other', 2, { url: 'https://tracker.test/b' }), true);
    await store.flushSettled();
    const reader = new ObservationStore({ dbName: name });
    expect(await reader.count()).toBe(0);
    await store.flushSettled(new Set(['https://tracker.test/a']));
    expect((await reader.all()).map((o) => o.id)).toEqual(['matched']);
  });

  it('writes a waiting start at once when anything is read', async () => {
    const store = new ObservationStore({ dbName: freshName(), provisionalWaitMs: 60_000 });
    store.add(obs('open', 1), true);
    expect((await store.all()).map((o) => o.id)).toEqual(['open']);
    expect(await store.get('open')).toMatchObject({ id: 'open' });
  });

  it('answers get() for what it wrote lately without a read transaction, and not once it is deleted', async () => {
    const store = new ObservationStore({ dbName: freshName() });
    store.add(obs('c', 1, { kind: 'cookie', name: 'uid' }));
    await store.flush();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      expect(await store.get('c')).toMatchObject({ name: 'uid' });
      expect(transaction).not.toHaveBeenCalled();
      await store.delete('c');
      expect(await store.get('c')).toBeUndefined();
    } finally {
      transaction.mockRestore();
    }
  });
});
