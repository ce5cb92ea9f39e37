import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { VerdictStore } from '../../lib/store/verdict-store';

let dbCounter = 0;
const freshStore = () => new VerdictStore(`verdicts-test-${++dbCounter}`);

describe('VerdictStore', () => {
  it('keeps verdicts per site, matching the subject whatever its case', async () => {
    const store = freshStore();
    await store.save({ site: 'shop.test', status: 'undisclosed', subject: 'ads.test', verdict: 'not-compliant', comment: ' ask legal ' }, 5);
    await store.save({ site: 'shop.test', status: 'undisclosed', subject: 'ADS.test', verdict: 'needs-review' }, 6);
    await store.save({ site: 'other.test', status: 'undisclosed', subject: 'ads.test', verdict: 'compliant' }, 7);
    const records = await store.forSite('shop.test');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ subject: 'ADS.test', verdict: 'needs-review', comment: '', updatedAt: 6 });
    expect(await store.forSite('other.test')).toHaveLength(1);
  });

  it('forgets a finding whose verdict and comment were both cleared', async () => {
    const store = freshStore();
    await store.save({ site: 's.test', status: 'disclosed', subject: 'Google', comment: 'fine' }, 1);
    expect(await store.save({ site: 's.test', status: 'disclosed', subject: 'Google', comment: '  ' }, 2)).toBeUndefined();
    expect(await store.forSite('s.test')).toEqual([]);
  });

  it('survives a reopened database (a restarted worker)', async () => {
    const name = `verdicts-test-${++dbCounter}`;
    const first = new VerdictStore(name);
    await first.save({ site: 's.test', status: 'undisclosed', subject: 'Hotjar', verdict: 'not-compliant' }, 1);
    await first.close();
    expect(await new VerdictStore(name).forSite('s.test')).toHaveLength(1);
  });
});
