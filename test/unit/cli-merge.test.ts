import { describe, expect, it } from 'vitest';
import { namespaceIds } from '../../lib/headless/assemble-report';
import { interleavePages } from '../../lib/headless/merge';
import type { PageVisit } from '../../lib/export/report';
import { observation } from './export-fixture';

const page = (url: string, consent?: PageVisit['consent']): PageVisit => ({ url, finalUrl: url, ...(consent ? { consent } : {}) });

describe('interleavePages', () => {
  it('gives back the order of the URL list from shards of every n-th URL', () => {
    const shard1 = [page('u1'), page('u3'), page('u5')];
    const shard2 = [page('u2'), page('u4')];
    expect(interleavePages([shard1, shard2], undefined).map((p) => p.url)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
  });

  it('keeps pages grouped by consent state, in the order of the run', () => {
    const settings = {
      thirdPartyCookies: 'allowed' as const,
      consent: [
        { state: 'reject' as const, outcome: 'handled' as const },
        { state: 'none' as const, outcome: 'not-requested' as const },
      ],
    };
    const shard1 = [page('u1', 'reject'), page('u3', 'reject'), page('u1', 'none'), page('u3', 'none')];
    const shard2 = [page('u2', 'reject'), page('u2', 'none')];
    expect(interleavePages([shard1, shard2], settings).map((p) => `${p.consent} ${p.url}`)).toEqual([
      'reject u1',
      'reject u2',
      'reject u3',
      'none u1',
      'none u2',
      'none u3',
    ]);
  });
});

describe('namespaceIds', () => {
  it('prefixes ids and the redirect links between them', () => {
    const observations = [observation({ id: 'req-1-a' }), observation({ id: 'req-2-b', redirectedFrom: 'req-1-a' })];
    expect(namespaceIds(observations, 's2').map((o) => [o.id, o.redirectedFrom])).toEqual([
      ['s2:req-1-a', undefined],
      ['s2:req-2-b', 's2:req-1-a'],
    ]);
  });
});
