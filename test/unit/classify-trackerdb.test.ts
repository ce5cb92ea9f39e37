import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier, findOrganization } from '../../lib/classify/index';
import { isTrackerDbEnabled, loadTrackerDbForNode, TRACKERDB_SWITCH } from '../../lib/classify/trackerdb-node';
import { GHOSTERY_CATEGORIES, toTrackerCategory, type TrackerDbSource } from '../../lib/classify/trackerdb-source';

const site = { siteDomains: ['example.com'] };

describe('trackerdb source', () => {
  let trackerDb: TrackerDbSource;

  beforeAll(async () => {
    const loaded = await loadTrackerDbForNode({});
    if (!loaded) throw new Error('trackerdb should load when the switch is unset');
    trackerDb = loaded;
  });

  it('reports how big the engine it loaded was', () => {
    expect(trackerDb.name).toBe('trackerdb');
    expect(trackerDb.engineBytes).toBeGreaterThan(100_000);
    expect(trackerDb.loadMs).toBeGreaterThan(0);
  });

  it('attributes a domain absent from the built-in map: mmtro.com → 1000mercis, analytics', () => {
    expect(createClassifier(site).classify('mmtro.com').source).toBe('none');
    const { classify } = createClassifier({ ...site, trackerDb });
    expect(classify('www.mmtro.com')).toMatchObject({
      registrableDomain: 'mmtro.com',
      party: 'third',
      organization: '1000mercis',
      category: 'analytics',
      matchedDomain: 'mmtro.com',
      source: 'trackerdb',
      categorySource: 'trackerdb',
    });
  });

  it('links a trackerdb organization to the built-in id when the names agree', () => {
    const match = trackerDb.lookup('google.com');
    expect(match?.organization).toBe('Google');
    expect(findOrganization(match!.organization)?.id).toBe('google');
  });

  it('comes after the built-in map: hosts both know keep the built-in answer', () => {
    const { classify } = createClassifier({ ...site, trackerDb });
    expect(classify('analytics.tiktok.com')).toMatchObject({ organization: 'TikTok', source: 'builtin' });
  });

  it('supplies the category of a host the policy names', () => {
    const policyParties = [{ name: 'Our CRM partner', domains: ['mmtro.com'] }];
    const { classify } = createClassifier({ ...site, policyParties, trackerDb });
    expect(classify('mmtro.com')).toMatchObject({
      organization: 'Our CRM partner',
      source: 'policy',
      category: 'analytics',
      categorySource: 'trackerdb',
    });
  });

  it('still reports unknown hosts, IPs and single labels with source none', () => {
    const { classify } = createClassifier({ ...site, trackerDb });
    for (const host of ['unknown-cdn.example', '127.0.0.1', 'localhost']) {
      expect(classify(host).source).toBe('none');
    }
  });

  it('is left out when switched off', () => {
    const { classify } = createClassifier({ ...site, trackerDb: false });
    expect(classify('mmtro.com')).toMatchObject({ source: 'none' });
  });
});

describe('trackerdb switch', () => {
  it.each([
    [undefined, true],
    ['on', true],
    ['1', true],
    ['off', false],
    ['OFF', false],
    ['0', false],
    ['false', false],
    ['no', false],
    ['disabled', false],
  ])('%s=%s → enabled %s', (value, enabled) => {
    expect(isTrackerDbEnabled({ [TRACKERDB_SWITCH]: value })).toBe(enabled);
  });

  it(`loads nothing when ${TRACKERDB_SWITCH}=off`, async () => {
    await expect(loadTrackerDbForNode({ [TRACKERDB_SWITCH]: 'off' })).resolves.toBe(false);
  });
});

describe("Ghostery's categories", () => {
  it('maps every category the installed trackerdb uses explicitly, not by fallback', async () => {
    const packageDir = join(dirname(createRequire(import.meta.url).resolve('@ghostery/trackerdb')), '..');
    const exported = JSON.parse(await readFile(join(packageDir, 'trackerdb.json'), 'utf8')) as { categories: object };
    expect(Object.keys(exported.categories).filter((key) => !(key in GHOSTERY_CATEGORIES))).toEqual([]);
  });

  it.each([
    ['advertising', 'advertising'],
    ['pornvertising', 'advertising'],
    ['site_analytics', 'analytics'],
    ['social_media', 'social-media'],
    ['customer_interaction', 'customer-interaction'],
    ['consent', 'consent'],
    ['hosting', 'hosting'],
    ['audio_video_player', 'audio-video'],
    ['utilities', 'essential'],
    ['extensions', 'misc'],
    ['misc', 'misc'],
    ['a-category-added-later', 'misc'],
    [undefined, undefined],
  ])('%s → %s', (ghostery, ours) => {
    expect(toTrackerCategory(ghostery)).toBe(ours);
  });
});
