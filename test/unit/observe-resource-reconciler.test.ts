import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ResourceReconciler } from '../../lib/observe/resource-reconciler';
import { ObservationStore } from '../../lib/store/observation-store';
import { normalizeRequest } from '../../lib/observe/requests';
import type { ResourceEntry } from '../../lib/observe/resource-timing';

const page = 'https://www.site.test/';
let n = 0;
const store = () => new ObservationStore({ dbName: `reconciler-${++n}` });
const entry = (url: string, startTime = 1000): ResourceEntry => ({ url, initiatorType: 'script', startTime });
const networkRecord = (requestId: string, url: string) =>
  normalizeRequest({ requestId, url, type: 'script', tabId: 1, timeStamp: 1000 }, { pageUrl: page });

describe('ResourceReconciler', () => {
  it('adds nothing for entries the network listener recorded', async () => {
    const s = store();
    const r = new ResourceReconciler(s);
    const record = networkRecord('1', 'https://t.test/a.js');
    s.add(record);
    await r.noteRequest(record);
    await r.reconcile([entry('https://t.test/a.js')], 1, page);
    expect((await s.all()).map((o) => o.id)).toEqual([record.id]);
  });

  it('stands in for a request the listener missed, as a browser-api observation', async () => {
    const s = store();
    await new ResourceReconciler(s).reconcile([entry('https://t.test/missed.js')], 1, page);
    const [only] = await s.all();
    expect(only).toMatchObject({ kind: 'request', resourceType: 'script', source: 'browser-api', url: 'https://t.test/missed.js', party: 'third' });
  });

  it('replaces the stand-in when the network record arrives late', async () => {
    const s = store();
    const r = new ResourceReconciler(s);
    await r.reconcile([entry('https://t.test/late.js')], 1, page);
    const late = networkRecord('9', 'https://t.test/late.js');
    s.add(late);
    await r.noteRequest(late);
    expect((await s.all()).map((o) => o.id)).toEqual([late.id]);
  });

  it('counts repeated URLs: two fetches, one recorded, one stand-in', async () => {
    const s = store();
    const r = new ResourceReconciler(s);
    const first = networkRecord('1', 'https://t.test/p');
    s.add(first);
    await r.noteRequest(first);
    await r.reconcile([entry('https://t.test/p', 1), entry('https://t.test/p', 2)], 1, page);
    expect(await s.count()).toBe(2);
  });

  it('a restarted worker finishes a replacement the stopped one left half done', async () => {
    const s = store();
    await new ResourceReconciler(s).reconcile([entry('https://t.test/x.js')], 1, page);
    s.add(networkRecord('5', 'https://t.test/x.js')); // written, but the stand-in was never deleted
    const restarted = new ResourceReconciler(s);
    await restarted.reconcile([], 1, page);
    expect((await s.all()).map((o) => o.source)).toEqual(['network']);
  });
});

describe('ResourceReconciler, batches sent twice', () => {
  it('counts an entry once even when its batch arrives again', async () => {
    const s = store();
    const r = new ResourceReconciler(s);
    const record = networkRecord('1', 'https://t.test/once.js');
    s.add(record);
    await r.noteRequest(record);
    await r.reconcile([entry('https://t.test/once.js')], 1, page);
    await r.reconcile([entry('https://t.test/once.js')], 1, page);
    expect(await s.count()).toBe(1);
  });
});
