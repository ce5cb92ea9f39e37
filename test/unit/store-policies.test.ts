import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NO_POLICY, PolicyStore } from '../../lib/store/policy-store';

let n = 0;
const freshStore = () => new PolicyStore(`policies-test-${++n}`);

describe('PolicyStore', () => {
  it('saves policies and site choices, and deleting a policy sends its sites back to automatic', async () => {
    const store = freshStore();
    await store.save({ key: 'saved:a', origin: 'imported', file: 'a.policy.json', json: { id: 'a' }, savedAt: 1 });
    await store.save({ key: 'saved:b', origin: 'draft', file: 'b.policy.json', json: { id: 'b' }, sourceText: 'text', savedAt: 2 });
    await store.choose('one.test', 'saved:a');
    await store.choose('two.test', NO_POLICY);
    expect((await store.all()).map((p) => p.key)).toEqual(['saved:a', 'saved:b']);
    await store.delete('saved:a');
    expect((await store.all()).map((p) => p.key)).toEqual(['saved:b']);
    expect(await store.choices()).toEqual([{ site: 'two.test', policyKey: NO_POLICY }]);
    await store.choose('two.test', undefined);
    expect(await store.choiceFor('two.test')).toBeUndefined();
  });
});
