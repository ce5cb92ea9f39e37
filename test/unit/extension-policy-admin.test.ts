import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { debouncePerKey } from '../../lib/extension/debounce';
import { PolicyAdmin } from '../../lib/extension/policy-admin';
import { siteOfUrl } from '../../lib/extension/site-of-tab';
import { PolicyStore } from '../../lib/store/policy-store';
import { draftSkeleton } from '../../lib/ui/policy-draft';

const inbentaJson = JSON.parse(readFileSync(new URL('../../policy/inbenta.policy.json', import.meta.url), 'utf8'));
let n = 0;
const freshStore = () => new PolicyStore(`policies-test-${++n}`);

describe('PolicyAdmin (options page requests)', () => {
  it('imports a valid policy under its id and lists it before the bundled ones', async () => {
    const changed = vi.fn();
    const admin = new PolicyAdmin(freshStore(), changed);
    const json = { ...inbentaJson, id: 'inbenta-copy' };
    expect(await admin.save({ type: 'save-policy', file: 'copy.policy.json', json, origin: 'imported' }, 1)).toEqual({ ok: true, key: 'saved:inbenta-copy' });
    expect(changed).toHaveBeenCalledOnce();
    const listing = await admin.list();
    expect(listing.policies.map((p) => [p.key, p.origin])).toEqual([
      ['saved:inbenta-copy', 'imported'],
      ['bundled:inbenta', 'bundled'],
    ]);
    expect(listing.policies[0]).toMatchObject({ file: 'copy.policy.json', firstPartyDomains: ['inbenta.com'], declarations: inbentaJson.declarations.length });
  });

  it('refuses an invalid file with one line naming the file, the field and the problem', async () => {
    const admin = new PolicyAdmin(freshStore());
    const broken = structuredClone(inbentaJson);
    broken.declarations[0].technologies[0] = 'cookie-ish';
    const result = await admin.save({ type: 'save-policy', file: 'acme.policy.json', json: broken, origin: 'imported' }, 1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^acme\.policy\.json: declarations\[0\]\.technologies\[0\]: "cookie-ish" is not one of cookie, /);
    expect(!result.ok && result.error).not.toContain('\n');
    expect((await admin.list()).policies.map((p) => p.key)).toEqual(['bundled:inbenta']);
  });

  it('checks a draft’s quotes against the text it was drafted from', async () => {
    const admin = new PolicyAdmin(freshStore());
    const draft = draftSkeleton({ site: 'shop.test' });
    const result = await admin.save({ type: 'save-policy', file: 'shop.policy.json', json: draft, origin: 'draft', sourceText: 'We use cookies.' }, 1);
    expect(!result.ok && result.error).toMatch(/^shop\.policy\.json: declarations\[0\]\.clause\.quote: the quote of declaration "c1" is not in/);
  });

  it('returns a policy for editing, bundled ones included, and records site choices', async () => {
    const store = freshStore();
    const admin = new PolicyAdmin(store);
    expect(await admin.get('bundled:inbenta')).toMatchObject({ origin: 'bundled', file: 'policy/inbenta.policy.json', json: { id: 'inbenta' } });
    expect(await admin.get('saved:nothing')).toBeNull();
    await admin.choose('shop.test', 'bundled:inbenta');
    await admin.choose('other.test', 'auto');
    expect(await store.choices()).toEqual([{ site: 'shop.test', policyKey: 'bundled:inbenta' }]);
  });
});

describe('badge plumbing', () => {
  afterEach(() => vi.useRealTimers());

  it('debounces per tab, but never waits longer than the maximum on a busy tab', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const schedule = debouncePerKey((tab: number) => runs.push(tab), { waitMs: 100, maxWaitMs: 250 });
    schedule(1);
    schedule(2);
    for (let t = 0; t < 4; t++) {
      vi.advanceTimersByTime(60);
      schedule(1); // tab 1 keeps sending requests
    }
    expect(runs).toEqual([2]);
    vi.advanceTimersByTime(20);
    expect(runs).toEqual([2, 1]); // 250 ms after the first request, despite the stream
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([2, 1]); // the requests before it were covered by that run
    schedule(1);
    vi.advanceTimersByTime(100);
    expect(runs).toEqual([2, 1, 1]); // a new burst starts a new wait
  });

  it('takes the site session from a page URL, and none from browser pages', () => {
    expect(siteOfUrl('https://www.inbenta.com/en/')).toBe('inbenta.com');
    expect(siteOfUrl('http://shop.example.co.uk/x')).toBe('example.co.uk');
    expect(siteOfUrl('chrome://newtab/')).toBeUndefined();
    expect(siteOfUrl(undefined)).toBeUndefined();
  });
});
