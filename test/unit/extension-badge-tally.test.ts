import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { SiteReports } from '../../lib/extension/site-reports';
import { PolicyStore } from '../../lib/store/policy-store';
import { VerdictStore } from '../../lib/store/verdict-store';
import { ObservationStore } from '../../lib/store/observation-store';
import { seenOnInbenta as seen } from './inbenta-visit-fixture';

let n = 0;
const tool = { name: 'policy-tracker-auditor', version: '0.1.0' };

function setUp() {
  const store = new ObservationStore({ dbName: `badge-tally-${++n}` });
  const bySession = vi.spyOn(store, 'bySession');
  const reports = new SiteReports({
    observations: store,
    verdicts: new VerdictStore(`verdicts-bt-${n}`),
    policies: new PolicyStore(`policies-bt-${n}`),
    sessions: { startOf: async () => undefined },
    tool,
    sources: async () => ({ trackerDb: false as const }),
  });
  return { store, reports, bySession };
}

describe("the badge's count follows what changed, judged as the whole report judges it", () => {
  it('reads the whole session once, then only what was added, replaced or deleted', async () => {
    const { store, reports, bySession } = setUp();
    store.add(seen('request', 'www.inbenta.com', { resourceType: 'main_frame' }));
    const unknown = seen('request', 'tracker.unknown-fixture.example', { resourceType: 'script' });
    store.add(unknown);
    expect(await reports.undisclosedCount('inbenta.com')).toBe(1);
    expect(bySession).toHaveBeenCalledTimes(1);

    const pixel = seen('request', 'pixel.second-unknown.example', { resourceType: 'image' });
    store.add(pixel);
    store.add(seen('request', 'www.google-analytics.com', { resourceType: 'script' })); // disclosed by the policy
    expect(await reports.undisclosedCount('inbenta.com')).toBe(2);
    // A request that ended: same id, now on a host the policy discloses.
    store.add({ ...pixel, host: 'www.google-analytics.com', url: 'https://www.google-analytics.com/collect' });
    expect(await reports.undisclosedCount('inbenta.com')).toBe(1);
    await store.delete(unknown.id);
    expect(await reports.undisclosedCount('inbenta.com')).toBe(0);
    expect(bySession).toHaveBeenCalledTimes(1);

    // The whole report agrees, and a clear of the database makes the count start over.
    const { report } = await reports.build('inbenta.com');
    expect(report.findings.filter((f) => f.status === 'undisclosed')).toHaveLength(0);
    await store.clear();
    store.add(seen('request', 'tracker.unknown-fixture.example', { resourceType: 'image' }));
    expect(await reports.undisclosedCount('inbenta.com')).toBe(1);
    expect(bySession).toHaveBeenCalledTimes(3); // the report's read, and the count's after the clear
  });

  it('counts nothing for a site no policy judges, and starts over when something besides observations changed', async () => {
    const { store, reports, bySession } = setUp();
    store.add(seen('request', 'tracker.unknown-fixture.example', { resourceType: 'script', sessionId: 'example.org', pageUrl: 'https://example.org/' }));
    expect(await reports.undisclosedCount('example.org')).toBe(0);
    reports.changed();
    expect(await reports.undisclosedCount('example.org')).toBe(0);
    expect(bySession).toHaveBeenCalledTimes(2);
  });
});
