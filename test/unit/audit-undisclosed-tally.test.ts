import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeSite, siteAttribution, type PolicyInUse } from '../../lib/audit/build-report';
import { UndisclosedTally } from '../../lib/audit/undisclosed-tally';
import type { Observation } from '../../lib/model/observation';
import { parsePolicy } from '../../lib/policy/parse';
import { seenOnInbenta } from './inbenta-visit-fixture';

const policy: PolicyInUse = {
  policy: parsePolicy(JSON.parse(readFileSync(new URL('../../policy/inbenta.policy.json', import.meta.url), 'utf8')), 'policy/inbenta.policy.json'),
};
const sources = { trackerDb: false as const };
const PAGE = [{ url: 'https://www.inbenta.com/', finalUrl: 'https://www.inbenta.com/' }];

/** Hosts and kinds whose verdicts differ under the 2015 policy: disclosed, undisclosed, first party, unknown. */
const SHAPES: [Observation['kind'], string, Partial<Observation>][] = [
  ['request', 'www.google-analytics.com', { resourceType: 'script' }],
  ['cookie', 'inbenta.com', { name: '_ga', url: 'https://www.google-analytics.com/analytics.js', via: ['js'] }],
  ['request', 'static.hotjar.com', { resourceType: 'script' }],
  ['storage', 'www.inbenta.com', { name: '_hjid', url: 'https://static.hotjar.com/c/hotjar.js', storage: { area: 'localStorage', origin: 'https://www.inbenta.com', key: '_hjid', valueSize: 3 } }],
  ['request', 'analytics.tiktok.com', { resourceType: 'script' }],
  ['beacon', 'stats.g.doubleclick.net', { resourceType: 'ping' }],
  ['request', 'tracker.adnet-fixture.com', { resourceType: 'image' }],
  ['request', 'www.inbenta.com', { resourceType: 'main_frame' }],
  ['cookie', 'tracker.adnet-fixture.com', { name: 'uid', via: ['http'] }],
];

/** A small deterministic generator: the same sequence of changes on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const undisclosedByJudge = (observations: Observation[]) =>
  judgeSite({ observations, pages: PAGE, policy, sources }).findings.filter((f) => f.status === 'undisclosed').length;

describe('UndisclosedTally: the badge count kept up to date change by change', () => {
  it('agrees with judging the whole session after every addition, replacement and removal', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const tally = new UndisclosedTally(policy.policy, siteAttribution({ observations: [], pages: PAGE, policy, sources }));
    const session = new Map<string, Observation>();
    let undisclosedSeen = 0;
    for (let step = 0; step < 300; step++) {
      const roll = next();
      if (roll < 0.2 && session.size > 0) {
        const id = pick([...session.keys()]);
        session.delete(id);
        tally.remove(id);
      } else {
        // A replacement keeps the id and may land elsewhere (a request that turned out a pixel, a host that changed).
        const id = roll < 0.45 && session.size > 0 ? pick([...session.keys()]) : `o${step}`;
        const [kind, host, extra] = pick(SHAPES);
        const observation = { ...seenOnInbenta(kind, host, extra), id };
        session.set(id, observation);
        tally.put([observation]);
      }
      const expected = undisclosedByJudge([...session.values()]);
      expect(tally.count(), `step ${step}`).toBe(expected);
      undisclosedSeen = Math.max(undisclosedSeen, expected);
    }
    expect(undisclosedSeen).toBeGreaterThan(1); // the sequence did reach several undisclosed findings
  });
});
