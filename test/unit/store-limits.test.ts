import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ObservationStore } from '../../lib/store/observation-store';
import { boundForStorage, StoreQuota, STORED_URL_LIMIT } from '../../lib/store/store-limits';
import type { Observation } from '../../lib/model/observation';

let dbCounter = 0;
const freshName = () => `limits-db-${++dbCounter}`;
const PAGE = 'https://www.site.test/';

function request(id: string, extra: Partial<Observation> = {}): Observation {
  return { id, kind: 'request', pageUrl: PAGE, host: 'tracker.test', party: 'third', time: 1, source: 'network', sessionId: 'site.test', ...extra };
}
const storage = (id: string, extra: Partial<Observation> = {}) => request(id, { kind: 'storage', source: 'page-hook', ...extra });

describe('StoreQuota', () => {
  it('keeps network evidence up to each limit and everything else up to half of it', () => {
    const quota = new StoreQuota({ session: 10, database: 100 });
    quota.counted(0, [['site.test', 0]]);
    const reports = Array.from({ length: 8 }, (_, i) => quota.judge(storage(`s${i}`)));
    expect(reports.filter((v) => v === 'store')).toHaveLength(5);
    const requests = Array.from({ length: 8 }, (_, i) => quota.judge(request(`r${i}`)));
    expect(requests.filter((v) => v === 'store')).toHaveLength(5);
    // Stored once, an id is an update from then on, whatever the counts.
    expect(quota.judge(storage('s0'))).toBe('store');
  });

  it('counts each site session apart, and the database as a whole', () => {
    const quota = new StoreQuota({ session: 4, database: 6 });
    quota.counted(0, [['a.test', 0], ['b.test', 0], ['c.test', 0]]);
    const judge = (session: string, n: number) => Array.from({ length: n }, (_, i) => quota.judge(request(`${session}${i}`, { sessionId: session })));
    expect(judge('a.test', 5).filter((v) => v === 'store')).toHaveLength(4);
    expect(judge('b.test', 5).filter((v) => v === 'store')).toHaveLength(2);
    expect(judge('c.test', 1)).toEqual(['if-stored']);
  });

  it('says what to count first: the database once, each session once', () => {
    const quota = new StoreQuota();
    expect(quota.toCount([request('a'), request('b', { sessionId: 'other.test' })])).toEqual({ total: true, sessions: ['site.test', 'other.test'] });
    quota.counted(3, [['site.test', 3]]);
    expect(quota.toCount([request('c')])).toEqual({ total: false, sessions: [] });
    quota.reset();
    expect(quota.toCount([request('c')])).toEqual({ total: true, sessions: ['site.test'] });
  });

  it('tells a refusal once per id', () => {
    const quota = new StoreQuota();
    expect([quota.refuse(request('x')), quota.refuse(request('x')), quota.refuse(request('y'))]).toEqual([true, false, true]);
  });
});

describe('boundForStorage', () => {
  it('cuts a long URL, keeping its length, and a long frame URL', () => {
    const url = `https://t.test/?${'q'.repeat(10_000)}`;
    const bounded = boundForStorage(request('a', { url, frameUrl: url }));
    expect(bounded.url).toHaveLength(STORED_URL_LIMIT);
    expect(bounded.urlLength).toBe(url.length);
    expect(bounded.frameUrl).toHaveLength(STORED_URL_LIMIT);
    const short = request('b', { url: 'https://t.test/' });
    expect(boundForStorage(short)).toBe(short);
  });
});

describe('ObservationStore within its limits', () => {
  it('stores up to the limits, counts what it refuses against its page, and keeps updating what it holds', async () => {
    const store = new ObservationStore({ dbName: freshName(), limits: { session: 4, database: 100 } });
    for (let i = 0; i < 5; i++) store.add(storage(`s${i}`));
    for (let i = 0; i < 5; i++) store.add(request(`r${i}`, { pageUrl: 'https://www.site.test/other' }));
    await store.flush();
    // Storage stops at half the session's limit; requests take the rest.
    expect((await store.all()).map((o) => o.id).sort()).toEqual(['r0', 'r1', 's0', 's1']);
    expect(await store.cappedByPage('site.test')).toEqual({ [PAGE]: 3, 'https://www.site.test/other': 3 });
    // A request that ends replaces its record: allowed past the limit. One refused again counts once.
    store.add(request('r0', { statusCode: 200, pageUrl: 'https://www.site.test/other' }));
    store.add(request('r4', { statusCode: 200, pageUrl: 'https://www.site.test/other' }));
    expect((await store.get('r0'))?.statusCode).toBe(200);
    expect(await store.cappedByPage()).toEqual({ [PAGE]: 3, 'https://www.site.test/other': 3 });
  });

  it('counts what a restarted worker finds in the database', async () => {
    const name = freshName();
    const first = new ObservationStore({ dbName: name, limits: { session: 3, database: 100 } });
    for (let i = 0; i < 3; i++) first.add(request(`r${i}`));
    await first.close();
    const second = new ObservationStore({ dbName: name, limits: { session: 3, database: 100 } });
    second.add(request('r3'));
    second.add(request('r1', { statusCode: 204 }));
    await second.flush();
    expect(await second.count()).toBe(3);
    expect((await second.get('r1'))?.statusCode).toBe(204);
    expect(await second.cappedByPage()).toEqual({ [PAGE]: 1 });
  });

  it('keeps the counts the page side reports, per session and page, until cleared, forgotten or too old', async () => {
    let now = 1_000;
    const store = new ObservationStore({ dbName: freshName(), clock: () => now });
    store.noteCapped({ pageUrl: PAGE, sessionId: 'site.test' }, 40);
    store.noteCapped({ pageUrl: PAGE, sessionId: 'site.test' }, 2);
    store.noteCapped({ pageUrl: 'https://other.test/', sessionId: 'other.test' }, 5);
    expect(await store.cappedByPage('site.test')).toEqual({ [PAGE]: 42 });
    expect(await store.cappedByPage()).toEqual({ [PAGE]: 42, 'https://other.test/': 5 });
    await store.forgetCapped('site.test');
    expect(await store.cappedByPage()).toEqual({ 'https://other.test/': 5 });
    now = 5_000;
    store.noteCapped({ pageUrl: PAGE, sessionId: 'site.test' }, 1);
    await store.deleteBefore(2_000);
    expect(await store.cappedByPage()).toEqual({ [PAGE]: 1 });
    await store.clear();
    expect(await store.cappedByPage()).toEqual({});
  });

  it('counts nothing while paused or for a tab it does not record', async () => {
    const store = new ObservationStore({ dbName: freshName() });
    store.setTabRecorded(7, false);
    store.noteCapped({ pageUrl: PAGE, sessionId: 'site.test', tabId: 7 }, 3);
    store.paused = true;
    store.noteCapped({ pageUrl: PAGE, sessionId: 'site.test' }, 3);
    expect(await store.cappedByPage()).toEqual({});
  });

  it('a new count changes the session’s revision, so a kept report is rebuilt', () => {
    const store = new ObservationStore({ dbName: freshName() });
    const before = store.revisionOf('site.test');
    store.noteCapped({ pageUrl: PAGE, sessionId: 'site.test' }, 1);
    expect(store.revisionOf('site.test')).not.toBe(before);
  });
});
